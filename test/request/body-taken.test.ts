// Issue 14, section 4: reading `req.stream` and then `req.json()` is the app's mistake: a
// TypeError (500) that says the stream was already taken, not a 400 blamed on the client.
import { describe, expect, it } from 'vitest';
import { Client } from '../../src/adapters/test/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';

const app = Request.application(async (req) => {
  for await (const chunk of req.stream) void chunk;
  return Response.json(await req.json());
});
const taken = /already taken as a stream .*req\.stream/;

describe('req.stream, then req.json()', () => {
  it('answers 500, not 400, with a TypeError that says the stream was taken', async () => {
    const res = await new Client(app).post('/', { json: { a: 1 } });
    expect(res.statusCode).toBe(500);
    expect(res.error).toBeInstanceOf(TypeError);
    expect((res.error as Error).message).toMatch(taken);
    expect(res.errors).toMatch(taken);
  });

  it('rethrows it under throwErrors', async () => {
    const error = await new Client(app, { throwErrors: true }).post('/', { json: { a: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(taken);
  });

  it('still works the other way round: bytes() first keeps the body for the stream', async () => {
    const both = Request.application(async (req) => {
      const bytes = await req.bytes();
      let streamed = 0;
      for await (const chunk of req.stream) streamed += chunk.byteLength;
      return Response.json({ bytes: bytes.byteLength, streamed, json: await req.json() });
    });
    const res = await new Client(both).post('/', { json: { a: 1 } });
    expect(await res.json()).toEqual({ bytes: 7, streamed: 7, json: { a: 1 } });
  });
});
