/**
 * What toFetchHandler hands over in memory: a small request body with a Content-Length arrives as
 * a BufferedInput (spec rule 4.8), other bodies as a stream opened when read; a string or bytes
 * response goes to the runtime whole, its Content-Length written by the runtime.
 */
import { describe, expect, it } from 'vitest';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import { BufferedInput, type App, type Environ } from '../../../src/gateway.js';
import { Request as TsgiRequest } from '../../../src/request/request.js';
import { Response as TsgiResponse } from '../../../src/response/response.js';

const silent = { write: () => undefined };

function seeing(): { app: App; environ: () => Environ } {
  let seen: Environ | undefined;
  const inner = TsgiRequest.application(async (req) => {
    seen = req.environ;
    return TsgiResponse.json((await req.form()).toRecord());
  });
  return { app: inner, environ: () => seen! };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://h/submit', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    duplex: 'half',
  } as RequestInit);

describe('toFetchHandler: request bodies', () => {
  it('gives a small body with a Content-Length whole, as a BufferedInput', async () => {
    const { app, environ } = seeing();
    const res = await toFetchHandler(app)(post('a=1&b=two', { 'Content-Length': '9' }));
    expect(await res.json()).toEqual({ a: '1', b: 'two' });
    expect(environ()['tsgi.input']).toBeInstanceOf(BufferedInput);
  });

  it('streams a body that waits for 100 Continue, or has no Content-Length', async () => {
    const { app, environ } = seeing();
    const handler = toFetchHandler(app);
    const expecting = await handler(post('a=1', { 'Content-Length': '3', Expect: '100-continue' }));
    expect(await expecting.json()).toEqual({ a: '1' });
    expect(environ()['tsgi.input']).not.toBeInstanceOf(BufferedInput);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('c=3'));
        controller.close();
      },
    });
    const chunked = await handler(post(stream));
    expect(await chunked.json()).toEqual({ c: '3' });
    expect(environ()['tsgi.input']).not.toBeInstanceOf(BufferedInput);
  });

  it('answers 400 when a small body cannot be read to its end', async () => {
    const { app } = seeing();
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const res = await toFetchHandler(app, { errors: silent })(post(failing, { 'Content-Length': '9' }));
    expect(res.status).toBe(400);
  });
});

describe('toFetchHandler: buffered responses', () => {
  const app = TsgiRequest.application((req) => (req.path === '/json' ? TsgiResponse.json({ ok: 'é' }) : new TsgiResponse('héllo')));

  it('sends a string body with its type and status line; HEAD keeps the Content-Length', async () => {
    const handler = toFetchHandler(app);
    const res = await handler(new Request('http://h/text'));
    expect([res.status, res.statusText, res.headers.get('content-type')]).toEqual([200, '', 'text/plain; charset=utf-8']);
    expect(await res.text()).toBe('héllo');
    const json = await handler(new Request('http://h/json'));
    expect([json.headers.get('content-type'), await json.text()]).toEqual(['application/json', '{"ok":"é"}']);
    const head = await handler(new Request('http://h/text', { method: 'HEAD' }));
    expect([head.body, head.headers.get('content-length')]).toEqual([null, '6']);
  });

  it('keeps a Content-Length that is not the length of the body, and other headers', async () => {
    const raw: App = (_environ, startResponse) => {
      startResponse('299 Custom', [
        ['Content-Type', 'text/plain'],
        ['Content-Length', '7'],
        ['X-Extra', 'yes'],
      ]);
      return [new TextEncoder().encode('abc')];
    };
    const res = await toFetchHandler(raw)(new Request('http://h/'));
    expect([res.status, res.statusText, res.headers.get('content-length'), res.headers.get('x-extra')]).toEqual([299, 'Custom', '7', 'yes']);
  });
});
