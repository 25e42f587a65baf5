/** Raw-protocol helpers for tests: an environ by hand, and an App run without any library help. */
import type { App, Environ, HeaderList } from '../../src/gateway.js';

const encoder = new TextEncoder();

/** An environ with the required keys; `body` chunks feed `tsgi.input`. */
export function rawEnviron(overrides: Partial<Environ> = {}, body: Array<string | Uint8Array> = []): Environ {
  const errors: string[] = [];
  return {
    REQUEST_METHOD: 'GET',
    SCRIPT_NAME: '',
    PATH_INFO: '/',
    QUERY_STRING: '',
    SERVER_NAME: 'localhost',
    SERVER_PORT: '80',
    SERVER_PROTOCOL: 'HTTP/1.1',
    'tsgi.version': [1, 0],
    'tsgi.url_scheme': 'http',
    'tsgi.input': (async function* input() {
      for (const chunk of body) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    })(),
    'tsgi.errors': { write: (message: string) => void errors.push(message), messages: errors } as never,
    ...overrides,
  } as Environ;
}

/** What the server saw: status, headers, body bytes as text, and how the body was closed. */
export interface RawResult {
  status: string;
  headers: HeaderList;
  text: string;
  calls: number;
}

/** Runs an App the way a server does: collects the body and calls `return()` once. */
export async function runRaw(app: App, environ: Environ): Promise<RawResult> {
  let status = '';
  let headers: HeaderList = [];
  let calls = 0;
  const body = await app(environ, (s, h) => {
    calls++;
    status = s;
    headers = h;
  });
  const chunks: Uint8Array[] = [];
  if (Symbol.asyncIterator in body) {
    const it = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    for (let step = await it.next(); !step.done; step = await it.next()) chunks.push(step.value);
    await it.return?.();
  } else {
    const it = (body as Iterable<Uint8Array>)[Symbol.iterator]();
    for (let step = it.next(); !step.done; step = it.next()) chunks.push(step.value);
    it.return?.();
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  return { status, headers, text, calls };
}

/** The first value of a header in a raw header list. */
export function header(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}
