/**
 * `RunningServer.close`'s two manners (drain.ts): idle keep-alive connections closed at once, or
 * left to the client, so that a proxy reusing one at that instant loses no request; and
 * `Connection: close` on every response once the shutdown began.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, listen, sleep, waitFor } from './helpers.js';

let server: RunningServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

/** Answers after `?ms=` milliseconds (0 by default). */
const app: App = async (environ, startResponse) => {
  const ms = Number(/ms=(\d+)/.exec(environ.QUERY_STRING)?.[1] ?? 0);
  if (ms > 0) await sleep(ms);
  startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '2']]);
  return [bytes('ok')];
};

/** A keep-alive connection that sends requests one at a time and reads their heads. */
interface Connection {
  get(path: string): Promise<string>;
  closed: boolean;
}

async function open(port: number): Promise<Connection> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.setEncoding('latin1');
  const connection: Connection = {
    closed: false,
    get(path) {
      return new Promise((resolve, reject) => {
        let data = '';
        const onData = (chunk: string) => {
          data += chunk;
          if (data.includes('\r\n\r\n') && data.endsWith('ok')) {
            socket.off('data', onData);
            resolve(data);
          }
        };
        socket.on('data', onData);
        socket.once('error', reject);
        socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      });
    },
  };
  socket.on('close', () => (connection.closed = true));
  return connection;
}

describe('RunningServer.close', () => {
  it("with idle: 'leave', keeps an idle connection open; a request sent on it is answered, with Connection: close", async () => {
    server = await listen(app, { keepAliveTimeout: 5000 });
    const connection = await open(server.port);
    expect(await connection.get('/')).toMatch(/^HTTP\/1\.1 200 OK\r\n(?![\s\S]*Connection: close)/);
    let closed = false;
    void server.close({ idle: 'leave' }).then(() => (closed = true));
    await sleep(200);
    expect(connection.closed).toBe(false); // a proxy may be sending on it right now
    const head = await connection.get('/');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toMatch(/\r\nConnection: close\r\n/);
    await waitFor(() => connection.closed && closed, 2000, 'the connection and the server to close');
    server = undefined;
  });

  it("with idle: 'leave', closes a connection left idle once the keep-alive timeout has passed", async () => {
    server = await listen(app, { keepAliveTimeout: 400 });
    const connection = await open(server.port);
    await connection.get('/');
    const started = performance.now();
    await server.close({ idle: 'leave' });
    server = undefined;
    // Node keeps the socket one second longer than the timeout it announces (Keep-Alive: timeout=).
    expect(performance.now() - started).toBeGreaterThan(250);
    expect(performance.now() - started).toBeLessThan(2500);
    await waitFor(() => connection.closed, 1000, 'the client to see the close');
  });

  it('answers a request in flight when the shutdown began with Connection: close', async () => {
    server = await listen(app);
    const connection = await open(server.port);
    const inFlight = connection.get('/?ms=200');
    await sleep(50);
    const closing = server.close();
    expect(await inFlight).toMatch(/\r\nConnection: close\r\n/);
    await closing;
    server = undefined;
  });

  it('keeps connections alive until keepAliveUntil settles, then ends keep-alive', async () => {
    server = await listen(app, { keepAliveTimeout: 5000 });
    const connection = await open(server.port);
    await connection.get('/');
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const closing = server.close({ idle: 'leave', keepAliveUntil: released });
    expect(await connection.get('/')).not.toMatch(/Connection: close/);
    release();
    await sleep(10);
    expect(await connection.get('/')).toMatch(/\r\nConnection: close\r\n/);
    await closing;
    server = undefined;
  });

  it("closes idle connections at once when a quick close() follows a close({ idle: 'leave' })", async () => {
    server = await listen(app, { keepAliveTimeout: 5000 });
    const connection = await open(server.port);
    await connection.get('/');
    const leaving = server.close({ idle: 'leave' });
    await sleep(100);
    expect(connection.closed).toBe(false);
    const started = performance.now();
    await server.close();
    await leaving;
    server = undefined;
    expect(performance.now() - started).toBeLessThan(500);
    await waitFor(() => connection.closed, 1000, 'the client to see the close');
  });
});
