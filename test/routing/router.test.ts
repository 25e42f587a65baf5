/** `Router`: handlers by path and method, the answers a router owes (404, 405, OPTIONS, HEAD, 308), mounts, urlFor. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { abort, Request, Response, type App } from 'tsgi';
import { Client, createEnviron } from 'tsgi/test';
import { DuplicateRuleError, getRouting, Router } from 'tsgi/routing';

const store = new Map<number, { title: string }>([[1, { title: 'milk' }]]);

function todos(): Router {
  return new Router()
    .get('/todos', () => Response.json([...store.values()]))
    .get('/todos/<int:id>', { name: 'todo' }, (req, { id }) => {
      expectTypeOf(id).toEqualTypeOf<number>();
      return Response.json(store.get(id) ?? abort(404));
    })
    .post('/todos', (req) => new Response(null, { status: 201, headers: { Location: req.urlFor('todo', { id: 2 }) } }))
    .put('/todos/<int:id>', (req, { id }) => new Response(`put ${id}`))
    .get('/docs/', () => new Response('docs'));
}

describe('Router', () => {
  it('is an App: a function served by the test client', async () => {
    const router = todos();
    expect(typeof router).toBe('function');
    expect(router).toBeInstanceOf(Router);
    const res = await new Client(router).get('/todos/1');
    expect(res.statusCode).toBe(200);
    expect(await res.json()).toEqual({ title: 'milk' });
  });

  it('builds URLs with req.urlFor, by name or by the path as written', async () => {
    const res = await new Client(todos()).post('/todos');
    expect(res.statusCode).toBe(201);
    expect(res.headers.get('Location')).toBe('/todos/2');
    const router = new Router().get('/a/<int:n>', (req, { n }) => new Response(req.urlFor('/a/<int:n>', { n: n + 1, q: 'x' })));
    expect(await (await new Client(router).get('/a/1')).text()).toBe('/a/2?q=x');
  });

  it('answers 404 and 405 with Allow (OPTIONS included)', async () => {
    const client = new Client(todos());
    expect((await client.get('/nope')).statusCode).toBe(404);
    const res = await client.delete('/todos/1');
    expect(res.statusCode).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS, PUT');
  });

  it('answers HEAD from GET, without a body', async () => {
    const res = await new Client(todos()).head('/todos/1');
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe('');
    expect(res.headers.get('Content-Type')).toBe('application/json');
  });

  it('lets a HEAD route answer HEAD whichever was added first', async () => {
    const head = () => new Response(null, { headers: { 'X-Via': 'head' } });
    const get = () => new Response('body', { headers: { 'X-Via': 'get' } });
    for (const router of [new Router().get('/f', get).head('/f', head), new Router().head('/f', head).get('/f', get)]) {
      expect((await new Client(router).head('/f')).headers.get('X-Via')).toBe('head');
      expect((await new Client(router).get('/f')).headers.get('X-Via')).toBe('get');
    }
  });

  it('answers OPTIONS with Allow unless a route takes OPTIONS', async () => {
    const res = await new Client(todos()).options('/todos');
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS, POST');
    const own = todos().options('/todos', () => new Response('mine', { status: 204 }));
    expect((await new Client(own).options('/todos')).statusCode).toBe(204);
    const all = new Router().all('/echo', (req) => new Response(req.method));
    expect(await (await new Client(all).options('/echo')).text()).toBe('OPTIONS');
    expect((await new Client(todos()).options('/nope')).statusCode).toBe(404);
  });

  it('redirects a branch asked without its slash (308, query kept)', async () => {
    const res = await new Client(todos()).get('/docs?x=1');
    expect(res.statusCode).toBe(308);
    expect(res.headers.get('Location')).toBe('http://localhost/docs/?x=1');
  });

  it('puts the match in environ["tsgi.routing"] before the handler runs', async () => {
    let seen: unknown;
    const router = new Router().get('/todos/<int:id>', { name: 'todo' }, (req) => {
      seen = getRouting(req.environ);
      return new Response('');
    });
    await new Client(router).get('/todos/7');
    expect(seen).toEqual({ endpoint: 'todo', params: { id: 7 } });
  });

  it('gives handlers its Request class', async () => {
    class MyRequest extends Request {
      readonly tenant = 'acme';
    }
    const router = new Router({ request: MyRequest }).get('/', (req) => {
      expectTypeOf(req).toEqualTypeOf<MyRequest>();
      return new Response(`${req instanceof MyRequest} ${req.tenant}`);
    });
    expect(await (await new Client(router).get('/')).text()).toBe('true acme');
  });

  it('checks handler results and errors as Request.application does', async () => {
    const router = new Router()
      .get('/bad', () => 'text' as never)
      .get('/boom', () => {
        throw new Error('kaput');
      })
      .get('/teapot', () => abort(418));
    const client = new Client(router);
    const bad = await client.get('/bad');
    expect(bad.statusCode).toBe(500);
    expect(String(bad.error)).toContain('string');
    expect((await client.get('/boom')).statusCode).toBe(500);
    expect((await client.get('/teapot')).statusCode).toBe(418);
    await expect(new Client(router, { throwErrors: true }).get('/boom')).rejects.toThrow('kaput');
  });

  it('mounts routers (one map, urlFor across, each with its own Request class)', async () => {
    class ApiRequest extends Request {
      readonly api = true;
    }
    const api = new Router({ request: ApiRequest })
      .get('/users/<name>', { name: 'user' }, (req, { name }) => new Response(`${req.api} ${name} ${req.urlFor('home')}`))
      .get('/', () => new Response('api root'));
    const site = new Router().get('/', { name: 'home' }, (req) => new Response(req.urlFor('user', { name: 'ann' }))).mount('/api', api);
    const client = new Client(site);
    expect(await (await client.get('/')).text()).toBe('/api/users/ann');
    expect(await (await client.get('/api/users/bob')).text()).toBe('true bob /');
    expect(await (await client.get('/api/')).text()).toBe('api root');
    // Routes added to a mounted router later are seen.
    api.get('/late', () => new Response('late'));
    expect(await (await client.get('/api/late')).text()).toBe('late');
  });

  it('mounts plain apps with SCRIPT_NAME and PATH_INFO shifted, as dispatcher does', async () => {
    const raw: App = (environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [new TextEncoder().encode(`${environ.SCRIPT_NAME}|${environ.PATH_INFO}|${environ.REQUEST_METHOD}`)];
    };
    const site = new Router()
      .get('/static/special', () => new Response('route wins'))
      .mount('/static', raw, { name: 'static' })
      .get('/', (req) => new Response(req.urlFor('static', { path: 'app.css' })));
    const client = new Client(site);
    expect(await (await client.get('/static/app.css')).text()).toBe('/static|/app.css|GET');
    expect(await (await client.post('/static/a/b')).text()).toBe('/static|/a/b|POST');
    expect(await (await client.get('/static')).text()).toBe('/static||GET');
    expect(await (await client.get('/static/')).text()).toBe('/static|/|GET');
    expect(await (await client.get('/static/special')).text()).toBe('route wins');
    expect(await (await client.get('/')).text()).toBe('/static/app.css');
    expect((await client.get('/static/..%2Fadmin')).statusCode).toBe(400);
    expect(() => site.mount('/a/<x>', raw)).toThrow(TypeError);
  });

  it('types params from its converters, and mounted routers bring theirs', async () => {
    const converters = { bool: { regex: 'yes|no', toValue: (raw: string) => raw === 'yes', toUrl: (value: boolean) => (value ? 'yes' : 'no') } };
    const flags = new Router({ converters }).get('/flag/<bool:on>', (req, { on }) => {
      expectTypeOf(on).toEqualTypeOf<boolean>();
      return new Response(`${typeof on} ${on}`);
    });
    const client = new Client(new Router().mount('/x', flags));
    expect(await (await client.get('/x/flag/yes')).text()).toBe('boolean true');
    expect((await client.get('/x/flag/maybe')).statusCode).toBe(404);
  });

  it('refuses two mounted routers that define one converter name differently, and takes any name', async () => {
    const word = (transform: (raw: string) => string) => ({ regex: '[a-z]+', toValue: transform, toUrl: (value: string) => value.toLowerCase() });
    const upper = new Router({ converters: { toString: word((raw) => raw.toUpperCase()) } }).get('/w/<toString:w>', (req, { w }) => new Response(w));
    const client = new Client(new Router().mount('/a', upper));
    expect(await (await client.get('/a/w/abc')).text()).toBe('ABC');
    const same = new Router({ converters: { toString: word((raw) => raw) } }).get('/v/<toString:w>', (req, { w }) => new Response(w));
    const both = new Router().mount('/a', upper).mount('/b', same);
    // Found when the routes are compiled: by `map` at start-up, else by the first request (a 500).
    expect(() => both.map).toThrow(/two mounted routers define the converter "toString" differently/);
    expect((await new Client(both).get('/a/w/abc')).statusCode).toBe(500);
  });

  it('builds URLs under its own SCRIPT_NAME', async () => {
    const router = todos();
    const environ = createEnviron('/todos', { method: 'POST' });
    environ.SCRIPT_NAME = '/app';
    const res = await new Request(environ).getResponse(router);
    expect(res.headers.get('Location')).toBe('/app/todos/2');
  });

  it('binds each request by its own host, scheme, script name, method and query (one router, requests in a row)', async () => {
    const router = new Router({ trustedHosts: ['example.org', 'api.example.org'] })
      .route('/here', { methods: ['GET', 'POST'], name: 'here' }, (req) => new Response(req.urlFor('here', { q: req.method }, { external: true })))
      .get('/dir/', () => new Response('dir'));
    const client = new Client(router);
    expect(await (await client.get('http://example.org/here')).text()).toBe('http://example.org/here?q=GET');
    expect(await (await client.post('https://example.org/here')).text()).toBe('https://example.org/here?q=POST');
    expect(await (await client.get('http://api.example.org/here')).text()).toBe('http://api.example.org/here?q=GET');
    expect((await client.get('http://evil.test/here')).statusCode).toBe(400);
    expect((await client.get('http://evil.test/here')).statusCode).toBe(400);
    const environ = createEnviron('http://example.org/here');
    environ.SCRIPT_NAME = '/app';
    expect(await (await new Request(environ).getResponse(router)).text()).toBe('http://example.org/app/here?q=GET');
    for (const query of ['a=1', 'b=2', '']) {
      const res = await client.get(`http://example.org/dir${query ? `?${query}` : ''}`);
      expect(res.headers.get('Location')).toBe(`http://example.org/dir/${query ? `?${query}` : ''}`);
    }
  });

  it('refuses untrusted hosts with 400 when given trustedHosts', async () => {
    const router = new Router({ trustedHosts: ['example.org'] }).get('/', () => new Response('ok'));
    expect((await new Client(router).get('http://evil.test/')).statusCode).toBe(400);
    expect((await new Client(router).get('http://example.org/')).statusCode).toBe(200);
  });

  it('rejects what cannot work', () => {
    expect(() => new Router().get('nope', () => new Response(''))).toThrow(SyntaxError);
    // Another router's syntax would be static text, matching only itself: refused with the rule form.
    const hello = () => new Response('');
    expect(() => new Router().get('/users/:id', hello)).toThrow('route "/users/:id": ":id" is another router\'s syntax: write "<id>" (or "<int:id>" for a number)');
    expect(() => new Router().get('/users/:id/posts', hello)).toThrow(/":id" is another router's syntax/);
    expect(() => new Router().get('/users/{id}', hello)).toThrow(/"\{id\}" is another router's syntax: write "<id>"/);
    expect(() => new Router().get('/static/*', hello)).toThrow(/a trailing "\*" is another router's syntax: write "<path:rest>"/);
    expect(() => new Router().post('/files/**', hello)).toThrow(SyntaxError);
    expect(() => new Router().mount('/api/:version', new Router())).toThrow(/invalid prefix "\/api\/:version"/);
    // A malformed rule, an unknown converter or bad arguments: thrown when the route is added (the
    // map is compiled on the first request, which would answer 500), with the route named.
    expect(() => new Router().get('/a/<int:id', hello)).toThrow('route "/a/<int:id": malformed url rule');
    expect(() => new Router().get('/a/<integer:id>', hello)).toThrow(/^route "\/a\/<integer:id>": the converter "integer" does not exist \(known: .*\); add your own with the `converters` option$/);
    expect(() => new Router().get('/a/<int(nope=1):id>', hello)).toThrow('route "/a/<int(nope=1):id>": converter int has no argument "nope"');
    expect(() => new Router().get('/a/<id>/<id>', hello)).toThrow(SyntaxError);
    const slug = { regex: '[a-z-]+', toValue: (raw: string) => raw, toUrl: (value: string) => value };
    expect(() => new Router({ converters: { slug } }).get('/a/<slug:s>', hello)).not.toThrow();
    // The same path and method twice is a DuplicateRuleError when added; GET and an explicit HEAD
    // route, or routes of other methods, are not.
    expect(() => new Router().get('/a', hello).get('/a', hello)).toThrow(DuplicateRuleError);
    expect(() => new Router().route('/a', {}, hello).post('/a', hello)).toThrow(DuplicateRuleError);
    expect(() => new Router().get('/a', hello).head('/a', hello).post('/a', hello).route('/a', { methods: ['PUT', 'PATCH'] }, hello).map).not.toThrow();
    expect(() => new Router().route('/ws', { websocket: true, methods: ['POST'] }, hello)).toThrow(TypeError);
    // Colons and stars elsewhere are text, as in Werkzeug: `/v1/models/gemini:generate`, `/a*b`.
    expect(() => new Router().get('/v1/models/<name>:generate', hello).get('/a*b', hello).get('/time/12:30', hello).map).not.toThrow();
    expect(() => new Router().get('/', { methods: ['POST'] } as never, () => new Response(''))).toThrow(TypeError);
    const router = new Router();
    expect(() => router.mount('/x', router)).toThrow(TypeError);
    expect(() => new Request(createEnviron('/')).urlFor('x')).toThrow(TypeError);
  });
});
