import { describe, expect, it } from 'vitest';
import { BufferedInput, type Environ } from '../../src/gateway.js';
import { Request } from '../../src/request/request.js';
import { HTTPException } from '../../src/errors.js';

const encoder = new TextEncoder();

/** A POST whose body is already in memory, as the node adapter gives a small one (spec 4.8). */
function buffered(chunks: string[], headers: Record<string, string> = {}): Request {
  const environ: Environ = Request.blank('/submit', { method: 'POST', headers }).environ;
  environ['tsgi.input'] = new BufferedInput(chunks.map((chunk) => encoder.encode(chunk)));
  return new Request(environ);
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HTTPException) return error.code;
    throw error;
  }
  return 200;
}

describe('a body already in memory (BufferedInput)', () => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('serves every reader from the one read: form, text, bytes, stream', async () => {
    const req = buffered(['a=1&b=', 'two&a=3'], { ...form, 'Content-Length': '13' });
    expect([...(await req.form())]).toEqual([['a', '1'], ['b', 'two'], ['a', '3']]);
    expect(await req.text()).toBe('a=1&b=two&a=3');
    expect((await req.bytes()).byteLength).toBe(13);
    const streamed: Uint8Array[] = [];
    for await (const chunk of req.stream) streamed.push(chunk);
    expect(new TextDecoder().decode(streamed[0])).toBe('a=1&b=two&a=3');
  });

  it('keeps to Content-Length: extra bytes are not part of the body, missing ones are a 400', async () => {
    expect(await buffered(['a=1XXXX'], { ...form, 'Content-Length': '3' }).text()).toBe('a=1');
    const short = buffered(['a=1'], { ...form, 'Content-Length': '10' });
    expect(await status(short.form())).toBe(400);
    // The failure stays: every later reader gets it too, not a "body already read" error.
    expect(await status(short.text())).toBe(400);
    expect(await status(short.bytes())).toBe(400);
  });

  it('refuses bodies past the limits with a 413, declared or not', async () => {
    class Small extends Request {
      override maxContentLength = 8;
    }
    const declared = Request.blank('/', { method: 'POST', headers: { ...form, 'Content-Length': '9' } }).environ;
    declared['tsgi.input'] = new BufferedInput([encoder.encode('a=1234567')]);
    expect(await status(new Small(declared).form())).toBe(413);
    const undeclared = Request.blank('/', { method: 'POST', headers: form }).environ;
    delete undeclared.CONTENT_LENGTH;
    undeclared['tsgi.input'] = new BufferedInput([encoder.encode('a=12'), encoder.encode('34567')]);
    expect(await status(new Small(undeclared).text())).toBe(413);
    const fits = Request.blank('/', { method: 'POST', headers: form }).environ;
    delete fits.CONTENT_LENGTH;
    fits['tsgi.input'] = new BufferedInput([encoder.encode('a=1'), new Uint8Array(0), encoder.encode('&b=2')]);
    expect((await new Small(fits).form()).get('b')).toBe('2');
  });

  it('reports failures as rejections, never as throws', () => {
    const req = buffered(['{'], { 'Content-Type': 'application/json' });
    req.environ.CONTENT_LENGTH = 'abc';
    const json = req.json();
    const text = req.text();
    expect(json).toBeInstanceOf(Promise);
    expect(text).toBeInstanceOf(Promise);
    return Promise.all([expect(json).rejects.toMatchObject({ code: 400 }), expect(text).rejects.toMatchObject({ code: 400 })]);
  });

  it('parses JSON, decodes other charsets, and answers 415 for unknown ones', async () => {
    expect(await buffered(['{"a":', '[1,2]}'], { 'Content-Type': 'application/json' }).json()).toEqual({ a: [1, 2] });
    const latin1 = Request.blank('/', { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=latin1' } }).environ;
    latin1['tsgi.input'] = new BufferedInput([new Uint8Array([0x63, 0x61, 0x66, 0xe9])]);
    expect(await new Request(latin1).text()).toBe('café');
    expect(await status(buffered(['x'], { 'Content-Type': 'text/plain; charset=x-nope' }).text())).toBe(415);
  });

  it('is what Request.blank gives for a body known up front', () => {
    expect(Request.blank('/', { method: 'POST', body: 'a=1' }).environ['tsgi.input']).toBeInstanceOf(BufferedInput);
  });
});
