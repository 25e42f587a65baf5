// Issue 14, section 4: a handler that returns something other than a Response (or an App) gets a
// 500 whose logged error, and the throwErrors rethrow, is a TypeError saying what came back.
import { describe, expect, it } from 'vitest';
import { Client } from '../../src/adapters/test/index.js';
import { Request } from '../../src/request/request.js';
import type { Handler } from '../../src/request/application.js';

// What users write by mistake; the casts stand for code that is not type-checked (plain JS, `any`).
const cases: Array<[string, () => unknown, RegExp]> = [
  ['a string', () => 'hello', /got a string \(wrap it: new Response\(text\)\)/],
  ['a plain object', () => ({ ok: true }), /got an object \(did you mean Response\.json\(\.\.\.\)\?\)/],
  ['undefined', () => undefined, /got undefined \(did you forget return\?\)/],
  ['a Promise of a string', async () => 'hello', /got a Promise of a string/],
  ['a Promise of an object', async () => ({ ok: true }), /got a Promise of an object \(did you mean Response\.json/],
  ['a Promise of undefined', async () => undefined, /got a Promise of undefined \(did you forget return\?\)/],
  ['null', () => null, /got null/],
  ['a number', () => 42, /got a number/],
  ['an array', () => [1, 2], /got an array \(did you mean Response\.json/],
  ['a Fetch Response', () => new globalThis.Response('hi'), /got a Fetch API Response .*fromFetchHandler/],
  ['a Map', () => new Map(), /got a Map object/],
];

describe('Request.application: a handler that does not return a Response', () => {
  for (const [what, handler, message] of cases) {
    const app = Request.application(handler as Handler<Request>);

    it(`answers 500 and logs a TypeError for ${what}`, async () => {
      const res = await new Client(app).get('/');
      expect(res.statusCode).toBe(500);
      expect(res.error).toBeInstanceOf(TypeError);
      expect((res.error as Error).message).toMatch(/^Request\.application: the handler must return a Response \(or another App\), got /);
      expect((res.error as Error).message).toMatch(message);
      expect(res.errors).toMatch(message);
      // The error page is the app's own (negotiated), not the server's bare fallback.
      const json = await new Client(app).get('/', { headers: { Accept: 'application/json' } });
      expect(json.statusCode).toBe(500);
      expect(json.mimetype).toBe('application/json');
    });

    it(`rethrows that TypeError under throwErrors for ${what}`, async () => {
      const error = await new Client(app, { throwErrors: true }).get('/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(message);
    });
  }
});
