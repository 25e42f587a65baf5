import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { NotFound } from '../../src/errors.js';
import type { App } from '../../src/gateway.js';
import { rawEnviron, runRaw } from '../support/raw.js';

describe('Request.application', () => {
  it('turns a handler into an App', async () => {
    const app = Request.application((req) => new Response(`Hello, ${req.args.get('name') ?? 'World'}!`));
    const out = await runRaw(app, rawEnviron({ QUERY_STRING: 'name=Ada' }));
    expect(out.status).toBe('200 OK');
    expect(out.text).toBe('Hello, Ada!');
  });

  it('accepts async handlers and handlers returning another App', async () => {
    const inner: App = (_environ, startResponse) => {
      startResponse('202 Accepted', [['Content-Type', 'text/plain']]);
      return [new TextEncoder().encode('inner')];
    };
    const app = Request.application(async () => inner);
    const out = await runRaw(app, rawEnviron());
    expect(out.status).toBe('202 Accepted');
    expect(out.text).toBe('inner');
  });

  it('builds instances of the class it is called on', async () => {
    class MyRequest extends Request {
      get shout(): string {
        return this.path.toUpperCase();
      }
    }
    let seen: unknown;
    const app = MyRequest.application((req) => {
      seen = req;
      return new Response(req.shout);
    });
    expect((await runRaw(app, rawEnviron({ PATH_INFO: '/abc' }))).text).toBe('/ABC');
    expect(seen).toBeInstanceOf(MyRequest);
  });

  it('turns HTTPException into its response and other errors into a 500 logged to tsgi.errors', async () => {
    const notFound = Request.application(() => {
      throw new NotFound('No such page.');
    });
    const out = await runRaw(notFound, rawEnviron({ HTTP_ACCEPT: 'application/json' }));
    expect(out.status).toBe('404 Not Found');
    expect(JSON.parse(out.text).description).toBe('No such page.');

    const environ = rawEnviron();
    const broken = Request.application(async () => {
      throw new Error('secret detail');
    });
    const crashed = await runRaw(broken, environ);
    expect(crashed.status).toBe('500 Internal Server Error');
    expect(crashed.text).not.toContain('secret detail');
    expect((environ['tsgi.errors'] as unknown as { messages: string[] }).messages.join('')).toContain('secret detail');
  });

  it('maps body parse errors to their 4xx', async () => {
    const app = Request.application(async (req) => Response.json(await req.json()));
    const out = await runRaw(app, rawEnviron({ CONTENT_TYPE: 'application/json' }, ['{oops']));
    expect(out.status).toBe('400 Bad Request');
    const wrongType = await runRaw(app, rawEnviron({ CONTENT_TYPE: 'text/plain' }, ['{}']));
    expect(wrongType.status).toBe('415 Unsupported Media Type');
  });

  it('works as a standard method decorator compiled by tsc, keeping this', async () => {
    // vitest's own transform does not lower standard decorators, so tsc compiles this source.
    const source = `
      export function build(Request, Response) {
        class MyRequest extends Request {}
        class Site {
          greeting = 'Hello';
          @MyRequest.application
          handle(req) {
            return new Response(this.greeting + ' from ' + req.constructor.name + ' at ' + req.path);
          }
        }
        return new Site();
      }`;
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: false },
      reportDiagnostics: true,
    });
    expect(diagnostics ?? []).toEqual([]);
    expect(outputText).toContain('__esDecorate');
    const mod = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
    const site = mod.build(Request, Response) as { handle: App };
    const out = await runRaw((environ, startResponse) => site.handle(environ, startResponse), rawEnviron({ PATH_INFO: '/x' }));
    expect(out.text).toBe('Hello from MyRequest at /x');
  });
});

describe('Request.blank and getResponse', () => {
  it('builds a request from a URL and runs an app on it', async () => {
    const req = Request.blank('https://example.com/app/items?tag=a&tag=b', {
      method: 'POST',
      json: { name: 'Ada' },
      headers: { 'X-Trace': '1' },
      scriptName: '/app',
    });
    expect(req.method).toBe('POST');
    expect(req.isSecure).toBe(true);
    expect(req.host).toBe('example.com');
    expect(req.rootPath).toBe('/app');
    expect(req.path).toBe('/items');
    expect(req.args.getAll('tag')).toEqual(['a', 'b']);
    expect(req.headers.get('x-trace')).toBe('1');
    expect(await req.json()).toEqual({ name: 'Ada' });

    const echo = Request.application(async (r) => Response.json({ path: r.path, form: (await r.form()).toObject() }));
    const res = await Request.blank('/submit', { form: { a: '1' } }).getResponse(echo);
    expect(res.statusCode).toBe(200);
    expect(await res.json()).toEqual({ path: '/submit', form: { a: '1' } });
  });

  it('builds instances of the subclass', () => {
    class MyRequest extends Request {}
    expect(MyRequest.blank('/')).toBeInstanceOf(MyRequest);
  });
});
