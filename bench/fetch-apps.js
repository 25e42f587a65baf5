// The apps bench/fetch.js compares, as Fetch handlers: Hono, tsgi with Request/Response, and tsgi
// with an app written against the gateway protocol directly. Shared by bench/fetch-server.js (Bun,
// Deno) and the workerd worker bench/lib.js bundles; the libraries are passed in, so the worker
// bundle and a server importing another build of tsgi (TSGI_DIST) use the same code.
import { HELLO, MESSAGE } from './servers/listen.js';

/** The routes, with what each must answer: bench/fetch.js checks every server before loading it. */
export const FORM = 'name=tsgi&lang=typescript&n=42';
export const FETCH_ROUTES = [
  { path: '/hello', check: (text) => text === HELLO },
  { path: '/json', check: (text) => JSON.parse(text).message === MESSAGE.message },
  {
    path: '/query',
    url: '/query?a=1&b=two&c=3&c=4',
    check: (text) => JSON.stringify(JSON.parse(text)) === '{"a":"1","b":"two","c":["3","4"]}',
  },
  {
    path: '/form',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: FORM,
    check: (text) => JSON.stringify(JSON.parse(text)) === '{"name":"tsgi","lang":"typescript","n":"42"}',
  },
];

/**
 * The Fetch handler of `framework` ('hono', 'tsgi' or 'tsgi-raw'), built from `libs`:
 * `{ Hono, Request, Response, toFetchHandler }` (tsgi's Request and Response, not the Fetch ones).
 */
export function fetchHandler(framework, libs) {
  const make = { hono: honoHandler, tsgi: tsgiHandler, 'tsgi-raw': tsgiRawHandler }[framework];
  if (!make) throw new Error(`unknown framework ${framework}`);
  return make(libs);
}

/**
 * The tsgi app with Request/Response of every peer benchmark: bench/servers/tsgi.js serves it
 * through `serve`, the Fetch benchmark through `toFetchHandler`.
 */
export function tsgiApp({ Request, Response }) {
  const notFound = () => new Response('Not Found', { status: 404 });
  const app = Request.application((req) => {
    const method = req.method;
    switch (req.path) {
      case '/hello':
        return method === 'GET' ? new Response(HELLO) : notFound();
      case '/json':
        return method === 'GET' ? Response.json(MESSAGE) : notFound();
      case '/query':
        return method === 'GET' ? Response.json(req.args.toRecord()) : notFound();
      case '/form':
        return method === 'POST' ? req.form().then((form) => Response.json(form.toRecord())) : notFound();
      default:
        return notFound();
    }
  });
  return app;
}

function tsgiHandler({ Request, Response, toFetchHandler }) {
  return toFetchHandler(tsgiApp({ Request, Response }));
}

/** Query or form pairs as one object, a repeated key as an array (what the other apps answer). */
function pairsToObject(params) {
  const out = {};
  for (const [key, value] of params) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

function tsgiRawHandler({ toFetchHandler }) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const hello = encoder.encode(HELLO);
  const json = (startResponse, value) => {
    startResponse('200 OK', [['Content-Type', 'application/json']]);
    return [encoder.encode(JSON.stringify(value))];
  };
  const form = async (environ, startResponse) => {
    let text = '';
    for await (const chunk of environ['tsgi.input']) text += decoder.decode(chunk, { stream: true });
    return json(startResponse, pairsToObject(new URLSearchParams(text + decoder.decode())));
  };
  // Synchronous but for /form, which awaits its body.
  const app = (environ, startResponse) => {
    const method = environ.REQUEST_METHOD;
    switch (environ.PATH_INFO) {
      case '/hello':
        if (method !== 'GET') break;
        startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
        return [hello];
      case '/json':
        if (method !== 'GET') break;
        return json(startResponse, MESSAGE);
      case '/query':
        if (method !== 'GET') break;
        return json(startResponse, pairsToObject(new URLSearchParams(environ.QUERY_STRING)));
      case '/form':
        if (method !== 'POST') break;
        return form(environ, startResponse);
    }
    startResponse('404 Not Found', [['Content-Type', 'text/plain; charset=utf-8']]);
    return [encoder.encode('Not Found')];
  };
  return toFetchHandler(app);
}

function honoHandler({ Hono }) {
  const app = new Hono();
  const flatten = (lists) => {
    const out = {};
    for (const key in lists) out[key] = lists[key].length === 1 ? lists[key][0] : lists[key];
    return out;
  };
  app.get('/hello', (c) => c.text(HELLO));
  app.get('/json', (c) => c.json(MESSAGE));
  app.get('/query', (c) => c.json(flatten(c.req.queries())));
  app.post('/form', async (c) => c.json(await c.req.parseBody({ all: true })));
  return app.fetch;
}
