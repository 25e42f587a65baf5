import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { fromFetchHandler, toFetchHandler, toWebRequest, buildEnviron } from '../../../src/adapters/fetch/index.js';
import type { App, Environ, HeaderList } from '../../../src/gateway.js';
import { Client } from '../../../src/adapters/test/index.js';
import { compress, dispatcher } from '../../../src/middleware/index.js';
import { gunzipSync } from 'node:zlib';

const dec = new TextDecoder();

function hono() {
  const app = new Hono();
  app.get('/hello', (c) => c.text(`hello ${c.req.query('name') ?? 'world'}`));
  app.post('/json', async (c) => c.json({ got: await c.req.json(), type: c.req.header('content-type') }));
  app.get('/cookies', (c) => {
    c.header('Set-Cookie', 'a=1; Path=/', { append: true });
    c.header('Set-Cookie', 'b=2; Path=/', { append: true });
    return c.text(c.req.header('cookie') ?? '');
  });
  app.on('GET', ['/where', '/mount/where'], (c) => c.json({ url: c.req.url, remote: (c.env as { remoteAddr?: string }).remoteAddr }));
  app.get('/stream', (c) =>
    stream(c, async (s) => {
      for (let i = 0; i < 3; i++) await s.write(`line ${i}\n`);
    }),
  );
  app.get('/infinite', (c) =>
    stream(c, async (s) => {
      while (!s.aborted) await s.write('tick\n');
    }),
  );
  return app;
}

describe('fromFetchHandler', () => {
  const handler = toFetchHandler(fromFetchHandler(hono().fetch));

  it('runs a Hono app behind tsgi: query, JSON body, status', async () => {
    const res = await handler(new Request('http://h/hello?name=tsgi'));
    expect(await res.text()).toBe('hello tsgi');
    const posted = await handler(
      new Request('http://h/json', { method: 'POST', body: '{"a":[1,2]}', headers: { 'Content-Type': 'application/json' } }),
    );
    expect(await posted.json()).toEqual({ got: { a: [1, 2] }, type: 'application/json' });
    expect((await handler(new Request('http://h/missing'))).status).toBe(404);
  });

  it('keeps each Set-Cookie apart and forwards request cookies', async () => {
    const res = await handler(new Request('http://h/cookies', { headers: { Cookie: 'x=1; y=2' } }));
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await res.text()).toBe('x=1; y=2');
  });

  it('streams the response', async () => {
    const res = await handler(new Request('http://h/stream'));
    expect(await res.text()).toBe('line 0\nline 1\nline 2\n');
  });

  it('gives the handler PATH_INFO by default, the full path on request, and the client address', async () => {
    const base = buildEnviron(new Request('http://example.com:8080/where?q=1'), { remoteAddr: '10.1.2.3' });
    const environ: Environ = { ...base, SCRIPT_NAME: '/mount', PATH_INFO: '/where' };
    const run = async (path?: 'full') => {
      let status = '';
      const body = await fromFetchHandler(hono().fetch, path ? { path } : {})(environ, (s: string, _h: HeaderList) => {
        status = s;
      });
      let text = '';
      for await (const chunk of body as AsyncIterable<Uint8Array>) text += dec.decode(chunk);
      return { status, text };
    };
    const mounted = await run();
    expect(mounted.status).toBe('200 OK');
    expect(JSON.parse(mounted.text)).toEqual({ url: 'http://example.com:8080/where?q=1', remote: '10.1.2.3' });
    const full = await run('full');
    expect(JSON.parse(full.text).url).toBe('http://example.com:8080/mount/where?q=1');
  });

  it('re-encodes a decoded PATH_INFO so ?, # and % stay in the path', () => {
    const environ = { ...buildEnviron(new Request('http://h/')), PATH_INFO: '/a b/100%?#é' };
    expect(new URL(toWebRequest(environ).url).pathname).toBe('/a%20b/100%25%3F%23%C3%A9');
  });

  it('aborts the request signal and cancels the stream when the server abandons the body', async () => {
    const environ = buildEnviron(new Request('http://h/infinite'));
    const body = (await fromFetchHandler(hono().fetch)(environ, () => undefined)) as AsyncIterable<Uint8Array>;
    const iterator = body[Symbol.asyncIterator]();
    expect(dec.decode((await iterator.next()).value)).toBe('tick\n');
    await iterator.return!();
    expect((await iterator.next()).done).toBe(true);
  });

  it('sits behind tsgi middleware and is driven by the tsgi test client (lint on)', async () => {
    const notFound: App = (_env, start) => {
      start('404 Not Found', [['Content-Type', 'text/plain']]);
      return [new TextEncoder().encode('nope')];
    };
    const big = new Hono().get('/big', (c) => c.text('x'.repeat(5000)));
    const site = compress(dispatcher(notFound, { '/hono': fromFetchHandler(hono().fetch), '/big': fromFetchHandler(big.fetch) }));
    const client = new Client(site, { cookies: true });
    expect(await (await client.get('/hono/hello?name=client')).text()).toBe('hello client');
    const posted = await client.post('/hono/json', { json: { ok: true } });
    expect((await posted.json()) as unknown).toEqual({ got: { ok: true }, type: 'application/json' });
    await client.get('/hono/cookies');
    const echoed = await client.get('/hono/cookies');
    expect(await echoed.text()).toBe('a=1; b=2');
    expect((await client.get('/elsewhere')).statusCode).toBe(404);
    const zipped = await client.get('/big/big', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await zipped.bytes()).toString()).toBe('x'.repeat(5000));
  });
});
