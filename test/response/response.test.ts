import { describe, expect, it } from 'vitest';
import { Response } from '../../src/response/response.js';
import { redirect, safeLocation } from '../../src/response/redirect.js';
import { header, rawEnviron, runRaw } from '../support/raw.js';

describe('Response', () => {
  it('is an App', async () => {
    const res = new Response('Hello');
    expect(typeof res).toBe('function');
    expect(res).toBeInstanceOf(Response);
    const out = await runRaw(res, rawEnviron());
    expect(out.status).toBe('200 OK');
    expect(out.text).toBe('Hello');
    expect(header(out.headers, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(header(out.headers, 'Content-Length')).toBe('5');
  });

  it('subclasses keep their methods and fields', async () => {
    class Page extends Response {
      extra = 'x';
      shout() {
        return `${this.status}!`;
      }
    }
    const page = new Page('hi', { status: 201 });
    expect(page.extra).toBe('x');
    expect(page.shout()).toBe('201 Created!');
    expect(typeof page).toBe('function');
    expect((await runRaw(page, rawEnviron())).status).toBe('201 Created');
  });

  it('encodes strings as UTF-8 and knows their byte length', () => {
    const res = new Response('héllo €');
    expect(res.contentLength).toBe(10);
    expect(res.isStreamed).toBe(false);
  });

  it('keeps status and statusCode in step', () => {
    const res = new Response();
    res.statusCode = 404;
    expect(res.status).toBe('404 Not Found');
    res.status = '418';
    expect(res.statusCode).toBe(418);
    expect(res.status).toBe("418 I'm a teapot");
    res.status = '299 Custom Thing';
    expect(res.statusCode).toBe(299);
    expect(res.status).toBe('299 Custom Thing');
    expect(() => (res.status = 'abc')).toThrow(TypeError);
    expect(() => (res.status = '200 OK\r\nX: y')).toThrow(TypeError);
    expect(() => (res.statusCode = 99)).toThrow(RangeError);
  });

  it('sets mimetype with charset for text types only', () => {
    expect(new Response('', { mimetype: 'text/html' }).contentType).toBe('text/html; charset=utf-8');
    expect(new Response('', { mimetype: 'application/json' }).contentType).toBe('application/json');
    expect(new Response('', { contentType: 'text/csv' }).contentType).toBe('text/csv');
    const res = new Response('', { contentType: 'text/plain; charset=latin1' });
    expect(res.mimetype).toBe('text/plain');
    expect(res.charset).toBe('latin1');
    expect(res.mimetypeParams).toEqual({ charset: 'latin1' });
  });

  it('streams iterables, async iterables and ReadableStreams without a length', async () => {
    const sync = new Response(['a', new TextEncoder().encode('b')]);
    expect(sync.contentLength).toBeUndefined();
    expect((await runRaw(sync, rawEnviron())).text).toBe('ab');
    const asyncBody = new Response((async function* () { yield 'x'; yield 'y'; })());
    expect((await runRaw(asyncBody, rawEnviron())).text).toBe('xy');
    const stream = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('rs')); c.close(); } }));
    expect(await stream.text()).toBe('rs');
  });

  it('has Fetch-style readers', async () => {
    const res = Response.json({ a: [1, 2] }, { status: 201 });
    expect(res.statusCode).toBe(201);
    expect(res.mimetype).toBe('application/json');
    expect(await res.json()).toEqual({ a: [1, 2] });
    expect(await res.text()).toBe('{"a":[1,2]}');
    expect((await res.bytes()).byteLength).toBe(11);
    expect(() => Response.json(undefined)).toThrow(TypeError);
  });

  it('sends no body for HEAD but keeps Content-Length', async () => {
    const out = await runRaw(new Response('12345'), rawEnviron({ REQUEST_METHOD: 'HEAD' }));
    expect(out.text).toBe('');
    expect(header(out.headers, 'Content-Length')).toBe('5');
  });

  it('sends no body for 204 and 1xx, and strips representation headers on 304', async () => {
    const noContent = await runRaw(new Response('x', { status: 204 }), rawEnviron());
    expect(noContent.text).toBe('');
    expect(header(noContent.headers, 'Content-Length')).toBeUndefined();
    const res = new Response('body', { status: 304, headers: { ETag: '"a"', 'Last-Modified': 'x', 'Cache-Control': 'max-age=1' } });
    const notModified = await runRaw(res, rawEnviron());
    expect(notModified.text).toBe('');
    expect(header(notModified.headers, 'Content-Type')).toBeUndefined();
    expect(header(notModified.headers, 'Content-Length')).toBeUndefined();
    expect(header(notModified.headers, 'Last-Modified')).toBeUndefined();
    expect(header(notModified.headers, 'ETag')).toBe('"a"');
    expect(header(notModified.headers, 'Cache-Control')).toBe('max-age=1');
  });

  it('runs callOnClose once, at the end, on HEAD, and when the server abandons the body', async () => {
    let closed = 0;
    const res = new Response('x');
    res.callOnClose(() => closed++);
    await runRaw(res, rawEnviron());
    expect(closed).toBe(1);

    let headClosed = 0;
    const head = new Response('x');
    head.callOnClose(() => headClosed++);
    await runRaw(head, rawEnviron({ REQUEST_METHOD: 'HEAD' }));
    expect(headClosed).toBe(1);

    let abandoned = 0;
    let finallyRan = false;
    const streaming = new Response((async function* () {
      try { yield 'a'; yield 'b'; } finally { finallyRan = true; }
    })());
    streaming.callOnClose(() => abandoned++);
    const body = (await streaming(rawEnviron(), () => {})) as AsyncIterable<Uint8Array>;
    const it = body[Symbol.asyncIterator]();
    await it.next();
    await it.return!();
    await it.return!();
    expect(abandoned).toBe(1);
    expect(finallyRan).toBe(true);

    let early = 0;
    const never = new Response((async function* () { yield 'a'; })());
    never.callOnClose(() => early++);
    const body2 = (await never(rawEnviron(), () => {})) as AsyncIterable<Uint8Array>;
    await body2[Symbol.asyncIterator]().return!();
    expect(early).toBe(1);
  });

  it('cancels a ReadableStream body when the server abandons it, read or not', async () => {
    for (const pullFirst of [false, true]) {
      let cancelled = 0;
      let closed = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('chunk'));
        },
        cancel() {
          cancelled++;
        },
      });
      const res = new Response(stream);
      res.callOnClose(() => closed++);
      const body = (await res(rawEnviron(), () => {})) as AsyncIterable<Uint8Array>;
      const it = body[Symbol.asyncIterator]();
      if (pullFirst) expect((await it.next()).done).toBe(false);
      await it.return!();
      expect(cancelled).toBe(1);
      expect(closed).toBe(1);
    }
  });

  it('sets and deletes cookies with validation', () => {
    const res = new Response();
    res.setCookie('session', 'a b', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 });
    res.deleteCookie('old', { path: '/app' });
    const cookies = res.headers.getAll('Set-Cookie');
    expect(cookies[0]).toContain('session=a%20b');
    expect(cookies[0]).toContain('HttpOnly');
    expect(cookies[0]).toContain('SameSite=Lax');
    expect(cookies[0]).toContain('Max-Age=60');
    expect(cookies[1]).toMatch(/^old=; Max-Age=0; Path=\/app; Expires=Thu, 01 Jan 1970/);
    expect(() => res.setCookie('bad name', 'x')).toThrow(TypeError);
    expect(() => res.setCookie('a', 'x', { path: '/;evil' })).toThrow(TypeError);
  });

  it('rejects header injection', () => {
    const res = new Response();
    expect(() => res.headers.set('X-A', 'a\r\nb')).toThrow(TypeError);
    expect(() => (res.location = '/a\nb')).toThrow(TypeError);
  });

  it('replaces the body and its length', () => {
    const res = new Response('abc');
    res.body = 'abcdef';
    expect(res.contentLength).toBe(6);
    res.body = ['stream'];
    expect(res.contentLength).toBeUndefined();
  });
});

describe('redirect', () => {
  it('builds a 302 with an escaped HTML body', async () => {
    const res = redirect('/next?a=1&b=<x>');
    expect(res.statusCode).toBe(302);
    expect(res.location).toBe('/next?a=1&b=%3Cx%3E');
    const text = await res.text();
    expect(text).toContain('href="/next?a=1&amp;b=%3Cx%3E"');
    expect(text).not.toContain('<x>');
    expect(redirect('/x', 308).status).toBe('308 Permanent Redirect');
  });

  it.each([
    ['//evil.com', '/evil.com'],
    ['/\\evil.com', '/evil.com'],
    ['\\\\evil.com', '/evil.com'],
    ['/\t/evil.com', '/evil.com'],
    ['///evil.com/x', '/evil.com/x'],
    ['/caf\u00e9', '/caf%C3%A9'],
    ['https://ex\u00e4mple.com/\u00fc', 'https://xn--exmple-cua.com/%C3%BC'],
    ['relative/path', 'relative/path'],
  ])('keeps paths on this host: %j', (input, expected) => {
    expect(safeLocation(input)).toBe(expected);
    expect(redirect(input).location).toBe(expected);
  });
});
