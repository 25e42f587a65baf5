// Micro-benchmark of the core hot path, in process (no sockets):
//   new Request(environ) + args.get + headers.get + new Response(string) + serve through startResponse.
// Run: npm run build && node bench/micro.js   (MICRO_SECONDS=2 by default per case)
import { Request, Response } from '../dist/index.js';

const seconds = Number(process.env.MICRO_SECONDS ?? 2);
const input = { async *[Symbol.asyncIterator]() {} };
const errors = { write() {} };

function environ() {
  return {
    REQUEST_METHOD: 'GET', SCRIPT_NAME: '', PATH_INFO: '/hello', QUERY_STRING: 'a=1&b=two&c=3&c=4',
    SERVER_NAME: '127.0.0.1', SERVER_PORT: '8000', SERVER_PROTOCOL: 'HTTP/1.1',
    HTTP_HOST: '127.0.0.1:8000', HTTP_USER_AGENT: 'bench', HTTP_ACCEPT: '*/*',
    'tsgi.version': [1, 0], 'tsgi.url_scheme': 'http', 'tsgi.input': input, 'tsgi.errors': errors,
  };
}

let sink = 0;
const startResponse = (status, headers) => { sink += status.length + headers.length; };

// The technique that makes a Response callable, against a plain class with the same fields.
class CallableBase {
  constructor() {
    const fn = (environ, startResponse) => fn.serve(environ, startResponse);
    Object.setPrototypeOf(fn, new.target.prototype);
    return fn;
  }
}
class CallableThing extends CallableBase { status = 200; #body; constructor(body) { super(); this.#body = body; } serve() { return this.#body; } }
class PlainThing { status = 200; #body; constructor(body) { this.#body = body; } serve() { return this.#body; } }

const cases = {
  'callable object (function + setPrototypeOf)': () => { sink += new CallableThing('x').status; },
  'plain class object (for comparison)': () => { sink += new PlainThing('x').status; },
  'Request+args+headers+Response+serve': () => {
    const req = new Request(environ());
    const name = req.args.get('b');
    const agent = req.headers.get('User-Agent');
    const res = new Response(`Hello, ${name} (${agent})`);
    for (const chunk of res(req.environ, startResponse)) sink += chunk.byteLength;
  },
  'new Request only': () => {
    sink += new Request(environ()).environ.PATH_INFO.length;
  },
  'new Response(string) only': () => {
    sink += new Response('Hello, World!').statusCode;
  },
  'Response served (prebuilt)': (() => {
    const res = new Response('Hello, World!');
    const env = environ();
    return () => { for (const chunk of res(env, startResponse)) sink += chunk.byteLength; };
  })(),
  'Request.application round trip': (() => {
    const app = Request.application((req) => new Response(`Hello, ${req.args.get('b')}`));
    return () => { for (const chunk of app(environ(), startResponse)) sink += chunk.byteLength; };
  })(),
};

function measure(fn) {
  for (let i = 0; i < 20_000; i++) fn(); // warm up
  let count = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) fn();
    count += 1000;
  }
  return count / ((performance.now() - started) / 1000);
}

console.log(`node ${process.version}, ${seconds}s per case`);
console.log('| case | ops/s | ns/op |');
console.log('|---|---:|---:|');
for (const [name, fn] of Object.entries(cases)) {
  const ops = measure(fn);
  console.log(`| ${name} | ${Math.round(ops).toLocaleString('en-US')} | ${(1e9 / ops).toFixed(0)} |`);
}
if (sink === 42) console.log('');
