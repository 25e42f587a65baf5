// Issue 14, section 4: `new Response({ ok: true })` is refused where it is written, with a
// TypeError pointing to Response.json, not when the response is served.
import { describe, expect, it } from 'vitest';
import { Response } from '../../src/response/response.js';
import type { BodyInit } from '../../src/response/body.js';
import { rawEnviron, runRaw } from '../support/raw.js';

const refused = /^Response body must be a string, Uint8Array, ArrayBuffer, an iterable or async iterable of chunks, or a ReadableStream; got (.+)\. For JSON use Response\.json\(value\)\.$/;

describe('new Response(body) with a body it cannot send', () => {
  it('throws a TypeError pointing to Response.json for new Response({ ok: true })', () => {
    // @ts-expect-error: the mistake this test is about (a plain object is not a BodyInit).
    expect(() => new Response({ ok: true })).toThrow(TypeError);
    // @ts-expect-error: as above.
    expect(() => new Response({ ok: true })).toThrow(refused);
    // @ts-expect-error: as above.
    expect(() => new Response({ ok: true })).toThrow(/got a plain object/);
  });

  it('names what it got for other values', () => {
    const got = (body: unknown) => {
      try {
        new Response(body as BodyInit);
      } catch (error) {
        return refused.exec((error as Error).message)?.[1];
      }
      return 'accepted';
    };
    expect(got(42)).toBe('a number');
    expect(got(true)).toBe('a boolean');
    expect(got(new Blob(['x']))).toBe('a Blob');
    expect(got(Object.create(null))).toBe('a plain object');
  });

  it('refuses the same values when the body is set later', () => {
    const res = new Response('x');
    expect(() => (res.body = { ok: true } as unknown as BodyInit)).toThrow(refused);
  });

  it('still takes every supported body', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('s'));
        controller.close();
      },
    });
    const bodies: BodyInit[] = [
      'text', new Uint8Array([1]), new ArrayBuffer(1), null, undefined, ['a', new Uint8Array([98])],
      (async function* () { yield 'x'; })(), stream,
    ];
    for (const body of bodies) expect(() => new Response(body)).not.toThrow();
    expect((await runRaw(new Response(['a', 'b']), rawEnviron())).text).toBe('ab');
  });
});
