/**
 * `tsgi serve` stopping: SIGTERM (a service manager restarting it) leaves idle keep-alive
 * connections to the client, which a proxy may be reusing; SIGINT (Ctrl-C) closes them at once.
 * The limit flags reach the server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'test/cli/fixtures/app.mjs');

beforeAll(() => {
  const source = statSync(join(ROOT, 'src/adapters/node/drain.ts')).mtimeMs;
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < source) {
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  }
}, 120_000);

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function start(...flags: string[]): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, 'serve', FIXTURE, '--port', '0', '--no-access-log', ...flags], { cwd: ROOT });
  children.push(child);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      const match = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolvePort(Number(match[1]));
    });
    void exited.then(() => reject(new Error(output)));
  });
  return { child, port, exited };
}

/** A connection that made one request and now sits idle; `closedAt` is set when the server closes it. */
async function idleConnection(port: number): Promise<{ closedAt: number }> {
  const state = { closedAt: 0 };
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  await new Promise<void>((resolveAnswer) => {
    socket.on('data', (d: Buffer) => d.includes('"pid"') && resolveAnswer());
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
  });
  socket.on('close', () => (state.closedAt = performance.now()));
  return state;
}

describe('tsgi serve stopping', () => {
  it('on SIGTERM leaves an idle connection until the keep-alive timeout; on SIGINT closes it at once', async () => {
    const term = await start('--keep-alive-timeout', '600');
    const termIdle = await idleConnection(term.port);
    const termSent = performance.now();
    term.child.kill('SIGTERM');
    expect(await term.exited).toBe(0);
    // Node closes an idle socket one second after the timeout it announces.
    expect(termIdle.closedAt - termSent).toBeGreaterThan(500);

    const int = await start('--keep-alive-timeout', '600');
    const intIdle = await idleConnection(int.port);
    const intSent = performance.now();
    int.child.kill('SIGINT');
    expect(await int.exited).toBe(0);
    expect(intIdle.closedAt - intSent).toBeLessThan(400);
  }, 20_000);

  it('cuts a header drip at --headers-timeout', async () => {
    const { port } = await start('--headers-timeout', '500');
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nX-Drip: '));
    sockets.push(socket);
    socket.on('error', () => undefined); // the last drip may meet the closed socket
    const started = performance.now();
    const drip = setInterval(() => socket.writable && socket.write('a'), 100);
    await new Promise((r) => socket.once('close', r));
    clearInterval(drip);
    expect(performance.now() - started).toBeGreaterThan(450);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
