/**
 * werkzeug tests/test_routing.py, URL building, ported to tsgi/routing (expected values checked
 * against werkzeug 3.1.8 unless a comment says why tsgi differs).
 */
import { describe, expect, it } from 'vitest';
import { MultiDict, quoteUrlPath } from 'tsgi';
import { BuildError, Rule, RuleMap } from 'tsgi/routing';

const basic = new RuleMap([
  new Rule('/', { endpoint: 'index' }),
  new Rule('/foo', { endpoint: 'foo' }),
  new Rule('/bar/<baz>', { endpoint: 'bar' }),
  new Rule('/bar/<int:bazi>', { endpoint: 'bari' }),
  new Rule('/bar/<float:bazf>', { endpoint: 'barf' }),
  new Rule('/bar/<path:bazp>', { endpoint: 'barp' }),
  new Rule('/hehe', { endpoint: 'blah', subdomain: 'blah' }),
]);

describe('building', () => {
  it('builds external URLs when the subdomain differs', () => {
    const urls = basic.bind('example.org', { scriptName: '/', subdomain: 'blah' });
    expect(urls.build('index', {})).toBe('http://example.org/');
    expect(urls.build('foo', {})).toBe('http://example.org/foo');
    expect(urls.build('bar', { baz: 'blub' })).toBe('http://example.org/bar/blub');
    expect(urls.build('bari', { bazi: 50 })).toBe('http://example.org/bar/50');
    expect(urls.build('bari', new MultiDict<unknown>([['bazi', 50], ['bazi', null]]))).toBe('http://example.org/bar/50');
    expect(urls.build('barf', { bazf: 0.815 })).toBe('http://example.org/bar/0.815');
    expect(urls.build('barp', { bazp: 'la/di' })).toBe('http://example.org/bar/la/di');
    expect(urls.build('blah', {})).toBe('/hehe');
    expect(() => urls.build('urks' as 'foo')).toThrow(BuildError);
  });

  it('builds under the script name', () => {
    const urls = basic.bind('example.org', { scriptName: '/test', subdomain: 'blah' });
    expect(urls.build('index', {})).toBe('http://example.org/test/');
    expect(urls.build('bar', { baz: 'blub' })).toBe('http://example.org/test/bar/blub');
    expect(urls.build('barp', { bazp: 'la/di' })).toBe('http://example.org/test/bar/la/di');
    expect(urls.build('blah', {})).toBe('/test/hehe');
  });

  it('builds relative URLs unless asked, and scheme-relative ones without a scheme', () => {
    expect(basic.bind('example.org').build('foo', {})).toBe('/foo');
    expect(basic.bind('example.org').build('foo', {}, { external: true })).toBe('http://example.org/foo');
    expect(basic.bind('example.org', { urlScheme: '' }).build('foo', {})).toBe('/foo');
    expect(basic.bind('example.org', { urlScheme: '' }).build('foo', {}, { external: true })).toBe('//example.org/foo');
    expect(basic.bind('example.org').build('foo', {}, { external: true, urlScheme: 'https' })).toBe('https://example.org/foo');
  });

  it('uses defaults to pick the canonical rule', () => {
    const urls = new RuleMap([new Rule('/foo/', { defaults: { page: 1 }, endpoint: 'foo' }), new Rule('/foo/<int:page>', { endpoint: 'foo' })]).bind('example.org');
    expect(urls.build('foo', {})).toBe('/foo/');
    expect(urls.build('foo', { page: 1 })).toBe('/foo/');
    expect(urls.build('foo', { page: 2 })).toBe('/foo/2');
  });

  it('builds greedy and complex rules', () => {
    const greedy = new RuleMap([new Rule('/foo', { endpoint: 'foo' }), new Rule('/<path:bar>', { endpoint: 'bar' }), new Rule('/<path:bar>/<path:blub>', { endpoint: 'bar' })]).bind('example.org');
    expect(greedy.build('foo', {})).toBe('/foo');
    expect(greedy.build('bar', { bar: 'blub' })).toBe('/blub');
    expect(greedy.build('bar', { bar: 'blub', blub: 'bar' })).toBe('/blub/bar');
    const complex = new RuleMap([
      new Rule('/', { endpoint: 'index' }),
      new Rule('/<int:blub>', { endpoint: 'an_int' }),
      new Rule('/<blub>', { endpoint: 'a_string' }),
      new Rule('/foo/', { endpoint: 'nested' }),
      new Rule('/foo/<path:testing>/', { endpoint: 'nested_show' }),
      new Rule('/foo/<path:testing>/edit', { endpoint: 'nested_edit' }),
      new Rule('/users/', { endpoint: 'users', defaults: { page: 1 } }),
      new Rule('/users/page/<int:page>', { endpoint: 'users' }),
      new Rule('/<path:bar>/<path:blub>', { endpoint: 'barx_path_path' }),
    ]).bind('example.com');
    expect(complex.build('index')).toBe('/');
    expect(complex.build('an_int', { blub: 42 })).toBe('/42');
    expect(complex.build('a_string', { blub: 'test' })).toBe('/test');
    expect(complex.build('nested')).toBe('/foo/');
    expect(complex.build('nested_show', { testing: '1/2/3' })).toBe('/foo/1/2/3/');
    expect(complex.build('nested_edit', { testing: '1/2/3' })).toBe('/foo/1/2/3/edit');
    expect(complex.build('users', { page: 1 })).toBe('/users/');
    expect(complex.build('users', { page: 2 })).toBe('/users/page/2');
    expect(complex.build('barx_path_path', { bar: '1', blub: '2/3' })).toBe('/1/2/3');
  });

  it('puts unknown values in the query (keys repeat, null dropped), or drops them', () => {
    const urls = new RuleMap([new Rule('/bar/<float:bazf>', { endpoint: 'barf' })]).bind('example.org', { subdomain: 'blah' });
    // Werkzeug writes bif=1.0 (a Python float); a JavaScript number 1.5 is '1.5' and 1.0 is '1'.
    expect(urls.build('barf', { bazf: 0.815, bif: 1.5 })).toBe('http://example.org/bar/0.815?bif=1.5');
    expect(urls.build('barf', { bazf: 0.815, bif: 1.5 }, { appendUnknown: false })).toBe('http://example.org/bar/0.815');
    const [path, query] = urls.build('barf', { bazf: 0.815, bif: [1.5, 3.5], pof: 2.5 }).split('?');
    expect(path).toBe('http://example.org/bar/0.815');
    expect(new Set(query.split('&'))).toEqual(new Set(['pof=2.5', 'bif=1.5', 'bif=3.5']));
    const x = new RuleMap([new Rule('/x/<a>', { endpoint: 'x' })]).bind('example.org');
    expect(x.build('x', new MultiDict<unknown>([['a', 'q'], ['b', '1'], ['b', '2'], ['c', null]]))).toBe('/x/q?b=1&b=2');
    expect(x.build('x', { a: 'x', b: null, c: [1, null, 2], t: true, u: undefined })).toBe('/x/x?c=1&c=2&t=true');
  });

  it('quotes path values with the WHATWG path-segment set, and query values as forms', () => {
    const urls = new RuleMap([new Rule('/<a>/<path:b>', { endpoint: 'x' })]).bind('e');
    expect(urls.build('x', { a: 'a b?d#e%f', b: 'x y/z', q: 'a&b=c+d e' })).toBe('/a%20b%3Fd%23e%25f/x%20y/z?q=a%26b%3Dc%2Bd+e');
    expect(urls.build('x', { a: "!$&'()*+,:;=@", b: 'ü' })).toBe("/!$&'()*+,:;=@/%C3%BC");
    const protocol = new RuleMap([new Rule('/<foo>', { endpoint: 'x' })]).bind('example.org');
    expect(protocol.build('x', { foo: 'x:y' })).toBe('/x:y');
    expect(protocol.build('x', { foo: 'x:y' }, { external: true })).toBe('http://example.org/x:y');
    expect(protocol.build('x', { foo: 42 })).toBe('/42');
  });

  it('sorts query parameters when asked', () => {
    const byValue = new RuleMap([new Rule('/', { endpoint: 'index' })], { sortParameters: (a, b) => a[1].localeCompare(b[1]) }).bind('localhost');
    expect(byValue.build('index', { x: 20, y: 10, z: 30 }, { external: true })).toBe('http://localhost/?y=10&x=20&z=30');
    const byKey = new RuleMap([new Rule('/', { endpoint: 'index' })], { sortParameters: true }).bind('localhost');
    expect(byKey.build('index', { z: 1, a: 2, m: [4, 3] })).toBe('/?a=2&m=3&m=4&z=1');
  });

  it('keeps the port of the server name', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' })]);
    expect(map.bind('example.org:5000').build('index', {}, { external: true })).toBe('http://example.org:5000/');
  });

  it('chooses the rule by method, the bound method first', () => {
    const urls = new RuleMap([
      new Rule('/', { endpoint: 'index', methods: ['GET'] }),
      new Rule('/<name>', { endpoint: 'hello_name', methods: ['GET'] }),
      new Rule('/select', { endpoint: 'hello_select', methods: ['POST'] }),
      new Rule('/search_get', { endpoint: 'search', methods: ['GET'] }),
      new Rule('/search_post', { endpoint: 'search', methods: ['POST'] }),
    ]).bind('example.com');
    expect(urls.build('index')).toBe('/');
    expect(urls.build('index', {}, { method: 'GET' })).toBe('/');
    expect(urls.build('hello_name', { name: 'foo' })).toBe('/foo');
    expect(urls.build('hello_select')).toBe('/select');
    expect(urls.build('hello_select', {}, { method: 'POST' })).toBe('/select');
    expect(urls.build('search')).toBe('/search_get');
    expect(urls.build('search', {}, { method: 'GET' })).toBe('/search_get');
    expect(urls.build('search', {}, { method: 'POST' })).toBe('/search_post');
    const posting = new RuleMap([new Rule('/search_get', { endpoint: 'search', methods: ['GET'] }), new Rule('/search_post', { endpoint: 'search', methods: ['POST'] })])
      .bind('example.com', { defaultMethod: 'POST' });
    expect(posting.build('search')).toBe('/search_post');
  });

  it('builds a variable with a default from the default', () => {
    const urls = new RuleMap([new Rule('/page/<int:n>', { endpoint: 'p', defaults: { n: 1 } })]).bind('x');
    expect(urls.build('p')).toBe('/page/1');
    expect(urls.match('/page/1').params).toEqual({ n: 1 });
  });

  it('checks a default against its converter when the rule is added, not at its first build', () => {
    expect(() => new RuleMap([new Rule('/page/<int:n>', { endpoint: 'p', defaults: { n: 'x' } })])).toThrow('x is not a number');
  });

  it('refuses a value its converter cannot write (BuildError, not a broken URL)', () => {
    const urls = new RuleMap([
      new Rule('/<any(a, b):x>', { endpoint: 'any' }),
      new Rule('/i/<int:n>', { endpoint: 'int' }),
      new Rule('/f/<float:f>', { endpoint: 'float' }),
      new Rule('/u/<uuid:u>', { endpoint: 'uuid' }),
    ]).bind('x');
    expect(urls.build('any', { x: 'a' })).toBe('/a');
    // @ts-expect-error the type refuses it too
    expect(() => urls.build('any', { x: 'c' })).toThrow(BuildError);
    expect(() => urls.build('int', { n: -1 })).toThrow(BuildError);
    // @ts-expect-error the type refuses it too
    expect(() => urls.build('int', { n: 'x' })).toThrow(BuildError);
    // @ts-expect-error the type refuses it too
    expect(urls.build('int', { n: '12' })).toBe('/i/12');
    expect(() => urls.build('float', { f: Number.NaN })).toThrow(BuildError);
    expect(() => urls.build('uuid', { u: 'not-a-uuid' })).toThrow(BuildError);
    // @ts-expect-error the type refuses it too
    expect(() => urls.build('int', { n: [1, 2] })).toThrow(BuildError);
  });
});

describe('remembered plain builds', () => {
  it('builds again after a rule is added; a BuildError each time', () => {
    const map = new RuleMap([new Rule('/old', { endpoint: 'page', methods: ['POST'] })]);
    const urls = map.bind('x');
    expect(urls.build('page')).toBe('/old');
    expect(urls.build('page')).toBe('/old');
    map.add(new Rule('/new', { endpoint: 'page', methods: ['GET'] }));
    expect(urls.build('page')).toBe('/new'); // the bound method, GET, first
    expect(() => urls.build('nothing' as never, {} as never)).toThrow(BuildError);
    expect(() => urls.build('nothing' as never, {} as never)).toThrow(BuildError);
  });
});

describe('build errors suggest what was meant', () => {
  it('suggests the closest endpoint', () => {
    const urls = new RuleMap([new Rule('/foo/', { endpoint: 'users.here' }), new Rule('/wat/', { endpoint: 'admin.users' }), new Rule('/woop', { endpoint: 'foo.users' })]).bind('example.com');
    let error: BuildError | undefined;
    try {
      urls.build('admin.user' as 'admin.users');
    } catch (e) {
      error = e as BuildError;
    }
    expect(error?.suggested?.endpoint).toBe('admin.users');
    expect(error?.message).toBe("Could not build url for endpoint 'admin.user'. Did you mean 'admin.users' instead?");
  });

  it('suggests by values, and names the missing ones', () => {
    const ruleId = new Rule('/user/id/<id>/', { endpoint: 'users' });
    const ruleSlug = new Rule('/user/<slug>/', { endpoint: 'users' });
    const urls = new RuleMap([ruleId, ruleSlug, new Rule('/user/emails/<email>/', { endpoint: 'users' })]).bind('example.com');
    const errorOf = (fn: () => unknown): BuildError => {
      try {
        fn();
      } catch (e) {
        return e as BuildError;
      }
      throw new Error('built');
    };
    const byValue = errorOf(() => urls.build('x' as 'users', { slug: '' }));
    expect(byValue.suggested).toBe(ruleSlug);
    expect(byValue.message).toBe("Could not build url for endpoint 'x' with values ['slug']. Did you mean 'users' instead?");
    // @ts-expect-error every rule of 'users' needs a variable
    const missing = errorOf(() => urls.build('users', { x: 1 }));
    expect(missing.suggested).toBe(ruleId);
    expect(missing.message).toBe("Could not build url for endpoint 'users' with values ['x']. Did you forget to specify values ['id']?");
  });

  it('names the methods of the endpoint', () => {
    const urls = new RuleMap([new Rule('/a', { endpoint: 'a', methods: ['POST'] })]).bind('example.com');
    expect(() => urls.build('a', {}, { method: 'GET' })).toThrow("Could not build url for endpoint 'a' ('GET'). Did you mean to use methods ['POST']?");
  });
});

describe('host and subdomain building', () => {
  it('builds across subdomains', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' }), new Rule('/', { endpoint: 'foo', subdomain: 'my' })]);
    expect(map.bind('domain.com', { subdomain: 'my' }).build('index')).toBe('http://domain.com/');
    expect(map.bind('domain.com').build('foo')).toBe('http://my.domain.com/');
    expect(map.bind('domain.com', { subdomain: 'my' }).build('foo')).toBe('/');
  });

  it('builds across hosts under host matching', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index', host: 'www.domain.com' }), new Rule('/', { endpoint: 'foo', host: 'my.domain.com' })], { hostMatching: true });
    const www = map.bind('www.domain.com');
    expect(www.match('/').endpoint).toBe('index');
    expect(www.build('index')).toBe('/');
    expect(www.build('foo')).toBe('http://my.domain.com/');
    const my = map.bind('my.domain.com');
    expect(my.match('/').endpoint).toBe('foo');
    expect(my.build('foo')).toBe('/');
    expect(my.build('index')).toBe('http://www.domain.com/');
  });

  it('prefers the rule on the current host when an endpoint has several', () => {
    const map = new RuleMap([
      new Rule('/a', { endpoint: 'x', host: 'one.test' }),
      new Rule('/b', { endpoint: 'x', host: 'two.test' }),
    ], { hostMatching: true });
    expect(map.bind('two.test').build('x')).toBe('/b');
    expect(map.bind('one.test').build('x')).toBe('/a');
    expect(map.bind('three.test').build('x')).toBe('http://one.test/a');
  });

  it('builds host variables', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'user', host: '<user>.example.com' })], { hostMatching: true });
    expect(map.bind('ada.example.com').build('user', { user: 'bob' })).toBe('http://bob.example.com/');
    expect(map.bind('ada.example.com').build('user', { user: 'ada' })).toBe('/');
  });
});

describe('built paths', () => {
  it('start with one slash, even from a rule that keeps doubled ones', () => {
    const urls = new RuleMap([new Rule('//evil.example/x', { endpoint: 'x', mergeSlashes: false })]).bind('example.org');
    expect(urls.build('x')).toBe('/evil.example/x');
  });
});

describe('built values are quoted as quoteUrlPath quotes them', () => {
  it('every ASCII character, short and long values, and non-ASCII text', () => {
    const urls = new RuleMap([new Rule('/v/<value>', { endpoint: 'v' }), new Rule('/<path:rest>', { endpoint: 'rest' })]).bind('example.org');
    const values = [...Array(128).keys()].map((code) => `a${String.fromCharCode(code)}b`);
    values.push('x'.repeat(40), `${'x'.repeat(40)} y`, 'é', '😀', 'a\uD800b', `${'x'.repeat(31)}/`);
    for (const value of values) {
      // A slash in a segment's value could not be matched (the server decodes %2F): refused below.
      if (!value.includes('/')) expect(urls.build('v', { value })).toBe(`/v/${quoteUrlPath(value)}`);
    }
  });
});

describe('values a rule could not match are refused when building', () => {
  const urls = new RuleMap([
    new Rule('/v/<value>', { endpoint: 'v' }),
    new Rule('/two/<string(length=2):code>', { endpoint: 'code' }),
    new Rule('/files/<path:rest>', { endpoint: 'file' }),
  ]).bind('example.org');

  it('a segment with a slash, "." or "..", or a length out of range', () => {
    // Werkzeug builds /v/a/b (which its rule cannot match) and /v/.. (which clients resolve to /).
    for (const value of ['a/b', '/', 'x/', '.', '..']) {
      expect(() => urls.build('v', { value }), value).toThrow(BuildError);
    }
    expect(urls.build('v', { value: '...' })).toBe('/v/...');
    expect(urls.build('v', { value: '.a' })).toBe('/v/.a');
    expect(() => urls.build('code', { code: 'abc' })).toThrow(BuildError);
    expect(urls.build('code', { code: 'ab' })).toBe('/two/ab');
  });

  it('a path that is empty, starts with a slash or holds a "." or ".." segment', () => {
    // '//evil.example/x' would have built a protocol-relative link once its slashes were merged.
    for (const rest of ['', '/x', '//evil.example/x', '../etc/passwd', 'a/./b', 'a/..', 'a\\..\\b']) {
      expect(() => urls.build('file', { rest }), rest).toThrow(BuildError);
    }
    expect(urls.build('file', { rest: 'a/b.txt' })).toBe('/files/a/b.txt');
    expect(urls.build('file', { rest: 'a/..b/c.' })).toBe('/files/a/..b/c.');
  });

  it('says which value was refused and why', () => {
    expect(() => urls.build('v', { value: 'a/b' })).toThrow(
      `Could not build url for endpoint 'v' with values ['value']. The value of 'value' was refused: a path segment cannot be "a/b": use <path:...> for a value with slashes.`,
    );
    expect(() => urls.build('v', { value: '..' })).toThrow(/The value of 'value' was refused: a path segment cannot be "\.\.": clients resolve it\.$/);
    expect(() => urls.build('code', { code: 'abc' })).toThrow(/The value of 'code' was refused: "abc" is not 2 characters long\.$/);
    expect(() => urls.build('file', { rest: '../x' })).toThrow(/The value of 'rest' was refused: cannot build a path from "\.\.\/x": it must not be empty/);
    // A missing value is not a refused one.
    expect(() => urls.build('v', {} as never)).toThrow(/Did you forget to specify values \['value'\]\?$/);
  });
});
