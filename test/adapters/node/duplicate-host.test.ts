/**
 * Two Host headers (RFC 9112 3.2): a 400 before the app runs, with a message saying why, and the
 * server goes on serving. Sent over a raw socket: no HTTP client sends two Host lines.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../../src/adapters/node/serve.js';
import type { App } from '../../../src/gateway.js';

let server: RunningServer;
let calls = 0;
const logged: string[] = [];
const app: App = (environ, startResponse) => {
  calls++;
  startResponse('200 OK', [['Content-Type', 'text/plain']]);
  return [new TextEncoder().encode(`host=${environ.HTTP_HOST} x=${environ.HTTP_X_A}`)];
};

beforeAll(async () => {
  server = await serve(app, { host: '127.0.0.1', port: 0, accessLog: (line) => void logged.push(line) });
});
afterAll(() => server.close());

/** Sends raw bytes on a fresh connection and resolves with everything the server wrote back. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('duplicate Host headers', () => {
  it('answer 400 without calling the app, and close the connection', async () => {
    calls = 0;
    const answer = await raw('GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('more than one Host header');
    expect(calls).toBe(0);
    // The refusal has its access log line, like any exchange.
    expect(logged.at(-1)).toMatch(/^127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 400 \d+ /);
  });
  it('the server keeps serving; other repeated headers are still joined', async () => {
    const answer = await raw('GET / HTTP/1.1\r\nHost: a.example\r\nX-A: 1\r\nX-A: 2\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain('host=a.example x=1, 2');
  });
});
