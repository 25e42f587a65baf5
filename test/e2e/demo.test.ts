// `npm start` on this clone: it builds, serves the demo through the CLI, and every page answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readEventStream } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let base = '';
let output = '';

beforeAll(async () => {
  // The same script a newcomer runs; `--port 0` (appended, the last one wins) avoids clashes.
  child = spawn('npm', ['start', '--', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  base = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not report its address:\n${output}`)), 120_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}, 150_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((done) => child.on('exit', done));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
});

describe('npm start serves the demo site', () => {
  it('serves the static start page that links to every dynamic page', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    for (const link of ['/time', '/greet?name=World', '/api/items?limit=2', '/form', '/upload', '/counter', '/live', '/oops']) {
      expect(html).toContain(`href="${link}"`);
    }
    expect((await fetch(`${base}/style.css`)).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('shows the current time', async () => {
    const html = await (await fetch(`${base}/time`)).text();
    const shown = /<time>([^<]+)<\/time>/.exec(html)![1];
    expect(Math.abs(Date.parse(shown) - Date.now())).toBeLessThan(60_000);
  });

  it('greets from the query, escaped', async () => {
    expect(await (await fetch(`${base}/greet?name=Ada`)).text()).toContain('Hello, Ada!');
    expect(await (await fetch(`${base}/greet?name=%3Cscript%3E`)).text()).toContain('Hello, &lt;script&gt;!');
  });

  it('answers the JSON API, and 400 for a bad argument', async () => {
    const res = await fetch(`${base}/api/items?limit=2`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { items: unknown[]; total: number };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBe(4);
    expect((await fetch(`${base}/api/items?limit=-1`)).status).toBe(400);
  });

  it('routes by path and method: an item by id, its URL built by name, 404 and 405', async () => {
    const list = (await (await fetch(`${base}/api/items?limit=1`)).json()) as { items: Array<{ url: string }> };
    expect(list.items[0].url).toBe('/api/items/1');
    expect(await (await fetch(`${base}/api/items/4`)).json()).toEqual({ id: 4, name: 'tsgi', language: 'TypeScript' });
    expect((await fetch(`${base}/api/items/9`)).status).toBe(404);
    expect((await fetch(`${base}/api/items/x`)).status).toBe(404);
    const res = await fetch(`${base}/time`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('posts the form back', async () => {
    expect(await (await fetch(`${base}/form`)).text()).toContain('<form method="post">');
    const res = await fetch(`${base}/form`, { method: 'POST', body: new URLSearchParams({ message: 'hi <there>' }) });
    expect(await res.text()).toContain('You sent: <strong>hi &lt;there&gt;</strong>');
  });

  it('takes a file upload', async () => {
    const form = new FormData();
    form.append('file', new File(['hello upload'], 'note.txt', { type: 'text/plain' }));
    const res = await fetch(`${base}/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('file: note.txt (12 bytes, text/plain)');
  });

  it('counts visits with a cookie', async () => {
    const first = await fetch(`${base}/counter`);
    expect(await first.text()).toContain('here 1 time.');
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const second = await fetch(`${base}/counter`, { headers: { cookie } });
    expect(await second.text()).toContain('here 2 times.');
  });

  it('shows the development error page for the page with a bug, to this machine (npm start has --debug)', async () => {
    const res = await fetch(`${base}/oops`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("TypeError: Cannot read properties of undefined (reading &#39;name&#39;)");
    expect(html).toContain('examples/demo/app.js');
    expect(html).toMatch(/<span class="row here"><span class="ln">\d+<\/span>\s+return page\(item\.name/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves the live page: its WebSocket (echo.v1) echoes a line and posts it to the event feed', async () => {
    const html = await (await fetch(`${base}/live`)).text();
    expect(html).toContain("new EventSource('/live/events')");
    expect(html).toContain("/live/socket`, 'echo.v1')");
    expect((await fetch(`${base}/live/socket`)).status).toBe(400); // a websocket route, asked without the handshake

    const feed = await fetch(`${base}/live/events`);
    expect(feed.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = readEventStream(feed.body!);
    const ws = new WebSocket(`${base.replace('http:', 'ws:')}/live/socket`, ['echo.v1']);
    await once(ws, 'open');
    expect(ws.protocol).toBe('echo.v1');
    const line = `hello <live> ${Date.now()}`;
    const echoed = once(ws, 'message');
    ws.send(line);
    const [data, isBinary] = (await echoed) as [Buffer, boolean];
    expect([data.toString(), isBinary]).toEqual([line, false]);
    // The feed sends the last lines first, then new ones: read on until this one.
    let posted;
    for await (const event of events) {
      if (event.data === line) {
        posted = event;
        break;
      }
    }
    expect(posted).toMatchObject({ event: 'message', data: line });
    ws.close(1000);
    expect((await once(ws, 'close'))[0]).toBe(1000);

    // A page of another site may not open it (cross-site WebSocket hijacking).
    const other = new WebSocket(`${base.replace('http:', 'ws:')}/live/socket`, ['echo.v1'], { origin: 'https://elsewhere.example' });
    const [error] = (await once(other, 'error')) as [Error];
    expect(error.message).toBe('Unexpected server response: 403');
  }, 20_000);

  it('answers 404 for unknown pages', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
