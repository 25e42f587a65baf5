/**
 * Where the node adapter serves WebSocket besides `serve`'s HTTP/1.1 server: the HTTP/1.1 fallback
 * of an HTTP/2 TLS server, a plain `http.createServer` with `toNodeUpgradeListener`; the options
 * checked; and `tsgi/node` importing without loading `ws` until the first handshake.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serve, toNodeListener, toNodeUpgradeListener } from '../../../src/adapters/node/index.js';
import { echo } from '../../../examples/realtime/chat.js';
import { makeTestCertificate } from './tls-cert.js';
import { closeOf, nextMessage, openWebSocket } from './websocket-client.js';

const certificate = makeTestCertificate();
afterAll(() => certificate?.cleanup());

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('WebSocket on the other node servers', () => {
  it.skipIf(certificate === null)('an HTTP/2 TLS server upgrades HTTP/1.1 clients (allowHTTP1)', async () => {
    const server = await serve(echo, { port: 0, http2: true, tls: { key: certificate!.key, cert: certificate!.cert } });
    try {
      const ws = await openWebSocket(`${server.url.replace('https:', 'wss:')}/`, [], { rejectUnauthorized: false });
      const echoed = nextMessage(ws);
      ws.send('over TLS');
      expect(await echoed).toBe('over TLS');
      const closed = closeOf(ws);
      await server.close();
      expect((await closed).code).toBe(1001);
    } finally {
      await server.close();
    }
  });

  it('toNodeUpgradeListener serves WebSocket on a server of your own, with its limits', async () => {
    const upgrade = toNodeUpgradeListener(echo, { websocket: { maxMessageSize: 16 } });
    const server = createServer(toNodeListener(echo)).on('upgrade', upgrade).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const ws = await openWebSocket(url);
      const echoed = nextMessage(ws);
      ws.send('small');
      expect(await echoed).toBe('small');
      expect(upgrade.websockets.size).toBe(1);
      const closed = closeOf(ws);
      ws.send('more than sixteen bytes');
      expect((await closed).code).toBe(1009);

      const second = await openWebSocket(url);
      const goingAway = closeOf(second);
      upgrade.websockets.goAway();
      expect(await goingAway).toEqual({ code: 1001, reason: 'server shutting down' });
    } finally {
      server.close();
    }
  });

  it('refuses unknown WebSocket limits and options with a TypeError that names them', async () => {
    expect(() => toNodeUpgradeListener(echo, { websocket: { maxMesageSize: 1 } as never })).toThrow(/unknown limit 'maxMesageSize'/);
    expect(() => toNodeUpgradeListener(echo, { websockets: {} } as never)).toThrow(/unknown option 'websockets' \(did you mean 'websocket'\?\)/);
    await expect(serve(echo, { port: 0, websocket: { pingInterval: -1 } })).rejects.toThrow(/pingInterval must be a non-negative number/);
  });

  it("import 'tsgi/node' does not load ws; the first handshake does", async () => {
    // A fresh process: which CommonJS modules are loaded shows in require.cache.
    const script = `
      import { createRequire } from 'node:module';
      import { connect } from 'node:net';
      const { serve } = await import(${JSON.stringify(`${ROOT}src/adapters/node/index.ts`)});
      const { echo } = await import(${JSON.stringify(`${ROOT}examples/realtime/chat.ts`)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\\\/]node_modules[\\\\/]ws[\\\\/]/.test(path));
      const server = await serve(echo, { port: 0 });
      const before = loaded();
      const plain = await fetch(server.url);
      const head = await new Promise((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n'));
        socket.once('data', (chunk) => { resolve(chunk.toString('latin1').split('\\r\\n')[0]); socket.destroy(); });
      });
      console.log(JSON.stringify({ before, plain: plain.status, head, after: loaded() }));
      await server.close();
    `;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(JSON.parse(output.trim().split('\n').pop()!)).toEqual({ before: false, plain: 400, head: 'HTTP/1.1 101 Switching Protocols', after: true });
  });
});
