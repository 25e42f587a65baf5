/**
 * werkzeug tests/test_routing.py, host and subdomain binding, ported to tsgi/routing (expected
 * values checked against werkzeug 3.1.8, and 3.2's default subdomain for a foreign host).
 */
import { describe, expect, it } from 'vitest';
import { BadRequest, NotFound, Request } from 'tsgi';
import { createEnviron } from 'tsgi/test';
import { redirectOf } from './support.js';
import { Rule, RuleMap } from 'tsgi/routing';


describe('host matching', () => {
  const map = new RuleMap([
    new Rule('/', { endpoint: 'index', host: 'www.<domain>' }),
    new Rule('/', { endpoint: 'files', host: 'files.<domain>' }),
    new Rule('/foo/', { defaults: { page: 1 }, host: 'www.<domain>', endpoint: 'x' }),
    new Rule('/<int:page>', { host: 'files.<domain>', endpoint: 'x' }),
  ], { hostMatching: true });

  it('matches the whole host with variables', () => {
    const www = map.bind('www.example.com');
    expect(www.match('/')).toMatchObject({ endpoint: 'index', params: { domain: 'example.com' } });
    expect(www.match('/foo/')).toMatchObject({ endpoint: 'x', params: { domain: 'example.com', page: 1 } });
    expect(redirectOf(() => www.match('/foo'))).toBe('http://www.example.com/foo/');
    const files = map.bind('files.example.com');
    expect(files.match('/')).toMatchObject({ endpoint: 'files', params: { domain: 'example.com' } });
    expect(files.match('/2')).toMatchObject({ endpoint: 'x', params: { domain: 'example.com', page: 2 } });
    // The canonical rule is on another host: the redirect goes there.
    expect(redirectOf(() => files.match('/1'))).toBe('http://www.example.com/foo/');
  });

  it('refuses a subdomain when binding', () => {
    expect(() => map.bind('www.example.com', { subdomain: 'www' })).toThrow(TypeError);
  });

  it('uses the Host of an environ, ignoring serverName', () => {
    const urls = map.bindToEnviron(createEnviron('http://files.example.com/2'), { serverName: 'example.com' });
    expect(urls.match()).toMatchObject({ endpoint: 'x', params: { domain: 'example.com', page: 2 } });
  });
});

describe('subdomains', () => {
  it('puts HTTP_HOST before SERVER_NAME', () => {
    const environ = createEnviron('http://wiki.example.com/', { environ: { SERVER_NAME: 'web0.example.com', PATH_INFO: '' } });
    const map = new RuleMap([new Rule('/', { endpoint: 'index', subdomain: 'wiki' })]);
    const urls = map.bindToEnviron(environ, { serverName: 'example.com' });
    expect(urls.match('/').endpoint).toBe('index');
    expect(urls.build('index', {}, { external: true })).toBe('http://wiki.example.com/');
    expect(urls.build('index')).toBe('/');
    const admin = map.bindToEnviron(createEnviron('http://admin.example.com/'), { serverName: 'example.com' });
    expect(admin.build('index')).toBe('http://wiki.example.com/');
  });

  it('tells the subdomain from the server name', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' }), new Rule('/', { endpoint: 'alt', subdomain: 'alt' })]);
    expect(map.bindToEnviron(createEnviron('http://example.invalid/'), { serverName: 'example.invalid' }).match().endpoint).toBe('index');
    expect(map.bindToEnviron(createEnviron('http://alt.example.invalid/'), { serverName: 'example.invalid' }).match().endpoint).toBe('alt');
  });

  it('uses the default subdomain for a host not under the server name (Werkzeug 3.2)', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' })], { defaultSubdomain: 'www' });
    expect(map.bindToEnviron(createEnviron('http://10.0.0.1/'), { serverName: 'example.com' }).subdomain).toBe('www');
    expect(map.bindToEnviron(createEnviron('http://example.com/')).subdomain).toBe('');
    const foreign = new RuleMap([new Rule('/', { endpoint: 'index' })]).bindToEnviron(createEnviron('http://example.org:5000/'), { serverName: 'example.org' });
    expect(foreign.subdomain).toBe('');
  });

  it('compares host names without case', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index', subdomain: 'foo' })]);
    const environ = createEnviron('/', { environ: { HTTP_HOST: 'FOO.EXAMPLE.COM', SERVER_NAME: 'FOO.EXAMPLE.COM' } });
    expect(map.bindToEnviron(environ, { serverName: 'example.com' }).match('/').endpoint).toBe('index');
    const byAddress = createEnviron('/', { environ: { HTTP_HOST: undefined, SERVER_NAME: '127.0.0.1', SERVER_PORT: '5000' } });
    expect(() => map.bindToEnviron(byAddress, { serverName: 'example.com' }).match()).toThrow(NotFound);
  });

  it('matches subdomain variables, with converters', () => {
    const map = new RuleMap([
      new Rule('/', { endpoint: 'a', subdomain: '<user>' }),
      new Rule('/s', { endpoint: 's', subdomain: '<string(length=2):lang>' }),
      new Rule('/', { endpoint: 'root' }),
    ]);
    const at = (subdomain: string, path: string) => {
      const outcome = map.bind('example.com', { subdomain }).tryMatch(path);
      return outcome instanceof Error ? outcome.name : [outcome.endpoint, outcome.params];
    };
    expect(at('ada', '/')).toEqual(['a', { user: 'ada' }]);
    expect(at('ada', '/s')).toBe('NotFound');
    expect(at('', '/')).toEqual(['root', {}]);
    expect(at('', '/s')).toBe('NotFound');
    expect(at('en', '/')).toEqual(['a', { user: 'en' }]);
    expect(at('en', '/s')).toEqual(['s', { lang: 'en' }]);
    expect(map.bind('example.com').build('a', { user: 'bob' })).toBe('http://bob.example.com/');
    expect(map.bind('example.com', { subdomain: 'bob' }).build('a', { user: 'bob' })).toBe('/');
  });

  it('can be switched off', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index', subdomain: 'api' })], { subdomainMatching: false });
    expect(map.bind('example.com', { subdomain: 'www' }).match('/').endpoint).toBe('index');
    expect(map.bind('example.com', { subdomain: 'www' }).build('index')).toBe('/');
  });
});

describe('server names', () => {
  it('keeps the port, and drops the default one of the scheme', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' })]);
    expect(map.bindToEnviron(createEnviron('http://example.org:5000/'), { serverName: 'example.org:5000' }).build('index', {}, { external: true })).toBe('http://example.org:5000/');
    expect(map.bindToEnviron(createEnviron('https://example.org/'), { serverName: 'example.org:443' }).build('index', {}, { external: true })).toBe('https://example.org/');
  });

  it('writes a non-ASCII host in its IDNA form', () => {
    const urls = new RuleMap([new Rule('/войти/', { endpoint: 'enter' }), new Rule('/foo+bar/', { endpoint: 'foobar' })]).bind('☃.example.com');
    expect(redirectOf(() => urls.match('/войти'))).toBe('http://xn--n3h.example.com/%D0%B2%D0%BE%D0%B9%D1%82%D0%B8/');
    expect(urls.match('/войти/')).toMatchObject({ endpoint: 'enter', params: {} });
    expect(redirectOf(() => urls.match('/foo+bar'))).toBe('http://xn--n3h.example.com/foo+bar/');
    expect(urls.build('enter', {}, { external: true })).toBe('http://xn--n3h.example.com/%D0%B2%D0%BE%D0%B9%D1%82%D0%B8/');
    expect(urls.build('foobar', {}, { external: true })).toBe('http://xn--n3h.example.com/foo+bar/');
    expect(new RuleMap().bind('☃.example.com:8080').serverName).toBe('xn--n3h.example.com:8080');
    expect(() => new RuleMap().bind('☃ bad.com')).toThrow(BadRequest);
  });

  it('checks trusted hosts, given or from a Request', () => {
    const map = new RuleMap([new Rule('/', { endpoint: 'index' })]);
    const environ = createEnviron('http://evil.test/');
    expect(() => map.bindToEnviron(environ, { trustedHosts: ['.example.com'] })).toThrow(BadRequest);
    expect(map.bindToEnviron(createEnviron('http://api.example.com/'), { trustedHosts: ['.example.com'] }).match().endpoint).toBe('index');
    class Strict extends Request {
      override trustedHosts = ['example.com'];
    }
    expect(() => map.bindToEnviron(new Strict(environ))).toThrow(BadRequest);
    expect(map.bindToEnviron(new Strict(createEnviron('http://example.com/'))).match().endpoint).toBe('index');
    expect(() => map.bindToEnviron(createEnviron('/', { headers: { Host: 'bad host' } }))).toThrow(BadRequest);
  });
});
