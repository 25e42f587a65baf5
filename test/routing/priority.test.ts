/**
 * Matching priority against Werkzeug: each table's rules (endpoints r0, r1, ... in order) and what
 * Werkzeug 3.1.8's MapAdapter.match answered for each request (generated once with werkzeug.routing
 * and copied here; the tests do not need Python). Rules are given in Werkzeug's terms.
 */
import { describe, expect, it } from 'vitest';
import { HTTPException, MethodNotAllowed } from 'tsgi';
import { RequestRedirect, Rule, RuleMap, type RuleOptions } from 'tsgi/routing';

type Outcome = ['match', string, Record<string, unknown>] | ['redirect', string] | ['405', string[]] | ['404'] | ['400'];
type Table = { name: string; rules: Array<[string, RuleOptions]>; requests: Array<[string, string, Outcome]> };

const tables: Table[] = [
  {
    name: "static segment beats dynamic",
    rules: [["/foo/<a>", {}], ["/<b>/bar", {}]],
    requests: [
      ["/foo/bar", "GET", ["match", "r0", {"a": "bar"}]],
      ["/x/bar", "GET", ["match", "r1", {"b": "x"}]],
      ["/foo/x", "GET", ["match", "r0", {"a": "x"}]],
    ],
  },
  {
    name: "int before string, whatever the order",
    rules: [["/<x>", {}], ["/<int:y>", {}]],
    requests: [
      ["/5", "GET", ["match", "r1", {"y": 5}]],
      ["/a", "GET", ["match", "r0", {"x": "a"}]],
      ["/-5", "GET", ["match", "r0", {"x": "-5"}]],
      ["/05", "GET", ["match", "r1", {"y": 5}]],
    ],
  },
  {
    name: "more static pieces in a segment first",
    rules: [["/<a>", {}], ["/<a>.<b>", {}], ["/<a>.html", {}]],
    requests: [
      ["/x.html", "GET", ["match", "r2", {"a": "x"}]],
      ["/x.y", "GET", ["match", "r1", {"a": "x", "b": "y"}]],
      ["/x", "GET", ["match", "r0", {"a": "x"}]],
      ["/a.b.html", "GET", ["match", "r2", {"a": "a.b"}]],
    ],
  },
  {
    name: "a longer static piece first",
    rules: [["/<a>o", {}], ["/<a>oo", {}]],
    requests: [
      ["/xoo", "GET", ["match", "r1", {"a": "x"}]],
      ["/xo", "GET", ["match", "r0", {"a": "x"}]],
      ["/o", "GET", ["404"]],
    ],
  },
  {
    name: "a string segment before a path",
    rules: [["/<path:p>", {}], ["/<a>/<b>", {}]],
    requests: [
      ["/x/y", "GET", ["match", "r1", {"a": "x", "b": "y"}]],
      ["/x", "GET", ["match", "r0", {"p": "x"}]],
      ["/x/y/z", "GET", ["match", "r0", {"p": "x/y/z"}]],
    ],
  },
  {
    name: "path with a static tail first",
    rules: [["/<path:p>", {}], ["/<path:p>/edit", {}]],
    requests: [
      ["/a/edit", "GET", ["match", "r1", {"p": "a"}]],
      ["/a/b/edit", "GET", ["match", "r1", {"p": "a/b"}]],
      ["/edit", "GET", ["match", "r0", {"p": "edit"}]],
      ["/a/edits", "GET", ["match", "r0", {"p": "a/edits"}]],
    ],
  },
  {
    name: "more variables in a segment first",
    rules: [["/<a>", {}], ["/<a>-<b>", {}]],
    requests: [
      ["/x-y", "GET", ["match", "r1", {"a": "x", "b": "y"}]],
      ["/x", "GET", ["match", "r0", {"a": "x"}]],
      ["/-y", "GET", ["match", "r0", {"a": "-y"}]],
    ],
  },
  {
    name: "method fallthrough to a later rule",
    rules: [["/x", {"methods": ["GET"]}], ["/<a>", {"methods": ["POST"]}]],
    requests: [
      ["/x", "POST", ["match", "r1", {"a": "x"}]],
      ["/x", "GET", ["match", "r0", {}]],
      ["/x", "PUT", ["405", ["GET", "HEAD", "POST"]]],
      ["/y", "GET", ["405", ["POST"]]],
    ],
  },
  {
    name: "strict-slash branch before a dynamic leaf",
    rules: [["/foo/", {}], ["/<a>", {}]],
    requests: [
      ["/foo", "GET", ["redirect", "http://example.org/foo/"]],
      ["/bar", "GET", ["match", "r1", {"a": "bar"}]],
      ["/foo/", "GET", ["match", "r0", {}]],
    ],
  },
  {
    name: "a leaf asked with a slash",
    rules: [["/foo", {}], ["/<path:p>", {}]],
    requests: [
      ["/foo/", "GET", ["match", "r1", {"p": "foo/"}]],
      ["/foo", "GET", ["match", "r0", {}]],
      ["/foo/bar", "GET", ["match", "r1", {"p": "foo/bar"}]],
    ],
  },
  {
    name: "ties keep insertion order",
    rules: [["/<a>", {}], ["/<string(minlength=2):b>", {}]],
    requests: [
      ["/xy", "GET", ["match", "r0", {"a": "xy"}]],
      ["/x", "GET", ["match", "r0", {"a": "x"}]],
    ],
  },
  {
    name: "any and string tie: insertion order",
    rules: [["/<any(a, b):x>", {}], ["/<y>", {}]],
    requests: [
      ["/a", "GET", ["match", "r0", {"x": "a"}]],
      ["/c", "GET", ["match", "r1", {"y": "c"}]],
    ],
  },
  {
    name: "float and int",
    rules: [["/<float:f>", {}], ["/<int:i>", {}]],
    requests: [
      ["/1", "GET", ["match", "r1", {"i": 1}]],
      ["/1.5", "GET", ["match", "r0", {"f": 1.5}]],
      ["/1.", "GET", ["404"]],
      ["/.5", "GET", ["404"]],
    ],
  },
  {
    name: "a final path part with more statics first",
    rules: [["/<a>/<b>", {}], ["/<path:p>/c", {}]],
    requests: [
      ["/x/c", "GET", ["match", "r1", {"p": "x"}]],
      ["/x/d", "GET", ["match", "r0", {"a": "x", "b": "d"}]],
      ["/x/y/c", "GET", ["match", "r1", {"p": "x/y"}]],
    ],
  },
  {
    name: "backtracking from a dynamic segment to a path",
    rules: [["/a/<b>/c", {}], ["/a/<path:p>", {}]],
    requests: [
      ["/a/x/c", "GET", ["match", "r0", {"b": "x"}]],
      ["/a/x/d", "GET", ["match", "r1", {"p": "x/d"}]],
      ["/a/x/y/c", "GET", ["match", "r1", {"p": "x/y/c"}]],
    ],
  },
  {
    name: "greedy paths",
    rules: [["/foo", {}], ["/<path:bar>", {}], ["/<path:bar>/<path:blub>", {}]],
    requests: [
      ["/foo", "GET", ["match", "r0", {}]],
      ["/blub", "GET", ["match", "r1", {"bar": "blub"}]],
      ["/he/he", "GET", ["match", "r2", {"bar": "he", "blub": "he"}]],
      ["/a/b/c", "GET", ["match", "r2", {"bar": "a", "blub": "b/c"}]],
    ],
  },
  {
    name: "werkzeug test_path",
    rules: [["/", {"defaults": {"name": "FrontPage"}}], ["/Special", {}], ["/<int:year>", {}], ["/<path:name>", {}], ["/<path:name>/edit", {}], ["/<path:name>/silly/<path:name2>", {}], ["/<path:name>/silly/<path:name2>/edit", {}], ["/Talk:<path:name>", {}], ["/User:<username>", {}], ["/User:<username>/<path:name>", {}], ["/Files/<path:file>", {}]],
    requests: [
      ["/", "GET", ["match", "r0", {"name": "FrontPage"}]],
      ["/FrontPage", "GET", ["match", "r3", {"name": "FrontPage"}]],
      ["/Special", "GET", ["match", "r1", {}]],
      ["/2007", "GET", ["match", "r2", {"year": 2007}]],
      ["/Some/Page", "GET", ["match", "r3", {"name": "Some/Page"}]],
      ["/Some/Page/edit", "GET", ["match", "r4", {"name": "Some/Page"}]],
      ["/Foo/silly/bar", "GET", ["match", "r5", {"name": "Foo", "name2": "bar"}]],
      ["/Foo/silly/bar/edit", "GET", ["match", "r6", {"name": "Foo", "name2": "bar"}]],
      ["/Talk:Foo/Bar", "GET", ["match", "r7", {"name": "Foo/Bar"}]],
      ["/User:thomas", "GET", ["match", "r8", {"username": "thomas"}]],
      ["/User:thomas/projects/werkzeug", "GET", ["match", "r9", {"username": "thomas", "name": "projects/werkzeug"}]],
      ["/Files/downloads/werkzeug/0.2.zip", "GET", ["match", "r10", {"file": "downloads/werkzeug/0.2.zip"}]],
    ],
  },
  {
    name: "werkzeug test_complex_routing_rules",
    rules: [["/", {}], ["/<int:blub>", {}], ["/<blub>", {}], ["/foo/", {}], ["/foobar/", {}], ["/foo/<path:testing>/", {}], ["/foo/<path:testing>/edit", {}], ["/users/", {"defaults": {"page": 1}}], ["/users/page/<int:page>", {}], ["/foox", {}], ["/<path:bar>/<path:blub>", {}]],
    requests: [
      ["/", "GET", ["match", "r0", {}]],
      ["/42", "GET", ["match", "r1", {"blub": 42}]],
      ["/blub", "GET", ["match", "r2", {"blub": "blub"}]],
      ["/foo/", "GET", ["match", "r3", {}]],
      ["/foobar/", "GET", ["match", "r4", {}]],
      ["/foo/1/2/3/", "GET", ["match", "r5", {"testing": "1/2/3"}]],
      ["/foo/1/2/3/edit", "GET", ["match", "r6", {"testing": "1/2/3"}]],
      ["/users/", "GET", ["match", "r7", {"page": 1}]],
      ["/users/page/2", "GET", ["match", "r8", {"page": 2}]],
      ["/foox", "GET", ["match", "r9", {}]],
      ["/1/2/3", "GET", ["match", "r10", {"bar": "1", "blub": "2/3"}]],
      ["/foo", "GET", ["redirect", "http://example.org/foo/"]],
      ["/foo/1/2/3", "GET", ["redirect", "http://example.org/foo/1/2/3/"]],
      ["/users/page/1", "GET", ["match", "r8", {"page": 1}]],
    ],
  },
  {
    name: "suffixed path redirect",
    rules: [["/<path:p>/", {}], ["/x", {}]],
    requests: [
      ["/a/b", "GET", ["redirect", "http://example.org/a/b/"]],
      ["/a/b/", "GET", ["match", "r0", {"p": "a/b"}]],
      ["/x", "GET", ["match", "r1", {}]],
      ["/x/", "GET", ["match", "r0", {"p": "x"}]],
      ["/a//", "GET", ["redirect", "http://example.org/a/"]],
    ],
  },
  {
    name: "version segments",
    rules: [["/v<int:major>.<int:minor>", {}], ["/v<major>", {}], ["/<page>", {}]],
    requests: [
      ["/v1.2", "GET", ["match", "r0", {"major": 1, "minor": 2}]],
      ["/v1", "GET", ["match", "r1", {"major": "1"}]],
      ["/vx.y", "GET", ["match", "r1", {"major": "x.y"}]],
      ["/v1.x", "GET", ["match", "r1", {"major": "1.x"}]],
      ["/w", "GET", ["match", "r2", {"page": "w"}]],
    ],
  },
  {
    name: "unicode",
    rules: [["/лошадь", {}], ["/<a>", {}]],
    requests: [
      ["/лошадь", "GET", ["match", "r0", {}]],
      ["/барсук", "GET", ["match", "r1", {"a": "барсук"}]],
    ],
  },
  {
    name: "merge slashes",
    rules: [["/a/<b>", {}], ["/c/<path:p>", {}], ["/d/", {}]],
    requests: [
      ["/a//x", "GET", ["redirect", "http://example.org/a/x"]],
      ["/a///x", "GET", ["redirect", "http://example.org/a/x"]],
      ["/c//x//y", "GET", ["redirect", "http://example.org/c/x/y"]],
      ["/d//", "GET", ["redirect", "http://example.org/d/"]],
      ["//a/x", "GET", ["match", "r0", {"b": "x"}]],
      ["/d", "GET", ["redirect", "http://example.org/d/"]],
      ["//d", "GET", ["redirect", "http://example.org/d/"]],
    ],
  },
  {
    name: "string lengths",
    rules: [["/<string(length=2):a>", {}], ["/<string(minlength=3, maxlength=4):b>", {}]],
    requests: [
      ["/ab", "GET", ["match", "r0", {"a": "ab"}]],
      ["/abc", "GET", ["match", "r1", {"b": "abc"}]],
      ["/abcd", "GET", ["match", "r1", {"b": "abcd"}]],
      ["/abcde", "GET", ["404"]],
      ["/a", "GET", ["404"]],
    ],
  },
  {
    name: "methods collected for 405",
    rules: [["/<a>", {"methods": ["GET"]}], ["/x", {"methods": ["POST"]}], ["/x/", {"methods": ["PUT"]}]],
    requests: [
      ["/x", "DELETE", ["405", ["GET", "HEAD", "POST"]]],
      ["/x", "POST", ["match", "r1", {}]],
      ["/y", "DELETE", ["405", ["GET", "HEAD"]]],
      ["/x", "PUT", ["redirect", "http://example.org/x/"]],
      ["/x/", "DELETE", ["405", ["PUT"]]],
    ],
  },
];

function outcome(urls: ReturnType<RuleMap['bind']>, path: string, method: string): Outcome {
  const result = urls.tryMatch(path, method);
  if (result instanceof RequestRedirect) return ['redirect', result.newUrl];
  if (result instanceof MethodNotAllowed) return ['405', result.validMethods];
  if (result instanceof HTTPException) return [String(result.code)] as Outcome;
  return ['match', result.endpoint!, result.params];
}

describe('matching priority is Werkzeug\'s', () => {
  for (const table of tables) {
    it(table.name, () => {
      const map = new RuleMap(table.rules.map(([path, options], i) => new Rule(path, { ...options, endpoint: `r${i}` })));
      const urls = map.bind('example.org');
      for (const [path, method, expected] of table.requests) {
        expect([method, path, outcome(urls, path, method)]).toEqual([method, path, expected]);
      }
    });
  }

  it('does not depend on the order rules are added in', () => {
    for (const table of tables) {
      const rules = table.rules.map(([path, options], i) => [path, { ...options, endpoint: `r${i}` }] as const);
      const forward = new RuleMap(rules.map(([p, o]) => new Rule(p, o))).bind('example.org');
      const backward = new RuleMap([...rules].reverse().map(([p, o]) => new Rule(p, o))).bind('example.org');
      for (const [path, method] of table.requests) {
        const a = outcome(forward, path, method);
        const b = outcome(backward, path, method);
        // Only exact ties (equal weights) fall back to insertion order.
        if (table.name.startsWith('ties') || table.name.startsWith('any and string')) continue;
        expect([table.name, path, b]).toEqual([table.name, path, a]);
      }
    }
  });
});
