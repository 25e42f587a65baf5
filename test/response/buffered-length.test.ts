/**
 * Once a streamed body is buffered (`bytes()`, `addEtag()`), its length is known and served as
 * Content-Length, whether or not someone read `res.headers` before.
 */
import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';

const encoder = new TextEncoder();

async function* generated(): AsyncGenerator<Uint8Array> {
  yield encoder.encode('hello ');
  yield encoder.encode('world');
}

async function servedLength(res: Response, method = 'GET'): Promise<string | undefined> {
  return (await Request.blank('/', { method }).getResponse(res)).headers.get('Content-Length');
}

describe('Content-Length after buffering', () => {
  it('addEtag on a generator body: the same length whether headers were touched first or not', async () => {
    const untouched = new Response(generated());
    await untouched.addEtag();
    const touched = new Response(generated());
    touched.headers.set('X-A', '1');
    await touched.addEtag();
    expect(touched.headers.get('Content-Length')).toBe('11');
    expect(await servedLength(untouched)).toBe('11');
    expect(await servedLength(touched)).toBe('11');
    expect(touched.headers.get('ETag')).toBe(untouched.headers.get('ETag'));
  });
  it('bytes() after reading the headers', async () => {
    const res = new Response(generated());
    expect(res.headers.has('Content-Length')).toBe(false);
    await res.bytes();
    expect(res.contentLength).toBe(11);
  });
  it('a length the app gave is left alone', async () => {
    const res = new Response(generated(), { headers: { 'Content-Length': '11' } });
    await res.bytes();
    expect(res.headers.getAll('Content-Length')).toEqual(['11']);
  });
});
