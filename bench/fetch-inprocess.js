// The Fetch handlers of bench/fetch-apps.js called in process, without sockets: each request is a
// prebuilt `new Request(...)` with the one header autocannon sends (Host), the handler's Response
// is awaited and its body read with `text()`, as a server consumes it. Separates the JavaScript
// cost per request of Hono, tsgi (raw protocol and Request/Response) and a bare
// `new Response('Hello, World!')` (the floor under all of them) from the runtime's HTTP server.
//
//   npm run build && node_modules/.bin/bun bench/fetch-inprocess.js [/hello|/json]
//   node_modules/.bin/deno run --allow-read --allow-env bench/fetch-inprocess.js /json
//   INPROC_ROUNDS=15 INPROC_N=20000 TSGI_DIST=/tmp/old-dist node_modules/.bin/bun bench/fetch-inprocess.js
//
// Rounds alternate the handlers (each starts first in turn); the figure is the median per handler
// of ns of CPU time per request (the process's user + system time, which other work on a shared
// machine moves less than wall time), the Request objects built outside the timed loop.
import { Hono } from 'hono';
import { fetchHandler, FETCH_ROUTES } from './fetch-apps.js';
import { HELLO } from './servers/listen.js';

const env = (name) => (globalThis.Deno ? Deno.env.get(name) : process.env[name]);
const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const path = args[0] ?? '/hello';
const ROUNDS = Number(env('INPROC_ROUNDS') ?? 11);
const N = Number(env('INPROC_N') ?? 20000);
const dist = env('TSGI_DIST') ? `file://${env('TSGI_DIST').replace(/\/?$/, '/')}` : new URL('../dist/', import.meta.url).href;
const { Request, Response, TextBody } = await import(`${dist}index.js`);
const { toFetchHandler } = await import(`${dist}adapters/fetch/index.js`);

const route = FETCH_ROUTES.find((r) => r.path === path);
if (route === undefined || route.method === 'POST') throw new Error(`a GET route of bench/fetch-apps.js, not ${path}`);
const url = `http://127.0.0.1:3000${route.url ?? route.path}`;
const libs = { Hono, Request, Response, TextBody, toFetchHandler };
const handlers = {
  hono: fetchHandler('hono', libs),
  'tsgi-raw': fetchHandler('tsgi-raw', libs),
  tsgi: fetchHandler('tsgi', libs),
  // The floor: what any handler that answers this text pays for its Response and the read.
  floor: () => Promise.resolve(new globalThis.Response(HELLO)),
};
const names = Object.keys(handlers);

function requests() {
  const list = new Array(N);
  for (let i = 0; i < N; i++) list[i] = new globalThis.Request(url, { headers: { host: '127.0.0.1:3000' } });
  return list;
}

// Microseconds of CPU time (Bun and Deno both have node's process.cpuUsage).
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

let sink = 0;
async function round(handler) {
  const list = requests();
  const start = cpu();
  for (let i = 0; i < N; i++) {
    const res = await handler(list[i]);
    sink += (await res.text()).length;
  }
  return ((cpu() - start) * 1e3) / N;
}

for (const name of names) {
  // Every answer checked once, then a warm-up round for the JIT.
  const res = await handlers[name](new globalThis.Request(url, { headers: { host: '127.0.0.1:3000' } }));
  const text = await res.text();
  if (name !== 'floor' && !route.check(text)) throw new Error(`${name} ${path} answered ${text}`);
  await round(handlers[name]);
}

const times = Object.fromEntries(names.map((name) => [name, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + k) % names.length];
    times[name].push(await round(handlers[name]));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const runtime = globalThis.Bun ? `Bun ${Bun.version}` : globalThis.Deno ? `Deno ${Deno.version.deno}` : `Node ${process.version}`;
console.log(`${runtime} ${path}: ns of CPU time per request, median of ${ROUNDS} rounds of ${N} (${dist})`);
const hono = median(times.hono);
for (const name of names) {
  const m = median(times[name]);
  const sorted = [...times[name]].sort((a, b) => a - b);
  console.log(
    `  ${name.padEnd(9)} ${m.toFixed(0).padStart(6)} ns  (x${(m / hono).toFixed(2)} Hono; range ${sorted[0].toFixed(0)}-${sorted.at(-1).toFixed(0)})`,
  );
}
if (sink === 0) console.log('');
