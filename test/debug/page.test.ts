/**
 * The development error page through `Request.application(handler, { debug: true })`, as a user
 * meets it: who gets it, what it shows, and the headers that keep it safe.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { asApp } from '../../src/request/decorate.js';
import { Response } from '../../src/response/response.js';
import { NotFound } from '../../src/errors.js';
import { Client } from '../../src/adapters/test/client.js';
import { errorResponse } from '../../src/request/application.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { explode } from './fixtures/throws.js';

const GENERIC = 'The server encountered an internal error and was unable to complete your request.';

/**
 * The page without its source blocks: the frames of this very file are shown with their source,
 * and these tests' own lines hold the strings they look for.
 */
function withoutSource(html: string): string {
  return html.replace(/<pre[^>]*>[\s\S]*?<\/pre>/g, '');
}

function failing(message = 'kaput', options?: { debug?: boolean }) {
  return Request.application(() => {
    throw new Error(message, { cause: new TypeError('the cause') });
  }, options);
}

describe('who gets the development error page', () => {
  const saved = process.env.NODE_ENV;
  beforeEach(() => {
    delete process.env.NODE_ENV;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });

  it('nobody, without the flag: NODE_ENV unset still gives the generic 500', async () => {
    const res = await new Client(failing()).get('/');
    expect(res.statusCode).toBe(500);
    const html = await res.text();
    expect(html).toContain(GENERIC);
    expect(html).not.toContain('kaput');
    expect(String(res.error)).toContain('kaput'); // the test client still sees it (rule 9.2)
  });

  it('a browser on this machine, with the flag', async () => {
    const res = await new Client(failing('kaput', { debug: true })).get('http://localhost:8000/oops');
    expect(res.statusCode).toBe(500);
    expect(res.mimetype).toBe('text/html');
    const html = await res.text();
    expect(html).toContain('Error: kaput');
    expect(html).toContain('Caused by: <span class="name">TypeError</span>');
    expect(String(res.error)).toContain('kaput');
  });

  it('not a DNS-rebound Host, nor a remote peer, nor another site, nor a proxied request', async () => {
    const client = new Client(failing('kaput', { debug: true }));
    for (const res of [
      await client.get('http://evil.example/oops'),
      await client.get('http://localhost/oops', { remoteAddr: '203.0.113.9' }),
      await client.get('http://localhost/oops', { headers: { Origin: 'https://evil.example' } }),
      await client.get('http://localhost/oops', { headers: { 'X-Forwarded-For': '203.0.113.9' } }),
    ]) {
      expect(res.statusCode).toBe(500);
      const html = await res.text();
      expect(html).toContain(GENERIC);
      expect(html).not.toContain('kaput');
    }
  });

  it('HTTP errors are still their own responses, and throwErrors still rethrows', async () => {
    const notFound = Request.application(() => {
      throw new NotFound();
    }, { debug: true });
    expect((await new Client(notFound).get('/')).statusCode).toBe(404);
    await expect(new Client(failing('kaput', { debug: true }), { throwErrors: true }).get('/')).rejects.toThrow('kaput');
  });

  it('a Request subclass field `debug = true` turns it on for every form, decorators included', async () => {
    class DevRequest extends Request {
      override debug = true;
    }
    class Site {
      handle(_req: DevRequest): Response {
        throw new Error('from a decorated method');
      }
    }
    // What TypeScript's __decorate does for `@DevRequest.application` (legacy decorators; vitest's
    // transform lowers no other kind, see test/toolchains for the real toolchains).
    const descriptor = Object.getOwnPropertyDescriptor(Site.prototype, 'handle')!;
    const decorate = DevRequest.application as unknown as (...args: unknown[]) => PropertyDescriptor;
    Object.defineProperty(Site.prototype, 'handle', decorate(Site.prototype, 'handle', descriptor));
    const res = await new Client(asApp(new Site().handle)).get('/');
    expect(await res.text()).toContain('from a decorated method');
    const plain = DevRequest.application(() => {
      throw new Error('from a plain handler');
    });
    expect(await (await new Client(plain).get('/')).text()).toContain('from a plain handler');
  });

  it('the server asks for it with environ["tsgi.debug"]; the error is still logged', async () => {
    const errors: string[] = [];
    const environ = createEnviron('http://localhost/', { environ: { 'tsgi.debug': true, 'tsgi.errors': { write: (m: string) => errors.push(m) } } });
    const res = await new Request(environ).getResponse(failing());
    expect(await res.text()).toContain('Error: kaput');
    expect(errors.join('')).toMatch(/tsgi: unhandled error in GET \/: Error: kaput/);
  });

  it('a handler returning a wrong value shows the TypeError that says so', async () => {
    const app = Request.application(() => 'oops' as never, { debug: true });
    expect(await (await new Client(app).get('/')).text()).toMatch(/TypeError.*string/s);
  });
});

describe('what the page shows', () => {
  it('escapes everything that comes from the error or the request', async () => {
    const app = failing('<script>alert(1)</script>', { debug: true });
    const res = await new Client(app).get('/a"<b>?q=<i>', { headers: { 'X-Note': '<img src=x onerror=alert(2)>' } });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<i>');
    expect(withoutSource(html)).not.toMatch(/<[^>]*\son[a-z]+=/); // no inline handlers at all
    expect(withoutSource(html)).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('redacts cookies and credentials', async () => {
    const res = await new Client(failing('kaput', { debug: true })).get('/', {
      headers: { Cookie: 'sid=cookie-secret', Authorization: 'Bearer bearer-secret', 'Proxy-Authorization': 'Basic proxy-secret' },
    });
    const html = withoutSource(await res.text());
    expect(html).toContain('<tr><th>Cookie</th><td>[redacted]</td></tr>');
    expect(html).toContain('<tr><th>Authorization</th><td>[redacted]</td></tr>');
    expect(html).toContain('<tr><th>Proxy-Authorization</th><td>[redacted]</td></tr>');
    expect(html).not.toMatch(/cookie-secret|bearer-secret|proxy-secret/);
  });

  it('shows the source lines of a frame of a real file', async () => {
    const app = Request.application(() => explode('on purpose'), { debug: true });
    const html = await (await new Client(app).get('/')).text();
    expect(html).toContain('fixtures/throws.ts:4:');
    expect(html).toContain('<span class="row here"><span class="ln">4</span>  throw new Error(reason);</span>');
  });

  it('answers JSON to a client that prefers it, and text to one that asks for text', async () => {
    const client = new Client(failing('kaput', { debug: true }));
    const json = await client.get('/x', { headers: { Accept: 'application/json', Cookie: 'sid=s3cret' } });
    expect(json.mimetype).toBe('application/json');
    const body = (await json.json()) as {
      code: number; errors: Array<{ name: string; message: string; frames: Array<{ file: string; source?: unknown }> }>;
      request: { method: string; target: string; headers: Array<[string, string]> };
    };
    expect(body.code).toBe(500);
    expect(body.errors.map((e) => [e.name, e.message])).toEqual([['Error', 'kaput'], ['TypeError', 'the cause']]);
    expect(body.errors[0].frames[0].source).toBeDefined();
    expect(body.request.method).toBe('GET');
    expect(body.request.headers).toContainEqual(['Cookie', '[redacted]']);
    const text = await client.get('/x', { headers: { Accept: 'text/plain' } });
    expect(text.mimetype).toBe('text/plain');
    expect((await text.text()).split('\n')[0]).toBe('Error: kaput');
  });

  it('sends a CSP whose nonce is on the style and script tags, nosniff and no-store', async () => {
    const res = await new Client(failing('kaput', { debug: true })).get('/');
    const csp = res.headers.get('Content-Security-Policy')!;
    const nonce = /style-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'nonce-${nonce}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html.match(/<style|<script/g)).toHaveLength(2);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const again = await new Client(failing('kaput', { debug: true })).get('/');
    expect(again.headers.get('Content-Security-Policy')).not.toBe(csp); // a fresh nonce each time
  });
});

describe('options', () => {
  it('an unknown option is a TypeError that names the likely one', () => {
    expect(() => Request.application(() => new Response(''), { debgu: true } as never)).toThrow(
      "Request.application: unknown option 'debgu' (did you mean 'debug'?)",
    );
    expect(() => errorResponse(new Error('x'), createEnviron('/'), { dbug: true } as never)).toThrow(TypeError);
  });

  it('a failure of the page itself falls back to the generic 500', async () => {
    const errors: string[] = [];
    const environ = createEnviron('http://localhost/', { environ: { 'tsgi.errors': { write: (m: string) => errors.push(m) } } });
    Object.defineProperty(environ, 'HTTP_X_BROKEN', {
      enumerable: true,
      get() {
        throw new Error('renderer broke');
      },
    });
    const res = await new Request(environ).getResponse(errorResponse(new Error('kaput'), environ, { debug: true }));
    expect(res.statusCode).toBe(500);
    expect(await res.text()).toContain(GENERIC);
    expect(errors.join('')).toContain('the development error page failed: Error: renderer broke');
  });
});
