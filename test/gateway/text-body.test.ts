import { describe, expect, it } from 'vitest';
import { TextBody } from '../../src/gateway.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { lint } from '../../src/middleware/lint.js';
import { Client } from '../../src/adapters/test/index.js';

const encoder = new TextEncoder();

describe('TextBody', () => {
  it('iterates as one chunk of UTF-8 bytes, none for empty text', () => {
    for (const text of ['Hello', 'héllo 😀', 'lone \ud800 surrogate', '']) {
      const body = new TextBody(text);
      const chunks = [...body];
      expect(chunks.length).toBe(text === '' ? 0 : 1);
      const expected = encoder.encode(text);
      expect(body.byteLength).toBe(expected.byteLength);
      if (text !== '') expect([...chunks[0]]).toEqual([...expected]);
    }
  });

  it('encodes once, and long text takes its length from the encoding', () => {
    const body = new TextBody('é'.repeat(5000));
    expect(body.byteLength).toBe(10000);
    expect(body.bytes).toBe(body.bytes);
    expect([...body][0]).toBe(body.bytes);
  });

  it('is what a Response serves for a string body, and it passes lint', async () => {
    const res = new Response('héllo');
    let status = '';
    const body = res(Request.blank('/').environ, (line) => void (status = line));
    expect(status).toBe('200 OK');
    expect(body).toBeInstanceOf(TextBody);
    expect(res.headers.get('Content-Length')).toBe('6');
    const client = new Client(lint(new Response('héllo 😀')));
    const got = await client.get('/');
    expect(got.statusCode).toBe(200);
    expect(await got.text()).toBe('héllo 😀');
    expect(got.headers.get('Content-Length')).toBe(String(encoder.encode('héllo 😀').byteLength));
  });

  it('gives bytes to readers of the response and keeps close callbacks working', async () => {
    const res = new Response('abc');
    expect([...(await res.bytes())]).toEqual([97, 98, 99]);
    expect(res.isStreamed).toBe(false);
    let closed = 0;
    const withClose = new Response('abc');
    withClose.callOnClose(() => closed++);
    const client = new Client(withClose);
    expect(await (await client.get('/')).text()).toBe('abc');
    expect(closed).toBe(1);
  });
});

describe('Response content types', () => {
  it('Response.json keeps a given mimetype or content type, and validates them every time', () => {
    expect(Response.json({ a: 1 }).contentType).toBe('application/json');
    expect(Response.json({ a: 1 }, { status: 201 }).statusCode).toBe(201);
    expect(Response.json({ a: 1 }, { status: 201 }).contentType).toBe('application/json');
    expect(Response.json(1, { mimetype: 'application/problem+json' }).contentType).toBe('application/problem+json');
    expect(Response.json(1, { contentType: 'application/json; charset=utf-8' }).contentType).toBe('application/json; charset=utf-8');
    for (let i = 0; i < 2; i++) {
      expect(() => new Response('x', { mimetype: 'text/html\r\nX: 1' })).toThrow(TypeError);
      expect(() => new Response('x', { contentType: 'text/html\nX: 1' })).toThrow(TypeError);
    }
    expect(new Response('x', { mimetype: 'text/html' }).contentType).toBe('text/html; charset=utf-8');
    expect(new Response('x', { contentType: 'text/html' }).contentType).toBe('text/html');
    const headers = { 'Content-Type': 'text/csv', 'Content-Length': '1' };
    const res = new Response('xy', { headers, mimetype: 'text/plain' });
    expect(res.headers.getAll('Content-Type')).toEqual(['text/plain; charset=utf-8']);
    expect(res.headers.getAll('Content-Length')).toEqual(['1']);
  });
});
