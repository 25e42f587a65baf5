// In-process test clients, no socket: tsgi's `Client` against light-my-request (Fastify's inject)
// on an equivalent raw node:http handler, `GET /hello`, one request at a time. Run by bench/run.js
// (which passes the results back over IPC) or alone: `node bench/inprocess.js`.
//
// Environment: BENCH_INPROCESS_ROUNDS (3), BENCH_INPROCESS_SECONDS (2).
import inject from 'light-my-request';
import { Request, Response } from '../dist/index.js';
import { Client } from '../dist/adapters/test/index.js';

const ROUNDS = Number(process.env.BENCH_INPROCESS_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_INPROCESS_SECONDS ?? 2);
const HELLO = 'Hello, World!';

const tsgiApp = Request.application(() => new Response(HELLO));
const nodeHandler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(HELLO) });
  res.end(HELLO);
};

const lintClient = new Client(tsgiApp);
const plainClient = new Client(tsgiApp, { lint: false, cookies: false });

const cases = [
  {
    client: 'light-my-request',
    app: 'raw node:http handler',
    once: async () => (await inject(nodeHandler, { method: 'GET', url: '/hello' })).payload,
  },
  { client: 'tsgi Client (defaults: lint on, cookies on)', app: 'Request.application + Response', once: async () => (await lintClient.get('/hello')).text() },
  { client: 'tsgi Client (lint off, cookies off)', app: 'Request.application + Response', once: async () => (await plainClient.get('/hello')).text() },
];

for (const c of cases) {
  const body = await c.once();
  if (body !== HELLO) throw new Error(`${c.client} got ${JSON.stringify(body)}`);
}

async function measure(c, seconds) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await c.once();
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

for (const c of cases) await measure(c, 0.5); // warm up
const samples = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < cases.length; i++) {
    const index = (i + round) % cases.length;
    samples[index].push(await measure(cases[index], SECONDS));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const baseline = median(samples[0]);
const rows = cases.map((c, i) => ({ client: c.client, app: c.app, rps: median(samples[i]), ratio: median(samples[i]) / baseline }));
for (const r of rows) console.log(`${r.client.padEnd(44)} ${Math.round(r.rps).toString().padStart(7)} req/s  x${r.ratio.toFixed(2)}`);
if (process.send) process.send({ rounds: ROUNDS, seconds: SECONDS, rows });
