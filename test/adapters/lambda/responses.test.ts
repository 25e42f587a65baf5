// tsgi/lambda, issue 19 section 3: how a response travels in a buffered result: text or base64,
// where repeated headers and cookies go for each source, and what an app that fails gets.
import { describe, expect, it } from 'vitest';
import type { App, Body } from '../../../src/gateway.js';
import { DEFAULT_TEXT_TYPES, toLambdaHandler, type LambdaOptions } from '../../../src/adapters/lambda/index.js';
import { decodeResult, loadEvent } from './support.js';

const encoder = new TextEncoder();

/** An app that answers with the given status, headers and body chunks. */
function answer(status: string, headers: Array<[string, string]>, ...chunks: Array<string | Uint8Array>): App {
  return (_environ, startResponse) => {
    startResponse(status, headers);
    return chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
  };
}

function run(app: App, event = 'apigw-http-v2', options: LambdaOptions = {}) {
  return toLambdaHandler(app, { errors: { write() {} }, ...options })(loadEvent(event));
}

describe('the body: text or base64', () => {
  it('sends text types and JSON as text, everything else as base64', async () => {
    const cases: Array<[string, boolean]> = [
      ['text/html; charset=utf-8', false],
      ['text/csv', false],
      ['application/json', false],
      ['application/problem+json', false],
      ['application/atom+xml', false],
      ['image/svg+xml', false],
      ['application/octet-stream', true],
      ['image/png', true],
      ['application/pdf', true],
      ['text/plain; charset=iso-8859-1', true],
    ];
    for (const [type, base64] of cases) {
      const result = await run(answer('200 OK', [['Content-Type', type]], 'héllo'));
      expect(result.isBase64Encoded, type).toBe(base64);
      expect(result.body, type).toBe(base64 ? btoa(String.fromCharCode(...encoder.encode('héllo'))) : 'héllo');
    }
    // No Content-Type at all: bytes of unknown kind, so base64.
    expect((await run(answer('200 OK', [], 'x'))).isBase64Encoded).toBe(true);
  });

  it('keeps the bytes when a text type is compressed, not UTF-8, or starts with a BOM', async () => {
    const gzip = await run(answer('200 OK', [['Content-Type', 'text/plain'], ['Content-Encoding', 'gzip']], new Uint8Array([0x1f, 0x8b, 8])));
    expect(gzip.isBase64Encoded).toBe(true);
    const latin1 = await run(answer('200 OK', [['Content-Type', 'text/plain']], new Uint8Array([0x63, 0xe9])));
    expect([latin1.isBase64Encoded, latin1.body]).toEqual([true, 'Y+k=']);
    const bom = await run(answer('200 OK', [['Content-Type', 'text/plain']], new Uint8Array([0xef, 0xbb, 0xbf, 0x61])));
    expect([bom.isBase64Encoded, bom.body]).toEqual([false, '\uFEFFa']);
  });

  it('lets textTypes choose: an empty list sends everything as base64, a pattern adds types', async () => {
    const json = answer('200 OK', [['Content-Type', 'application/json']], '{}');
    expect((await run(json, 'apigw-http-v2', { textTypes: [] })).isBase64Encoded).toBe(true);
    const ndjson = answer('200 OK', [['Content-Type', 'application/x-ndjson']], '{}\n');
    expect((await run(ndjson)).isBase64Encoded).toBe(true);
    expect((await run(ndjson, 'apigw-http-v2', { textTypes: [...DEFAULT_TEXT_TYPES, 'application/x-*json'] })).body).toBe('{}\n');
  });

  it('sends no body for HEAD, 204 and 304, keeping Content-Length', async () => {
    const event = loadEvent('apigw-http-v2');
    (event.requestContext as { http: { method: string } }).http.method = 'HEAD';
    const head = await toLambdaHandler(answer('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '5']], 'hello'))(event);
    expect([head.statusCode, head.body, head.isBase64Encoded, head.headers?.['Content-Length']]).toEqual([200, '', false, '5']);
    for (const status of ['204 No Content', '304 Not Modified']) {
      const result = await run(answer(status, []));
      expect([result.statusCode, result.body]).toEqual([Number(status.slice(0, 3)), '']);
    }
  });
});

describe('headers and cookies in each source shape', () => {
  const app = answer(
    '200 OK',
    [
      ['Content-Type', 'text/plain'],
      ['Vary', 'Accept'],
      ['vary', 'Cookie'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2; HttpOnly'],
    ],
    'ok',
  );

  it('payload 2.0: repeats joined, cookies in their own list', async () => {
    for (const event of ['apigw-http-v2', 'function-url']) {
      const result = await run(app, event);
      expect(result.headers).toEqual({ 'Content-Type': 'text/plain', Vary: 'Accept, Cookie' });
      expect(result.cookies).toEqual(['a=1', 'b=2; HttpOnly']);
      expect(result.multiValueHeaders).toBeUndefined();
    }
  });

  it('payload 1.0 and a multi-value load balancer: every value in multiValueHeaders', async () => {
    for (const event of ['apigw-rest', 'apigw-http-v1', 'alb-multi']) {
      const result = await run(app, event);
      expect(result.multiValueHeaders, event).toEqual({ 'Content-Type': ['text/plain'], Vary: ['Accept', 'Cookie'], 'Set-Cookie': ['a=1', 'b=2; HttpOnly'] });
      expect(result.headers, event).toBeUndefined();
      expect(result.cookies, event).toBeUndefined();
      expect(result.statusDescription, event).toBe(event === 'alb-multi' ? '200 OK' : undefined);
    }
  });

  it('a single-value load balancer: one Set-Cookie fits, the last, and the loss is logged', async () => {
    const written: string[] = [];
    const result = await toLambdaHandler(app, { errors: { write: (message) => void written.push(message) } })(loadEvent('alb'));
    expect(result.headers).toEqual({ 'Content-Type': 'text/plain', Vary: 'Accept, Cookie', 'set-cookie': 'b=2; HttpOnly' });
    expect(result.statusDescription).toBe('200 OK');
    expect(written.join('')).toContain('only the last of 2 Set-Cookie headers was sent; turn on lambda.multi_value_headers.enabled');
  });
});

describe('an app that fails', () => {
  it('answers a plain 500 and reports the error, before or after its first chunk', async () => {
    const failing: Record<string, App> = {
      throws: () => {
        throw new Error('before anything');
      },
      rejects: async () => Promise.reject(new Error('async failure')),
      'fails in its body': (_environ, startResponse) => {
        startResponse('200 OK', [['Content-Type', 'text/plain']]);
        return (async function* () {
          yield encoder.encode('half');
          throw new Error('in the body');
        })();
      },
      'sets a bad status': (_environ, startResponse) => {
        startResponse('OK', []);
        return [];
      },
    };
    for (const [name, app] of Object.entries(failing)) {
      const written: string[] = [];
      const result = await toLambdaHandler(app, { errors: { write: (message) => void written.push(message) } })(loadEvent('apigw-rest'));
      const decoded = decodeResult(result);
      expect(decoded.statusCode, name).toBe(500);
      expect(new TextDecoder().decode(decoded.body), name).toBe('Internal Server Error\n');
      expect(result.multiValueHeaders, name).toEqual({ 'Content-Type': ['text/plain; charset=utf-8'] });
      expect(written.join(''), name).toContain('tsgi: error before the response started');
    }
  });

  it('closes the body exactly once, also when it fails', async () => {
    let closed = 0;
    const body = (fail: boolean): Body => ({
      [Symbol.iterator]() {
        let sent = false;
        return {
          next: () => {
            if (fail) throw new Error('no');
            if (sent) return { done: true, value: undefined };
            sent = true;
            return { done: false, value: encoder.encode('x') };
          },
          return: () => {
            closed++;
            return { done: true, value: undefined };
          },
        };
      },
    });
    for (const fail of [false, true]) {
      closed = 0;
      await run((_environ, startResponse) => {
        startResponse('200 OK', []);
        return body(fail);
      });
      expect(closed, `fail: ${fail}`).toBe(1);
    }
  });

  it('gives the app a signal that never aborts in buffered mode', async () => {
    let aborted: boolean | undefined;
    await run((environ, startResponse) => {
      aborted = environ['tsgi.signal']?.aborted;
      startResponse('204 No Content', []);
      return [];
    });
    expect(aborted).toBe(false);
  });
});
