import { createHash } from 'node:crypto';
import http from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BufferedInput, TextBody, type App, type Environ } from '../../../src/gateway.js';
import { Response } from '../../../src/response/response.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, curl, errorSink, hasCurl, jsonApp, listen, sleep, waitFor } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends raw bytes on a fresh connection and returns everything the server sent until it closed. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

const echoEnviron = jsonApp((environ) => {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(environ)) {
    if (typeof value === 'string' || typeof value === 'boolean') picked[key] = value;
  }
  picked['tsgi.version'] = environ['tsgi.version'];
  return picked;
});

describe('environ', () => {
  it('holds the CGI keys, decoded PATH_INFO and the raw query', async () => {
    server = await listen(echoEnviron);
    const response = await fetch(`${server.url}/caf%C3%A9/a%2Fb/%zz/%E2%82?x=%20y&z`, {
      headers: { 'X-Custom': 'one', Accept: 'text/plain' },
    });
    const environ = (await response.json()) as Record<string, unknown>;
    expect(environ).toMatchObject({
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: '',
      PATH_INFO: '/café/a/b/%zz/%E2%82',
      QUERY_STRING: 'x=%20y&z',
      REQUEST_URI: '/caf%C3%A9/a%2Fb/%zz/%E2%82?x=%20y&z',
      SERVER_NAME: '127.0.0.1',
      SERVER_PORT: String(server.port),
      SERVER_PROTOCOL: 'HTTP/1.1',
      REMOTE_ADDR: '127.0.0.1',
      HTTP_HOST: `127.0.0.1:${server.port}`,
      HTTP_X_CUSTOM: 'one',
      HTTP_ACCEPT: 'text/plain',
      'tsgi.version': [1, 0],
      'tsgi.url_scheme': 'http',
      'tsgi.multithread': false,
      'tsgi.multiprocess': false,
      'tsgi.run_once': false,
    });
    expect(Number(environ.REMOTE_PORT)).toBeGreaterThan(0);
    expect(environ).not.toHaveProperty('CONTENT_LENGTH');
  });

  it('is a plain object holding every header a browser sends, in order, and nothing it did not send', async () => {
    // Common headers are stored by name (store-header.ts), others by key: both must land alike.
    const sent: Array<[string, string]> = [
      ['Host', 'example.test'],
      ['Connection', 'keep-alive'],
      ['sec-ch-ua', '"Chromium";v="156"'],
      ['User-Agent', 'Mozilla/5.0'],
      ['Accept', 'text/html'],
      ['Sec-Fetch-Site', 'none'],
      ['X-Unusual', 'yes'],
      ['Accept-Encoding', 'gzip'],
      ['Accept-Language', 'en'],
      ['Cookie', 'a=1'],
      ['cookie', 'b=2'],
    ];
    let seen: { proto: unknown; keys: string[]; environ: Environ } | undefined;
    server = await listen((environ, startResponse) => {
      seen = { proto: Object.getPrototypeOf(environ), keys: Object.keys(environ), environ };
      startResponse('204 No Content', []);
      return [];
    });
    const head = sent.map(([name, value]) => `${name}: ${value}\r\n`).join('');
    await rawExchange(server.port, `GET / HTTP/1.1\r\n${head}Connection: close\r\n\r\n`);
    // Object.prototype, plus the lazy tsgi.signal accessor (spec rule 3.20) and nothing else.
    expect(Object.getPrototypeOf(seen?.proto)).toBe(Object.prototype);
    expect(Reflect.ownKeys(seen?.proto as object)).toEqual(['tsgi.signal']);
    expect(seen?.environ.constructor).toBe(Object);
    expect(seen?.keys.filter((key) => key.startsWith('HTTP_') || key.startsWith('CONTENT_'))).toEqual([
      'HTTP_HOST',
      'HTTP_CONNECTION',
      'HTTP_SEC_CH_UA',
      'HTTP_USER_AGENT',
      'HTTP_ACCEPT',
      'HTTP_SEC_FETCH_SITE',
      'HTTP_X_UNUSUAL',
      'HTTP_ACCEPT_ENCODING',
      'HTTP_ACCEPT_LANGUAGE',
      'HTTP_COOKIE',
    ]);
    expect(seen?.environ).toMatchObject({
      HTTP_HOST: 'example.test',
      HTTP_CONNECTION: 'keep-alive, close',
      HTTP_SEC_CH_UA: '"Chromium";v="156"',
      HTTP_X_UNUSUAL: 'yes',
      HTTP_COOKIE: 'a=1; b=2',
    });
  });

  it.skipIf(!hasCurl)('drops headers whose name holds "_", joins repeats, and joins cookies with "; "', async () => {
    server = await listen(echoEnviron);
    const result = await curl([
      '-H', 'X-Forwarded-For: 10.0.0.1',
      '-H', 'X_Forwarded_For: 6.6.6.6',
      '-H', 'X-Multi: a',
      '-H', 'X-Multi: b',
      '-H', 'Cookie: a=1',
      '-H', 'Cookie: b=2',
      `${server.url}/`,
    ]);
    expect(result.code).toBe(0);
    const environ = JSON.parse(result.stdout) as Record<string, string>;
    expect(environ.HTTP_X_FORWARDED_FOR).toBe('10.0.0.1');
    expect(environ.HTTP_X_MULTI).toBe('a, b');
    expect(environ.HTTP_COOKIE).toBe('a=1; b=2');
  });

  it('takes the path of an absolute-form target and keeps HTTP/1.0', async () => {
    server = await listen(echoEnviron);
    const text = await rawExchange(server.port, 'GET http://example.com/p%20q?x=1 HTTP/1.0\r\nHost: example.com\r\n\r\n');
    const environ = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, string>;
    expect(environ.PATH_INFO).toBe('/p q');
    expect(environ.QUERY_STRING).toBe('x=1');
    expect(environ.SERVER_PROTOCOL).toBe('HTTP/1.0');
  });

  it('reports a mount point as SCRIPT_NAME when given one', async () => {
    const { toNodeListener } = await import('../../../src/adapters/node/index.js');
    const listener = toNodeListener(echoEnviron, { scriptName: '/api/' });
    const plain = http.createServer(listener);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as { port: number }).port;
    const environ = (await (await fetch(`http://127.0.0.1:${port}/users`)).json()) as Record<string, string>;
    plain.close();
    expect(environ.SCRIPT_NAME).toBe('/api');
    expect(environ.PATH_INFO).toBe('/users');
  });
});

describe('request bodies', () => {
  it('gives a body that came with the head in memory, and streams one still on its way', async () => {
    const app: App = async (environ, startResponse) => {
      const input = environ['tsgi.input'];
      let text = '';
      for await (const chunk of input) text += new TextDecoder().decode(chunk);
      startResponse('200 OK', [['Content-Type', 'application/json']]);
      return [bytes(JSON.stringify({ buffered: input instanceof BufferedInput, text }))];
    };
    server = await listen(app);
    const port = server.port;
    const post = (first: string, second?: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 10\r\n\r\n${first}`);
          if (second !== undefined) setTimeout(() => socket.write(second), 100);
        });
        let data = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (data += chunk));
        socket.on('end', () => resolve(data.slice(data.indexOf('\r\n\r\n') + 4)));
        socket.on('error', reject);
      });
    // Head and body in one write, as small requests usually come.
    expect(await post('helloworld')).toBe('{"buffered":true,"text":"helloworld"}');
    // The second half comes 100 ms after the head: the app gets a streaming input.
    const answer = await post('hello', 'world');
    expect(answer).toBe('{"buffered":false,"text":"helloworld"}');
  });

  it('streams a 20 MB body to the app, which hashes it', async () => {
    const hashApp: App = async (environ, startResponse) => {
      const hash = createHash('sha256');
      let size = 0;
      let chunks = 0;
      for await (const chunk of environ['tsgi.input']) {
        hash.update(chunk);
        size += chunk.byteLength;
        chunks += 1;
      }
      startResponse('200 OK', [['Content-Type', 'application/json']]);
      return [bytes(JSON.stringify({ size, chunks, sha256: hash.digest('hex'), length: environ.CONTENT_LENGTH ?? null }))];
    };
    server = await listen(hashApp);
    const block = new Uint8Array(1 << 20);
    for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 0xff;
    const expected = createHash('sha256');
    for (let i = 0; i < 20; i++) expected.update(block);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 20) controller.close();
        else {
          sent += 1;
          controller.enqueue(block);
        }
      },
    });
    const response = await fetch(`${server.url}/upload`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const result = (await response.json()) as { size: number; chunks: number; sha256: string; length: string | null };
    expect(result.size).toBe(20 << 20);
    expect(result.sha256).toBe(expected.digest('hex'));
    expect(result.length).toBeNull(); // sent chunked
    expect(result.chunks).toBeGreaterThan(20); // handed over as it arrived, not buffered whole
  });

  it('applies back-pressure: an app that stops reading stops the upload', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstRead!: () => void;
    const readOne = new Promise<void>((resolve) => (firstRead = resolve));
    const slowApp: App = async (environ, startResponse) => {
      let size = 0;
      for await (const chunk of environ['tsgi.input']) {
        size += chunk.byteLength;
        if (size === chunk.byteLength) {
          firstRead();
          await released;
        }
      }
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [bytes(String(size))];
    };
    server = await listen(slowApp);
    const total = 64 << 20;
    const chunk = new Uint8Array(256 << 10);
    let written = 0;
    const request = http.request(`${server.url}/`, { method: 'POST', headers: { 'Content-Length': String(total) } });
    const answer = new Promise<string>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve(text));
      });
      request.on('error', reject);
    });
    const writeMore = () => {
      while (written < total) {
        written += chunk.byteLength;
        if (!request.write(chunk)) return;
      }
      request.end();
    };
    request.on('drain', writeMore);
    writeMore();
    await readOne;
    await sleep(400);
    // Socket buffers on both sides hold a few MB at most; without back-pressure all 64 MB would go.
    expect(written).toBeLessThan(24 << 20);
    release();
    expect(await answer).toBe(String(total));
  });

  it('rejects the read with ClientDisconnected when the client aborts mid-upload, and keeps serving', async () => {
    let failure: unknown;
    let gotChunk!: () => void;
    const firstChunk = new Promise<void>((resolve) => (gotChunk = resolve));
    server = await listen(async (environ, startResponse) => {
      if (environ.REQUEST_METHOD === 'POST') {
        try {
          for await (const _chunk of environ['tsgi.input']) gotChunk();
        } catch (error) {
          failure = error;
        }
      }
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [bytes('fine')];
    });
    const request = http.request(`${server.url}/`, { method: 'POST', headers: { 'Content-Length': '1000000' } });
    request.on('error', () => undefined);
    request.write(new Uint8Array(1000));
    await firstChunk;
    request.destroy();
    await waitFor(() => failure !== undefined, 5000, 'the read to fail');
    expect((failure as Error).name).toBe('ClientDisconnected');
    expect(await (await fetch(`${server.url}/`)).text()).toBe('fine');
  });

  it('lets an app stop reading part way (break) and answer, and the connection keeps working', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    server = await listen(async (environ, startResponse) => {
      let seen = 0;
      for await (const chunk of environ['tsgi.input']) {
        seen += chunk.byteLength;
        if (seen > 1000) break;
      }
      startResponse(seen > 1000 ? '413 Content Too Large' : '200 OK', [['Content-Type', 'text/plain']]);
      return [bytes(String(seen))];
    });
    const send = (size: number) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${server!.url}/`, { method: 'POST', agent, headers: { 'Content-Length': String(size) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(new Uint8Array(size));
      });
    expect(await send(300_000)).toBe(413);
    expect(await send(10)).toBe(200);
    agent.destroy();
  });

  it('lets an app answer without reading the body, and the connection keeps working', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const refusing: App = (environ, startResponse) => {
      if (environ.REQUEST_METHOD === 'POST') {
        startResponse('413 Content Too Large', [['Content-Type', 'text/plain']]);
        return [bytes('too big')];
      }
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [bytes(environ.REMOTE_PORT ?? '')];
    };
    server = await listen(refusing);
    const url = server.url;
    const post = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/`, { method: 'POST', agent, headers: { 'Content-Length': '100000' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(new Uint8Array(100_000));
    });
    expect(post).toBe(413);
    const get = await new Promise<number>((resolve, reject) => {
      http
        .get(`${url}/`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject);
    });
    expect(get).toBe(200);
    agent.destroy();
  });
});

describe('responses', () => {
  it('sends a text body as UTF-8 in one piece with its length, lone surrogates as U+FFFD', async () => {
    const text = 'héllo 😀 \ud800 end';
    const expected = new TextEncoder().encode(text);
    server = await listen((environ, startResponse) =>
      environ.PATH_INFO === '/raw'
        ? (startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]), new TextBody(text))
        : new Response(environ.PATH_INFO === '/empty' ? '' : text)(environ, startResponse),
    );
    for (const path of ['/', '/raw']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-length')).toBe(String(expected.byteLength));
      expect(response.headers.get('transfer-encoding')).toBeNull();
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...expected]);
    }
    const head = await rawExchange(server.port, 'HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(head).toContain(`Content-Length: ${expected.byteLength}\r\n`);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    const empty = await fetch(`${server.url}/empty`);
    expect(empty.headers.get('content-length')).toBe('0');
    expect(await empty.text()).toBe('');
  });

  it.skipIf(!hasCurl)('serves a simple GET to curl with a Content-Length', async () => {
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
      return [bytes('Hello, '), bytes('World!')];
    });
    const result = await curl(['-i', `${server.url}/hello`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(result.stdout).toMatch(/\r\nContent-Length: 13\r\n/i);
    expect(result.stdout).not.toMatch(/Transfer-Encoding/i);
    expect(result.stdout.endsWith('\r\n\r\nHello, World!')).toBe(true);
  });

  it('keeps the reason phrase and sends repeated Set-Cookie headers', async () => {
    server = await listen((_environ, startResponse) => {
      startResponse('201 Made It', [
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'b=2; Path=/'],
        ['X-Thing', 'x'],
      ]);
      return [bytes('ok')];
    });
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made It');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(response.headers.get('x-thing')).toBe('x');
  });

  it('streams chunks before the body ends, chunked', async () => {
    let allowEnd!: () => void;
    const gate = new Promise<void>((resolve) => (allowEnd = resolve));
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return (async function* () {
        yield bytes('first;');
        await gate;
        yield bytes('second');
      })();
    });
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first;');
    allowEnd();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('second');
  });

  it('adds Content-Length: 0 to an empty body and skips empty chunks', async () => {
    server = await listen((environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      if (environ.PATH_INFO === '/gen') {
        return (function* () {
          yield new Uint8Array(0);
        })();
      }
      return [];
    });
    for (const path of ['/', '/gen']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-length')).toBe('0');
      expect(await response.text()).toBe('');
    }
  });

  it.skipIf(!hasCurl)('answers HEAD with the headers only, keeping Content-Length, and stops the body', async () => {
    let closed = 0;
    let pulled = 0;
    server = await listen((environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain'], ...(environ.PATH_INFO === '/gen' ? ([['Content-Length', '10']] as Array<[string, string]>) : [])]);
      if (environ.PATH_INFO === '/bare') return environ.REQUEST_METHOD === 'HEAD' ? [] : [bytes('some body')];
      if (environ.PATH_INFO === '/gen') {
        return (function* () {
          try {
            for (let i = 0; i < 10; i++) {
              pulled += 1;
              yield bytes('x');
            }
          } finally {
            closed += 1;
          }
        })();
      }
      return [bytes('hello')];
    });
    const array = await curl(['-I', `${server.url}/`]);
    expect(array.stdout).toMatch(/\r\nContent-Length: 5\r\n/i);
    expect(array.stdout.endsWith('\r\n\r\n')).toBe(true);
    const gen = await curl(['-I', `${server.url}/gen`]);
    expect(gen.stdout).toMatch(/\r\nContent-Length: 10\r\n/i);
    expect(gen.stdout.endsWith('\r\n\r\n')).toBe(true);
    expect(pulled).toBe(1);
    expect(closed).toBe(1);
    // An app that answers HEAD with no body (as Response does) and no length: none is made up.
    const bare = await curl(['-I', `${server!.url}/bare`]);
    expect(bare.stdout).not.toMatch(/Content-Length/i);
    // The connection is still good for a GET after HEAD.
    expect(await (await fetch(`${server.url}/`)).text()).toBe('hello');
  });

  it('reuses one keep-alive connection for two requests', async () => {
    server = await listen(jsonApp((environ) => ({ port: environ.REMOTE_PORT })));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets: unknown[] = [];
    const get = () =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`${server!.url}/`, { agent }, (res) => {
            sockets.push(res.socket);
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
    const first = await get();
    const second = await get();
    agent.destroy();
    expect(sockets[0]).toBe(sockets[1]);
    expect(first).toBe(second);
  });

  it('waits for drain: a client that does not read holds the app back', async () => {
    let pulled = 0;
    const size = 1 << 20;
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
      return (function* () {
        for (let i = 0; i < 256; i++) {
          pulled += 1;
          yield new Uint8Array(size);
        }
      })();
    });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.pause();
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await sleep(400);
    const whilePaused = pulled;
    expect(whilePaused).toBeLessThan(64); // 256 MB were on offer
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.resume();
    await waitFor(() => received > 256 * size, 20_000, 'the whole body');
    socket.destroy();
    expect(pulled).toBe(256);
  });

  it('calls return() once and runs the finally block when the client goes away mid-response', async () => {
    let returns = 0;
    let finallyRan!: () => void;
    const ranFinally = new Promise<void>((resolve) => (finallyRan = resolve));
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      const generator = (async function* () {
        try {
          for (;;) {
            yield bytes('tick\n');
            await sleep(20);
          }
        } finally {
          finallyRan();
        }
      })();
      const originalReturn = generator.return.bind(generator);
      generator.return = (value) => {
        returns += 1;
        return originalReturn(value);
      };
      return generator;
    });
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${server!.url}/`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no data')), 5000);
    });
    await ranFinally;
    await sleep(100);
    expect(returns).toBe(1);
  });

  it('calls return() exactly once after a normal end', async () => {
    let returns = 0;
    const body = {
      [Symbol.iterator]() {
        let i = 0;
        return {
          next: () => (i++ < 2 ? { done: false as const, value: bytes('ab') } : { done: true as const, value: undefined }),
          return: () => {
            returns += 1;
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return body;
    });
    expect(await (await fetch(`${server.url}/`)).text()).toBe('abab');
    await sleep(20);
    expect(returns).toBe(1);
  });
});

describe('errors', () => {
  it('answers 500 when the app throws before the headers, and keeps serving', async () => {
    const errors = errorSink();
    server = await listen(
      async (environ, startResponse) => {
        if (environ.PATH_INFO === '/sync') throw new Error('boom sync');
        if (environ.PATH_INFO === '/async') {
          await sleep(1);
          throw new Error('boom async');
        }
        if (environ.PATH_INFO === '/in-body') {
          startResponse('200 OK', [['Content-Type', 'text/plain']]);
          return (function* () {
            throw new Error('boom in body');
          })();
        }
        startResponse('200 OK', [['Content-Type', 'text/plain']]);
        return [bytes('fine')];
      },
      { errors },
    );
    for (const path of ['/sync', '/async', '/in-body']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('Internal Server Error\n');
    }
    expect(errors.lines.join('')).toMatch(/boom async/);
    expect(errors.lines.join('')).toMatch(/GET \/in-body/);
    expect(await (await fetch(`${server.url}/`)).text()).toBe('fine');
  });

  it('answers 500 for invalid headers, a status that is not one, and chunks that are not bytes', async () => {
    const errors = errorSink();
    server = await listen(
      (environ, startResponse) => {
        if (environ.PATH_INFO === '/header') startResponse('200 OK', [['X-Bad', 'a\r\nInjected: 1']]);
        else if (environ.PATH_INFO === '/status') startResponse('OK', []);
        else if (environ.PATH_INFO === '/twice') {
          startResponse('200 OK', []);
          startResponse('201 Created', []);
        } else startResponse('200 OK', []);
        return ['not bytes' as unknown as Uint8Array];
      },
      { errors },
    );
    for (const path of ['/header', '/status', '/twice', '/chunk']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(500);
      expect(response.headers.get('injected')).toBeNull();
    }
    expect(errors.lines).toHaveLength(4);
  });

  it('lets startResponse be called again with an error before the first chunk', async () => {
    server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return (function* () {
        try {
          throw new Error('late');
        } catch (error) {
          startResponse('503 Service Unavailable', [['Content-Type', 'text/plain']], error);
          yield bytes('try later');
        }
      })();
    });
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('try later');
  });

  it.skipIf(!hasCurl)('cuts the connection when the app throws after the headers, and keeps serving', async () => {
    const errors = errorSink();
    server = await listen(
      (environ, startResponse) => {
        startResponse('200 OK', [['Content-Type', 'text/plain']]);
        if (environ.PATH_INFO !== '/late') return [bytes('fine')];
        return (async function* () {
          yield bytes('partial');
          await sleep(5);
          throw new Error('boom after headers');
        })();
      },
      { errors },
    );
    const broken = await curl([`${server.url}/late`]);
    expect(broken.code).toBe(18); // curl: transfer closed with outstanding read data
    expect(broken.stdout).toBe('partial');
    await expect(fetch(`${server.url}/late`).then((r) => r.text())).rejects.toThrow();
    expect(errors.lines.join('')).toMatch(/boom after headers/);
    expect(await (await fetch(`${server.url}/`)).text()).toBe('fine');
  });
});

describe('inside Express', () => {
  it('reports the mount path as SCRIPT_NAME and the original URL as REQUEST_URI', async () => {
    const express = (await import('express')).default;
    const { toNodeListener } = await import('../../../src/adapters/node/index.js');
    const outer = express();
    outer.use('/mount', toNodeListener(echoEnviron));
    outer.use(
      '/cookies',
      toNodeListener((_environ, startResponse) => {
        startResponse('200 OK', [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['Content-Type', 'text/plain']]);
        return [bytes('two cookies')];
      }),
    );
    outer.use(
      '/broken',
      toNodeListener(() => {
        throw new Error('expected: broken on purpose');
      }, { errors: errorSink() }),
    );
    const plain = http.createServer(outer);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as { port: number }).port;
    try {
      const environ = (await (await fetch(`http://127.0.0.1:${port}/mount/sub%20path?x=1`)).json()) as Environ;
      expect(environ.SCRIPT_NAME).toBe('/mount');
      expect(environ.PATH_INFO).toBe('/sub path');
      expect(environ.QUERY_STRING).toBe('x=1');
      expect(environ.REQUEST_URI).toBe('/mount/sub%20path?x=1');
      const cookies = await fetch(`http://127.0.0.1:${port}/cookies/`);
      expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      expect(cookies.headers.get('content-type')).toBe('text/plain');
      expect(await cookies.text()).toBe('two cookies');
      expect((await fetch(`http://127.0.0.1:${port}/broken/`)).status).toBe(500);
    } finally {
      plain.close();
    }
  });
});
