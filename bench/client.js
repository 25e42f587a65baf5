// The in-process test client against light-my-request (Fastify's inject) on an equivalent
// "hello" handler: requests per second, sequential (one request in flight, as tests run them).
// Run: npm run build && node bench/client.js
//   CLIENT_SECONDS (default 1.5) per run, CLIENT_RUNS (default 5) interleaved runs; the median is reported.
//   TSGI_DIST overrides the build directory (default ../dist).
import { pathToFileURL } from 'node:url';
import inject from 'light-my-request';

const dist = process.env.TSGI_DIST ? pathToFileURL(`${process.env.TSGI_DIST}/`) : new URL('../dist/', import.meta.url);
const { Client } = await import(new URL('adapters/test/index.js', dist).href);
const { Request, Response } = await import(new URL('index.js', dist).href);

const seconds = Number(process.env.CLIENT_SECONDS ?? 1.5);
const runs = Number(process.env.CLIENT_RUNS ?? 5);
const text = 'Hello, World!';
const hello = new TextEncoder().encode(text);

// The same handler three ways: node req/res for light-my-request, raw tsgi, and Request/Response.
const nodeHandler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(hello.byteLength) });
  res.end(text);
};
const rawApp = (_environ, startResponse) => {
  startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(hello.byteLength)]]);
  return [hello];
};
const wrappedApp = Request.application(() => new Response(text));

const linted = new Client(rawApp);
const unlinted = new Client(rawApp, { lint: false });
const wrapped = new Client(wrappedApp);

const cases = {
  'light-my-request': async () => {
    const res = await inject(nodeHandler, { method: 'GET', url: '/hello' });
    if (res.payload !== text) throw new Error('bad body');
  },
  'tsgi Client (lint on, default)': async () => {
    const res = await linted.get('/hello');
    if ((await res.text()) !== text) throw new Error('bad body');
  },
  'tsgi Client (lint off)': async () => {
    const res = await unlinted.get('/hello');
    if ((await res.text()) !== text) throw new Error('bad body');
  },
  'tsgi Client, Request.application + Response (lint on)': async () => {
    const res = await wrapped.get('/hello');
    if ((await res.text()) !== text) throw new Error('bad body');
  },
};

async function measure(fn) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await fn();
    count += 100;
  }
  return count / seconds;
}

for (const fn of Object.values(cases)) for (let i = 0; i < 2000; i++) await fn(); // warm-up

const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, fn] of Object.entries(cases)) results[name].push(await measure(fn));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(results['light-my-request']);
console.log(`node ${process.version}, ${runs} interleaved runs of ${seconds}s, median requests/s, sequential`);
console.log('| case | req/s | vs light-my-request |');
console.log('|---|---:|---:|');
for (const [name, values] of Object.entries(results)) {
  const value = median(values);
  console.log(`| ${name} | ${Math.round(value).toLocaleString('en-US')} | ${(value / base).toFixed(2)}x |`);
}
