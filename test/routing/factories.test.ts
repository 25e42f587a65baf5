/**
 * Rule factories and templates, copies of rules, duplicate rules, adding rules later, and the
 * readable forms (werkzeug tests/test_routing.py's template, emptying, repr and duplicate tests).
 */
import { describe, expect, it } from 'vitest';
import { NotFound } from 'tsgi';
import {
  DuplicateRuleError, EndpointPrefix, Rule, RuleMap, RuleTemplate, Subdomain, Submount, type RuleOptions,
} from 'tsgi/routing';

describe('factories', () => {
  it('expand templates through Submount, EndpointPrefix and Subdomain', () => {
    const testcase = new RuleTemplate([
      new Submount('/test/$app', [new Rule('/foo/', { endpoint: 'handle_foo' }), new Rule('/bar/', { endpoint: 'handle_bar' }), new Rule('/baz/', { endpoint: 'handle_baz' })]),
      new EndpointPrefix('${app}', [new Rule('/${app}-blah', { endpoint: 'bar' }), new Rule('/${app}-meh', { endpoint: 'baz' })]),
      new Subdomain('$app', [new Rule('/blah', { endpoint: 'x_bar' }), new Rule('/meh', { endpoint: 'x_baz' })]),
    ]);
    const map = new RuleMap(['test1', 'test2', 'test3', 'test4'].map((app) => testcase.expand({ app })));
    const out = map.rules.map((rule) => [rule.path, rule.subdomain ?? '', rule.endpoint]).sort((a, b) => String(a).localeCompare(String(b)));
    const expected: Array<[string, string, string]> = [];
    for (const app of ['test1', 'test2', 'test3', 'test4']) {
      expected.push(['/blah', app, 'x_bar'], ['/meh', app, 'x_baz']);
      for (const name of ['bar', 'baz', 'foo']) expected.push([`/test/${app}/${name}/`, '', `handle_${name}`]);
      expected.push([`/${app}-blah`, '', `${app}bar`], [`/${app}-meh`, '', `${app}baz`]);
    }
    expect(out).toEqual(expected.sort((a, b) => String(a).localeCompare(String(b))));
  });

  it('mount rules under a prefix, keeping every option', () => {
    const map = new RuleMap([
      new Rule('/', { endpoint: 'index' }),
      new Submount('/blog/', [new Rule('/', { endpoint: 'blog/index' }), new Rule('/entry/<entry_slug>', { endpoint: 'blog/show', methods: ['GET'] })]),
    ]);
    const urls = map.bind('example.com');
    expect(urls.match('/blog/entry/hello')).toMatchObject({ endpoint: 'blog/show', params: { entry_slug: 'hello' } });
    expect(urls.match('/blog/').endpoint).toBe('blog/index');
    expect(urls.match('/blog/entry/x').rule.methods).toEqual(['GET', 'HEAD']);
    expect(urls.build('blog/show', { entry_slug: 'a b' })).toBe('/blog/entry/a%20b');
  });

  it('nest', () => {
    const map = new RuleMap([new EndpointPrefix('blog/', [new Submount('/blog', [new Rule('/', { endpoint: 'index' }), new Rule('/entry/<entry_slug>', { endpoint: 'show' })])])]);
    expect(map.bind('x').match('/blog/entry/a')).toMatchObject({ endpoint: 'blog/show', params: { entry_slug: 'a' } });
    expect(map.bind('x').build('blog/index')).toBe('/blog/');
  });

  it('fill placeholders in defaults and hosts; a missing one is an error', () => {
    const template = new RuleTemplate([new Rule('/$name/', { endpoint: '$name.list', defaults: { kind: '$name', page: 1 } })]);
    const map = new RuleMap([template.expand({ name: 'user' })]);
    expect(map.bind('x').match('/user/')).toMatchObject({ endpoint: 'user.list', params: { kind: 'user', page: 1 } });
    expect(() => new RuleMap([template.expand({})])).toThrow(ReferenceError);
    expect(new RuleMap([new RuleTemplate([new Rule('/$$x', { endpoint: 'd' })]).expand({})]).rules[0].path).toBe('/$x');
  });

  it('give copies, so a group can go into two maps', () => {
    const group = new Submount('/api', [new Rule('/ping', { endpoint: 'ping' })]);
    const one = new RuleMap([group]);
    const two = new RuleMap([group]);
    expect(one.rules[0]).not.toBe(two.rules[0]);
    expect(two.bind('x').match('/api/ping').endpoint).toBe('ping');
  });
});

describe('rules', () => {
  it('copy themselves unbound, subclasses included', () => {
    class TaggedRule extends Rule<string, string | undefined, string, Readonly<Record<string, unknown>>> {
      tag = 'x';
      constructor(path: string, options: RuleOptions = {}) {
        super(path, options);
      }
    }
    const rule = new TaggedRule('/foo', { defaults: { meh: 'muh' }, subdomain: 'x', methods: ['POST'], buildOnly: false, endpoint: 'x', strictSlashes: true });
    const copy = rule.empty();
    expect(copy).toBeInstanceOf(TaggedRule);
    expect(copy.options).toEqual(rule.options);
    expect(copy.isBound).toBe(false);
    new RuleMap([rule]);
    expect(rule.isBound).toBe(true);
    expect(() => new RuleMap([rule])).toThrow(/already in a map/);
    expect(new RuleMap([copy]).rules[0]).toBe(copy);
  });

  it('print as Werkzeug does', () => {
    const map = new RuleMap([new Rule('/wat', { endpoint: 'enter' }), new Rule('/woop/<int:n>', { endpoint: 'foobar', methods: ['GET'] }), new Rule('/old', { redirectTo: '/wat' })]);
    expect(String(map)).toBe("RuleMap([<Rule '/wat' -> enter>,\n  <Rule '/woop/<n>' (GET, HEAD) -> foobar>,\n  <Rule '/old' -> redirect /wat>])");
    expect(String(new Rule('/', { endpoint: 'i', subdomain: '<user>' }))).toBe("<Rule '<user>|/' -> i>");
  });

  it('are listed in order, by endpoint in build order, and by the arguments they expect', () => {
    const map = new RuleMap([
      new Rule('/users/page/<int:page>', { endpoint: 'users' }),
      new Rule('/users/', { endpoint: 'users', defaults: { page: 1 } }),
      new Rule('/users/index.html', { endpoint: 'users', alias: true, defaults: { page: 1 } }),
      new Rule('/lang/<lang>/', { endpoint: 'home' }),
    ]);
    expect(map.rules.map((r) => r.path)).toEqual(['/users/page/<int:page>', '/users/', '/users/index.html', '/lang/<lang>/']);
    // Build order: aliases last, then more arguments (defaults count), then more defaults.
    expect(map.rulesFor('users').map((r) => r.path)).toEqual(['/users/', '/users/page/<int:page>', '/users/index.html']);
    expect(map.isEndpointExpecting('home', 'lang')).toBe(true);
    expect(map.isEndpointExpecting('users', 'lang')).toBe(false);
  });

  it('can be added after the first match', () => {
    const map = new RuleMap([new Rule('/a', { endpoint: 'a' })]);
    const urls = map.bind('x');
    expect(() => urls.match('/b')).toThrow(NotFound);
    const wider = map.add(new Rule('/b', { endpoint: 'b' })).add(new Submount('/c', [new Rule('/d', { endpoint: 'cd' })]));
    expect(wider).toBe(map);
    expect(urls.match('/b').endpoint).toBe('b');
    expect(wider.bind('x').build('cd')).toBe('/c/d');
  });

  it('are never matched when build-only', () => {
    const urls = new RuleMap([new Rule('/static/<path:file>', { endpoint: 'static', buildOnly: true })]).bind('x');
    expect(() => urls.match('/static/a.css')).toThrow(NotFound);
    expect(urls.build('static', { file: 'a.css' })).toBe('/static/a.css');
  });
});

describe('duplicate rules', () => {
  const clash = (a: [string, RuleOptions], b: [string, RuleOptions]) => () => new RuleMap([new Rule(...a), new Rule(...b)]);

  it('are refused when they would match the same requests', () => {
    expect(clash(['/a', { endpoint: 'a' }], ['/a', { endpoint: 'b' }])).toThrow(DuplicateRuleError);
    expect(clash(['/<x>', { endpoint: 'a' }], ['/<y>', { endpoint: 'b' }])).toThrow(DuplicateRuleError);
    expect(clash(['/a', { methods: ['GET'] }], ['/a', { methods: ['GET'] }])).toThrow(DuplicateRuleError);
    expect(clash(['/a', { methods: ['GET', 'POST'] }], ['/a', { methods: ['POST', 'PUT'] }])).toThrow(DuplicateRuleError);
    expect(clash(['/a', {}], ['/a', { methods: ['PUT'] }])).toThrow(DuplicateRuleError);
    expect(clash(['/a', { methods: ['HEAD'] }], ['/a', { methods: ['HEAD'] }])).toThrow(DuplicateRuleError);
    expect(clash(['//a', {}], ['/a', {}])).toThrow(DuplicateRuleError); // slashes merged in the rule
  });

  it('are allowed when methods, websocket, converters or slashes tell them apart', () => {
    expect(clash(['/a', { methods: ['GET'] }], ['/a', { methods: ['POST'] }])).not.toThrow();
    expect(clash(['/a', { methods: ['GET'] }], ['/a', { methods: ['HEAD'] }])).not.toThrow(); // overlap in HEAD only
    expect(clash(['/a', { methods: ['GET', 'OPTIONS'] }], ['/a', { methods: ['POST', 'OPTIONS'] }])).not.toThrow();
    expect(clash(['/a', { websocket: true }], ['/a', {}])).not.toThrow();
    expect(clash(['/<int:a>', {}], ['/<a>', {}])).not.toThrow();
    expect(clash(['/a', {}], ['/a/', {}])).not.toThrow();
    expect(clash(['/a', { subdomain: 'x' }], ['/a', {}])).not.toThrow();
    expect(clash(['/a', { buildOnly: true }], ['/a', {}])).not.toThrow();
  });

  it('name both rules', () => {
    expect(clash(['/a', { endpoint: 'first' }], ['/a', { endpoint: 'second' }])).toThrow("<Rule '/a' -> second> duplicates <Rule '/a' -> first>: it could never match");
  });
});
