// tsgi/lambda, issue 19 section 3: one app, one set of requests, answered through the test client
// and through the Lambda adapter from each event source: the same status, headers and bytes.
import { describe, expect, it } from 'vitest';
import { NotFound, Request, Response, redirect } from '../../../src/index.js';
import { Client } from '../../../src/adapters/test/index.js';
import { toLambdaHandler } from '../../../src/adapters/lambda/index.js';
import { compare, decodeResult, fakeContext, loadEvent, type Decoded } from './support.js';

const BINARY = Uint8Array.from({ length: 256 }, (_, i) => i);

const app = Request.application(async (req) => {
  switch (req.path) {
    case '/json':
      return Response.json({ hello: 'wörld', n: req.args.getAll('n'), cookie: req.cookies.theme ?? null });
    case '/form': {
      const form = await req.form();
      return Response.json({ name: form.get('name'), lang: form.get('lang') }, { status: 201 });
    }
    case '/upload': {
      const bytes = await req.bytes();
      return Response.json({ size: bytes.byteLength, last: bytes[bytes.byteLength - 1] });
    }
    case '/download':
      return new Response(BINARY, { mimetype: 'application/octet-stream', headers: { 'Content-Disposition': 'attachment; filename="all.bin"' } });
    case '/latin1':
      return new Response(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { contentType: 'text/plain; charset=iso-8859-1' });
    case '/cookies': {
      const res = new Response('two cookies\n');
      res.setCookie('theme', 'dark', { httpOnly: true });
      res.setCookie('lang', 'fr', { path: '/prefs' });
      return res;
    }
    case '/login':
      // Absolute, from what the adapter made of Host, the scheme and the stage.
      return redirect(new URL('json', req.rootUrl).href, 303);
    case '/boom':
      throw new Error('the app failed');
    default:
      throw new NotFound();
  }
});

interface Spec {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

const SPECS: Spec[] = [
  { method: 'GET', path: '/json', query: 'n=1&n=2', headers: { Accept: 'application/json', Cookie: 'theme=dark; lang=fr' } },
  { method: 'HEAD', path: '/json' },
  { method: 'POST', path: '/form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=Ad%C3%A1&lang=en' },
  { method: 'POST', path: '/upload', headers: { 'Content-Type': 'application/octet-stream' }, body: BINARY },
  { method: 'GET', path: '/download' },
  { method: 'GET', path: '/latin1' },
  { method: 'GET', path: '/cookies' },
  { method: 'GET', path: '/login' },
  { method: 'GET', path: '/missing', headers: { Accept: 'text/html' } },
  { method: 'GET', path: '/boom' },
];

type Shape = 'rest' | 'http-v1' | 'http-v2' | 'function-url' | 'alb' | 'alb-multi';
const SHAPES: Shape[] = ['rest', 'http-v1', 'http-v2', 'function-url', 'alb', 'alb-multi'];

const HOSTS: Record<Shape, string> = {
  rest: 'abc123.execute-api.us-east-1.amazonaws.com',
  'http-v1': 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
  'http-v2': 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
  'function-url': 'a1b2c3d4e5f6g7h8i9j0kl1mn2op3qr4.lambda-url.us-west-2.on.aws',
  alb: 'lambda-alb-123578498.us-east-1.elb.amazonaws.com',
  'alb-multi': 'lambda-alb-123578498.us-east-1.elb.amazonaws.com',
};

/** The event each source would send for a request, built from its sample event. */
function eventFor(shape: Shape, spec: Spec): Record<string, unknown> {
  const headers: Record<string, string> = {
    ...spec.headers,
    Host: HOSTS[shape],
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Port': '443',
    'X-Forwarded-For': '203.0.113.7',
  };
  const binary = spec.body instanceof Uint8Array;
  const body =
    spec.body === undefined ? null : binary ? btoa(String.fromCharCode(...(spec.body as Uint8Array))) : (spec.body as string);
  const query = spec.query ?? '';
  const pairs = query === '' ? [] : query.split('&').map((part) => part.split('=') as [string, string]);
  const multi = (decode: (part: string) => string) => {
    const params: Record<string, string[]> = {};
    for (const [name, value] of pairs) (params[decode(name)] ??= []).push(decode(value));
    return params;
  };
  const single = (values: Record<string, string[]>) => Object.fromEntries(Object.entries(values).map(([name, list]) => [name, list[list.length - 1]]));
  const multiHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));

  if (shape === 'http-v2' || shape === 'function-url') {
    const event = loadEvent(shape === 'http-v2' ? 'apigw-http-v2' : 'function-url');
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    const cookies = lower.cookie?.split('; ');
    delete lower.cookie;
    const context = event.requestContext as { http: Record<string, string> };
    context.http.method = spec.method;
    context.http.path = spec.path;
    return { ...event, rawPath: spec.path, rawQueryString: query, headers: lower, cookies, body: body ?? undefined, isBase64Encoded: binary };
  }
  if (shape === 'rest' || shape === 'http-v1') {
    const event = loadEvent(shape === 'rest' ? 'apigw-rest' : 'apigw-http-v1');
    const params = multi(decodeURIComponent);
    (event.requestContext as Record<string, string>).path = shape === 'rest' ? `/prod${spec.path}` : spec.path;
    return {
      ...event,
      httpMethod: spec.method,
      path: spec.path,
      headers,
      multiValueHeaders: multiHeaders,
      queryStringParameters: pairs.length ? single(params) : null,
      multiValueQueryStringParameters: pairs.length ? params : null,
      body,
      isBase64Encoded: binary,
    };
  }
  const event = loadEvent('alb');
  const raw = multi((part) => part);
  const common = { requestContext: event.requestContext, httpMethod: spec.method, path: spec.path, body: body ?? '', isBase64Encoded: binary };
  return shape === 'alb'
    ? { ...common, headers, queryStringParameters: single(raw) }
    : { ...common, multiValueHeaders: multiHeaders, multiValueQueryStringParameters: raw };
}

/** What the test client answered, in the form the shape can carry. */
async function viaClient(shape: Shape, spec: Spec): Promise<Decoded> {
  const scriptName = shape === 'rest' ? '/prod' : '';
  const client = new Client(app, { cookies: false, baseUrl: `https://${HOSTS[shape]}` });
  // Without multi-value mode a load balancer passes one value per query parameter: the last.
  const query = shape === 'alb' && spec.query ? [...new Map(spec.query.split('&').map((part) => part.split('=') as [string, string]))].map((pair) => pair.join('=')).join('&') : spec.query;
  const url = `${scriptName}${spec.path}${query ? `?${query}` : ''}`;
  const res = await client.request(spec.method, url, {
    headers: { ...spec.headers, 'X-Forwarded-For': '203.0.113.7' },
    body: spec.body,
    scriptName,
    remoteAddr: '203.0.113.7',
  });
  let headers = [...res.headers].map(([name, value]): [string, string] => [name.toLowerCase(), value]);
  if (shape === 'http-v2' || shape === 'function-url' || shape === 'alb') {
    // These sources carry one value per header: repeats are joined; Set-Cookie travels apart.
    const joined = new Map<string, string[]>();
    const cookies: Array<[string, string]> = [];
    for (const [name, value] of headers) {
      if (name === 'set-cookie') cookies.push([name, value]);
      else joined.set(name, [...(joined.get(name) ?? []), value]);
    }
    // Without multi-value headers a load balancer takes one Set-Cookie: the adapter sends the last.
    const kept = shape === 'alb' ? cookies.slice(-1) : cookies;
    headers = [...[...joined].map(([name, values]): [string, string] => [name, values.join(', ')]), ...kept];
  }
  return { statusCode: res.statusCode, headers: headers.sort(compare), body: await res.bytes() };
}

describe('the same app through the test client and through the Lambda adapter', () => {
  const errors: string[] = [];
  const handler = toLambdaHandler(app, { errors: { write: (message) => void errors.push(message) } });

  for (const shape of SHAPES) {
    it(`answers alike from ${shape} events`, async () => {
      for (const spec of SPECS) {
        const label = `${shape} ${spec.method} ${spec.path}`;
        const result = await handler(eventFor(shape, spec), fakeContext());
        const expected = await viaClient(shape, spec);
        expect(decodeResult(result), label).toEqual(expected);
        if (shape === 'alb' || shape === 'alb-multi') expect(result.statusDescription, label).toMatch(/^\d{3} /);
        // Text and JSON travel as text; bytes that are not UTF-8 text, as base64.
        const binary = spec.path === '/download' || spec.path === '/latin1';
        expect(result.isBase64Encoded, label).toBe(binary);
      }
    });
  }

  it('shows the redirect, cookies and statuses it compared', async () => {
    const login = decodeResult(await handler(eventFor('rest', SPECS[7]), fakeContext()));
    expect(login.statusCode).toBe(303);
    expect(login.headers).toContainEqual(['location', 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/json']);
    const cookies = await handler(eventFor('http-v2', SPECS[6]), fakeContext());
    expect(cookies.cookies).toEqual(['theme=dark; Path=/; HttpOnly', 'lang=fr; Path=/prefs']);
    expect(cookies.headers?.['Set-Cookie']).toBeUndefined();
    const rest = await handler(eventFor('rest', SPECS[6]), fakeContext());
    expect(rest.multiValueHeaders?.['Set-Cookie']).toEqual(['theme=dark; Path=/; HttpOnly', 'lang=fr; Path=/prefs']);
    expect(rest.headers).toBeUndefined();
    expect(rest.cookies).toBeUndefined();
    const statuses = await Promise.all(['/missing', '/boom'].map(async (path) => (await handler(eventFor('function-url', { method: 'GET', path }))).statusCode));
    expect(statuses).toEqual([404, 500]);
    const download = await handler(eventFor('alb', SPECS[4]));
    expect(download.body).toBe(btoa(String.fromCharCode(...BINARY)));
  });
});
