/**
 * The assertions every runtime must pass with `examples/runtimes/app.ts`, and helpers to start a
 * runtime as a child process on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchClient, sseChecks, type IdleCleanup } from './sse-checks.js';
import { websocketChecks, wsClient, type WsSkips } from './websocket-checks.js';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const BIN = `${ROOT}node_modules/.bin/`;

/**
 * The commands that start each runtime, as docs/runtimes.md shows them (the first word is a binary
 * in node_modules/.bin). The docs test checks that the doc quotes them exactly.
 */
export const COMMANDS = {
  bun: ['bun', 'examples/runtimes/bun.ts'],
  deno: ['deno', 'run', '--allow-net=127.0.0.1', '--allow-env', '--sloppy-imports', 'examples/runtimes/deno.ts'],
  workerdBuild: ['bun', 'build', 'examples/runtimes/worker.ts', '--target=browser', '--format=esm', '--outfile=examples/runtimes/worker.js'],
  workerd: ['workerd', 'serve', 'examples/runtimes/workerd.capnp'],
} as const;

export interface Running {
  base: string;
  stop(): Promise<void>;
}

/** True when `bin --version` runs: a runtime whose binary cannot run here is skipped, loudly. */
export async function canRun(bin: string, args = ['--version']): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}


function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
}

/** Starts a process that prints `listening on http://127.0.0.1:PORT/` and waits for that line. */
export function startPrinting(bin: string, args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(bin, args, { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopper(child)();
      reject(new Error(`${bin} did not start in 20 s:\n${output}`));
    }, 20_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ base: match[1], stop: stopper(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited with ${code}:\n${output}`));
    });
  });
}

/** Starts a process serving on a known port and polls until it answers. */
export async function startPolling(bin: string, args: string[], base: string): Promise<Running> {
  const child = spawn(bin, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${bin} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(base);
      return { base, stop: stopper(child) };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stopper(child)();
  throw new Error(`${bin} did not answer in 20 s:\n${output}`);
}

export interface RuntimeExpectations {
  /** What `navigator.userAgent` (or Node's version) starts with in the greeting. */
  greeting: RegExp;
  /** Whether the host gives the peer address (Workers do not). */
  remoteAddr: boolean;
  /** The content-codings this runtime's CompressionStream has, as `webCodecs()` detects them. */
  codecs: string[];
  /** How soon an idle event stream must be closed after its client leaves. Default within 100 ms. */
  sseIdleCleanup?: IdleCleanup;
  /**
   * False where the host has no way to upgrade through the Fetch handler (a Node bridge): the app
   * then answers a handshake 501. Default true: the WebSocket checks run.
   */
  websocket?: boolean;
  /** WebSocket checks this runtime cannot pass, each with the runtime's limit that prevents it. */
  websocketSkips?: WsSkips;
}

/**
 * The runtime matrix: the same requests and assertions on every runtime. `start` returns null (and
 * says why) when the runtime cannot run here.
 */
export function runtimeSuite(name: string, start: () => Promise<Running | null>, expected: RuntimeExpectations): void {
  describe(`examples/runtimes on ${name}`, () => {
    let running: Running | null = null;
    beforeAll(async () => {
      running = await start();
    });
    afterAll(async () => {
      await running?.stop();
    });
    const url = (path: string) => `${running!.base}${path}`;
    const live = () => {
      if (!running) console.warn(`${name}: binary cannot run here, runtime test skipped`);
      return running !== null;
    };

    it('greets from the right runtime', async (ctx) => {
      if (!live()) return ctx.skip();
      const res = await fetch(url('/'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toMatch(expected.greeting);
    });

    it('parses the query (repeated keys, UTF-8)', async (ctx) => {
      if (!live()) return ctx.skip();
      const res = await fetch(url('/query?name=Zo%C3%AB&tag=a&tag=b'));
      expect(await res.json()).toEqual({ name: 'Zoë', tags: ['a', 'b'] });
    });

    it('echoes a JSON body, and refuses bad ones with 400 and 415', async (ctx) => {
      if (!live()) return ctx.skip();
      const ok = await fetch(url('/json'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":[1,"é"]}' });
      expect(await ok.json()).toEqual({ received: { a: [1, 'é'] }, method: 'POST' });
      const bad = await fetch(url('/json'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
      expect(bad.status).toBe(400);
      const wrongType = await fetch(url('/json'), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
      expect(wrongType.status).toBe(415);
    });

    it('reads an urlencoded form', async (ctx) => {
      if (!live()) return ctx.skip();
      const res = await fetch(url('/form'), { method: 'POST', body: new URLSearchParams([['a', '1'], ['b', 'x y'], ['a', '2']]) });
      expect(await res.json()).toEqual({ fields: [['a', '1'], ['b', 'x y'], ['a', '2']], files: [] });
    });

    it('reads a multipart form with small files', async (ctx) => {
      if (!live()) return ctx.skip();
      const form = new FormData();
      form.append('title', 'Grüße');
      form.append('doc', new File(['first file\n'], 'a.txt', { type: 'text/plain' }));
      form.append('doc', new File([new Uint8Array(2048).fill(120)], 'b.bin', { type: 'application/octet-stream' }));
      const res = await fetch(url('/form'), { method: 'POST', body: form });
      expect(await res.json()).toEqual({
        fields: [['title', 'Grüße']],
        files: [
          { name: 'doc', filename: 'a.txt', type: 'text/plain', size: 11, text: 'first file\n' },
          { name: 'doc', filename: 'b.bin', type: 'application/octet-stream', size: 2048, text: 'x'.repeat(2048) },
        ],
      });
    });

    it('streams a response chunk by chunk', async (ctx) => {
      if (!live()) return ctx.skip();
      const res = await fetch(url('/stream?n=20'), { headers: { 'Accept-Encoding': 'identity' } });
      expect(res.headers.get('content-length')).toBeNull();
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let reads = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        text += decoder.decode(r.value, { stream: true });
        reads++;
      }
      expect(text).toBe(Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join(''));
      // Lines 5 ms apart arrive in more than one piece: the body was not buffered whole.
      expect(reads).toBeGreaterThan(1);
    });

    it('reads cookies and sets two of them', async (ctx) => {
      if (!live()) return ctx.skip();
      const res = await fetch(url('/cookies'), { headers: { Cookie: 'a=1; b=two' } });
      expect(await res.json()).toEqual({ got: { a: '1', b: 'two' } });
      const cookies = res.headers.getSetCookie();
      expect(cookies).toHaveLength(2);
      expect(cookies[0]).toMatch(/^first=one; Path=\/; HttpOnly$/i);
      expect(cookies[1]).toMatch(/^second=two%20words; Path=\/; SameSite=Lax$/i);
    });

    it('compresses with gzip when asked, not for HEAD, and sends Vary', async (ctx) => {
      if (!live()) return ctx.skip();
      const expectedBody = 'tsgi compresses this line on every runtime.\n'.repeat(2000);
      const gz = await fetch(url('/big'), { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(gz.headers.get('vary')).toBe('Accept-Encoding');
      expect(await gz.text()).toBe(expectedBody); // fetch decodes gzip: this checks single, valid encoding
      const plain = await fetch(url('/big'), { headers: { 'Accept-Encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(expectedBody);
      const head = await fetch(url('/big'), { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-encoding')).toBeNull();
      expect(await head.text()).toBe('');
    });

    it('offers the codecs the runtime has, brotli included where it exists', async (ctx) => {
      if (!live()) return ctx.skip();
      const codecs = await (await fetch(url('/codecs'))).json();
      expect(codecs).toEqual(expected.codecs);
      const res = await fetch(url('/big'), { headers: { 'Accept-Encoding': 'br, gzip;q=0.5' } });
      expect(res.headers.get('content-encoding')).toBe(codecs.includes('br') ? 'br' : 'gzip');
      expect(await res.text()).toBe('tsgi compresses this line on every runtime.\n'.repeat(2000));
    });

    it('gives the app the URL, scheme, host and (where the host tells) client address', async (ctx) => {
      if (!live()) return ctx.skip();
      const where = await (await fetch(url('/where?x=1'))).json();
      expect(where.url).toBe(url('/where?x=1'));
      expect(where.scheme).toBe('http');
      expect(where.host).toBe(new URL(running!.base).host);
      if (expected.remoteAddr) expect(where.remoteAddr).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
      else expect(where.remoteAddr).toBeNull();
    });

    it('mounts an app under /api with dispatcher, redirects, and answers 404', async (ctx) => {
      if (!live()) return ctx.skip();
      const api = await (await fetch(url('/api/users/7'))).json();
      expect(api).toEqual({ rootPath: '/api', path: '/users/7', url: url('/api/users/7') });
      const redirected = await fetch(url('/redirect'), { redirect: 'manual' });
      expect(redirected.status).toBe(302);
      expect(new URL(redirected.headers.get('location')!, running!.base).href).toBe(url('/query?name=redirected'));
      expect((await fetch(url('/nope'))).status).toBe(404);
    });

    // Server-sent events: the same checks as in the test client and on node:http (sse-checks.ts).
    sseChecks(() => (running ? fetchClient(running.base) : (live(), null)), expected.sseIdleCleanup);

    // WebSocket: the same checks as in the test client and on node:http (websocket-checks.ts).
    if (expected.websocket === false) {
      it('WebSocket: without an upgrade mechanism there is no offer, and the app answers a handshake 501', async (ctx) => {
        if (!live()) return ctx.skip();
        const shake = await wsClient(running!.base).connect('/chat/socket?token=let-me-in', { protocols: ['chat.v1'] });
        expect(shake.status).toBe(501);
        expect(shake.peer).toBeUndefined();
      });
    } else {
      websocketChecks(() => (running ? wsClient(running.base) : (live(), null)), expected.websocketSkips);
    }
  });
}
