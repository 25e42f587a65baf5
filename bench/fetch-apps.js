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
 * The Fetch handler of `framework` ('hono', 'tsgi', 'tsgi-raw' or 'protocol-floor'), built from `libs`:
 * `{ Hono, Request, Response, toFetchHandler }` (tsgi's Request and Response, not the Fetch ones).
 */
export function fetchHandler(framework, libs) {
  const make = { hono: honoHandler, tsgi: tsgiHandler, 'tsgi-raw': tsgiRawHandler, 'protocol-floor': protocolFloorHandler }[framework];
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
  return toFetchHandler(rawApp());
}

/**
 * The app of 'tsgi-raw' and 'protocol-floor', written against the gateway protocol directly.
 * `helloBody`: what /hello returns instead of its bytes (the floor's `TextBody`).
 */
function rawApp(helloBody) {
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
        return helloBody ?? [hello];
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
  return app;
}

/**
 * Not a product: the floor under any adapter of the gateway protocol (issue 19, bench/README.md
 * "The protocol's floor"). It does only what the protocol makes every Fetch adapter do for the GET
 * routes: an environ with the spec's keys and one `HTTP_*` key per request header (a plain object),
 * the app run with a `startResponse`, and a Fetch Response with the status and headers the app
 * gave, made from the cheapest init each runtime takes. /hello answers with a `TextBody`, which
 * the floor hands over as its string, as `toFetchHandler` does. Everything else tsgi's adapter
 * does (percent-decoding, bodies, WebSockets, the signal, Host checks, errors) is left out, so it
 * answers only these routes right. `PROTOCOL_FLOOR_SKIP` (read once) leaves out more, to weigh
 * each part: `headers` (no header copied but Host), `init` (no init: the runtime's default type),
 * `bytes` (/hello as bytes instead of text), `promise` (the Response returned without a promise).
 */
function protocolFloorHandler({ TextBody }) {
  const skip = new Set(((globalThis.Deno ? Deno.env.get('PROTOCOL_FLOOR_SKIP') : globalThis.process?.env?.PROTOCOL_FLOOR_SKIP) ?? '').split(','));
  const app = rawApp(skip.has('bytes') ? undefined : new TextBody(HELLO));
  const keys = new Map();
  function addHeader(value, name) {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = `HTTP_${name.toUpperCase().replaceAll('-', '_')}`));
    this[key] = value;
  }
  const input = { async *[Symbol.asyncIterator]() {} };
  // The cheapest init each runtime takes for a status and one Content-Type, made once (as tsgi's
  // responseInit does): a record on Deno, a Headers object on Bun and workerd.
  const inits = new Map();
  const initOf = (status, headers) => {
    if (headers.length !== 1 || headers[0][0] !== 'Content-Type') return { status: Number(status.slice(0, 3)), headers };
    const key = `${status}\n${headers[0][1]}`;
    let init = inits.get(key);
    if (init === undefined) {
      const type = headers[0][1];
      const fields = globalThis.Deno ? { 'Content-Type': type } : new globalThis.Headers([['Content-Type', type]]);
      inits.set(key, (init = { status: Number(status.slice(0, 3)), headers: fields }));
    }
    return init;
  };
  const copyHeaders = !skip.has('headers');
  const withInit = !skip.has('init');
  const promised = !skip.has('promise');
  return (request) => {
    const url = request.url;
    const pathStart = url.indexOf('/', 8);
    const question = url.indexOf('?', pathStart);
    const host = url.slice(7, pathStart);
    const colon = host.indexOf(':');
    const environ = {
      REQUEST_METHOD: request.method,
      SCRIPT_NAME: '',
      PATH_INFO: question === -1 ? url.slice(pathStart) : url.slice(pathStart, question),
      QUERY_STRING: question === -1 ? '' : url.slice(question + 1),
      SERVER_NAME: colon === -1 ? host : host.slice(0, colon),
      SERVER_PORT: colon === -1 ? '80' : host.slice(colon + 1),
      SERVER_PROTOCOL: 'HTTP/1.1',
      'tsgi.version': [1, 0],
      'tsgi.url_scheme': 'http',
      'tsgi.input': input,
      'tsgi.errors': console,
      'tsgi.multithread': false,
      'tsgi.multiprocess': false,
      'tsgi.run_once': false,
    };
    if (copyHeaders) request.headers.forEach(addHeader, environ);
    else environ.HTTP_HOST = host;
    let status = '500 Internal Server Error';
    let headers = [];
    const body = app(environ, (line, list) => {
      status = line;
      headers = list;
    });
    const content = body instanceof TextBody ? body.text : body[0];
    const response = withInit ? new globalThis.Response(content, initOf(status, headers)) : new globalThis.Response(content);
    return promised ? Promise.resolve(response) : response;
  };
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
