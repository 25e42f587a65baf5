// tsgi/lambda, issue 19 section 3: each event source's sample event becomes the environ the spec
// asks for (checked by lint), and broken events are refused the documented way.
import { describe, expect, it } from 'vitest';
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { lint, type LintError } from '../../../src/middleware/lint.js';
import { createEnviron } from '../../../src/adapters/test/index.js';
import { toLambdaHandler } from '../../../src/adapters/lambda/index.js';
import { decodeResult, echoApp, fakeContext, jsonOf, loadEvent, type Echo } from './support.js';

const lintErrors: LintError[] = [];
const handler = toLambdaHandler(lint(echoApp, { onError: (error) => lintErrors.push(error) }), { errors: { write() {} } });

async function echo(event: unknown): Promise<Echo> {
  lintErrors.length = 0;
  const result = await handler(event, fakeContext());
  expect(lintErrors.map((error) => error.message)).toEqual([]);
  expect(result.statusCode).toBe(200);
  return jsonOf<Echo>(result);
}

describe('API Gateway REST API (payload 1.0)', () => {
  it('puts the stage in SCRIPT_NAME and re-encodes the decoded query parameters', async () => {
    const seen = await echo(loadEvent<APIGatewayProxyEvent>('apigw-rest'));
    expect(seen.environ).toMatchObject({
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: '/prod',
      PATH_INFO: '/users/7',
      QUERY_STRING: 'tag=a&tag=b&q=caf%C3%A9%20au%20lait',
      REQUEST_URI: '/prod/users/7?tag=a&tag=b&q=caf%C3%A9%20au%20lait',
      SERVER_NAME: 'abc123.execute-api.us-east-1.amazonaws.com',
      SERVER_PORT: '443',
      SERVER_PROTOCOL: 'HTTP/1.1',
      REMOTE_ADDR: '203.0.113.7',
      HTTP_COOKIE: 'theme=dark; session=abc',
      'tsgi.url_scheme': 'https',
    });
    expect(seen.environ.CONTENT_LENGTH).toBeUndefined();
    expect(seen.hasEvent).toBe(true);
    expect(seen.requestId).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
  });

  it('mounts the app at the stage when the stage alone is asked for', async () => {
    const event = loadEvent<APIGatewayProxyEvent>('apigw-rest');
    event.path = '/';
    event.requestContext.path = '/prod';
    const seen = await echo(event);
    expect([seen.environ.SCRIPT_NAME, seen.environ.PATH_INFO]).toEqual(['/prod', '']);
  });

  it('keeps a custom domain base path in PATH_INFO unless basePath moves it', async () => {
    const event = loadEvent<APIGatewayProxyEvent>('apigw-rest');
    event.path = '/v1/users/7';
    event.requestContext.path = '/v1/users/7';
    event.headers.Host = 'api.example.com';
    event.multiValueHeaders.Host = ['api.example.com'];
    const seen = await echo(event);
    expect([seen.environ.SCRIPT_NAME, seen.environ.PATH_INFO, seen.environ.SERVER_NAME]).toEqual(['', '/v1/users/7', 'api.example.com']);
    const mapped = jsonOf<Echo>(await toLambdaHandler(echoApp, { basePath: '/v1' })(event));
    expect([mapped.environ.SCRIPT_NAME, mapped.environ.PATH_INFO]).toEqual(['/v1', '/users/7']);
  });

  it('decodes the path as the spec says, the raw form kept in REQUEST_URI', async () => {
    const event = loadEvent<APIGatewayProxyEvent>('apigw-rest');
    event.path = '/files/caf%C3%A9%2Fx';
    event.requestContext.path = '/prod/files/caf%C3%A9%2Fx';
    event.multiValueQueryStringParameters = null;
    event.queryStringParameters = null;
    const seen = await echo(event);
    expect(seen.environ).toMatchObject({ PATH_INFO: '/files/café/x', QUERY_STRING: '', REQUEST_URI: '/prod/files/caf%C3%A9%2Fx' });
  });

  it('falls back to the single-value fields when the multi-value ones are empty (a hand-written event)', async () => {
    const event = loadEvent<APIGatewayProxyEvent>('apigw-rest');
    event.multiValueHeaders = {};
    event.multiValueQueryStringParameters = {};
    const seen = await echo(event);
    expect([seen.environ.HTTP_COOKIE, seen.environ.QUERY_STRING]).toEqual(['theme=dark; session=abc', 'tag=b&q=caf%C3%A9%20au%20lait']);
  });

  it('reads a base64 body and sets CONTENT_LENGTH from it', async () => {
    const event = loadEvent<APIGatewayProxyEvent>('apigw-rest');
    event.httpMethod = 'PUT';
    event.body = btoa('{"name":"Ada"}');
    event.isBase64Encoded = true;
    event.multiValueHeaders['Content-Type'] = ['application/json'];
    event.multiValueHeaders['Content-Length'] = ['999'];
    const seen = await echo(event);
    expect(seen.body).toBe('{"name":"Ada"}');
    expect(seen.environ).toMatchObject({ REQUEST_METHOD: 'PUT', CONTENT_TYPE: 'application/json', CONTENT_LENGTH: '14' });
  });
});

describe('API Gateway HTTP API', () => {
  it('payload 1.0: no stage for $default, multi-value query and headers', async () => {
    const seen = await echo(loadEvent('apigw-http-v1'));
    expect(seen.environ).toMatchObject({
      SCRIPT_NAME: '',
      PATH_INFO: '/users/7',
      QUERY_STRING: 'tag=a&tag=b',
      CONTENT_LENGTH: '0',
      SERVER_NAME: 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
      REMOTE_ADDR: '203.0.113.7',
    });
  });

  it('payload 2.0: the raw query as sent, the cookies list as one Cookie header', async () => {
    const seen = await echo(loadEvent<APIGatewayProxyEventV2>('apigw-http-v2'));
    expect(seen.environ).toMatchObject({
      SCRIPT_NAME: '',
      PATH_INFO: '/users/7',
      QUERY_STRING: 'tag=a&tag=b&q=caf%C3%A9%20au%20lait',
      REQUEST_URI: '/users/7?tag=a&tag=b&q=caf%C3%A9%20au%20lait',
      HTTP_COOKIE: 'theme=dark; session=abc',
      REMOTE_ADDR: '203.0.113.7',
      SERVER_PORT: '443',
      'tsgi.url_scheme': 'https',
    });
  });

  it('payload 2.0: a named stage is the mount point when the path starts with it', async () => {
    const event = loadEvent<APIGatewayProxyEventV2>('apigw-http-v2');
    event.requestContext.stage = 'dev';
    event.rawPath = '/dev/users/7';
    const seen = await echo(event);
    expect([seen.environ.SCRIPT_NAME, seen.environ.PATH_INFO]).toEqual(['/dev', '/users/7']);
    event.rawPath = '/users/7';
    const other = await echo(event);
    expect([other.environ.SCRIPT_NAME, other.environ.PATH_INFO]).toEqual(['', '/users/7']);
  });

  it('payload 2.0: the path HTTP APIs decode is not decoded twice', async () => {
    const event = loadEvent<APIGatewayProxyEventV2>('apigw-http-v2');
    // The client asked for /a%20b/100%2541: an HTTP API hands over /a b/100%41.
    event.rawPath = '/a b/100%41';
    const seen = await echo(event);
    expect(seen.environ.PATH_INFO).toBe('/a b/100%41');
    expect(seen.environ.REQUEST_URI).toBe('/a%20b/100%2541?tag=a&tag=b&q=caf%C3%A9%20au%20lait');
  });
});

describe('Lambda function URLs (payload 2.0)', () => {
  it('decodes the path once, reads the base64 form body, the cookies and the source IP', async () => {
    const seen = await echo(loadEvent('function-url'));
    expect(seen.environ).toMatchObject({
      REQUEST_METHOD: 'POST',
      SCRIPT_NAME: '',
      PATH_INFO: '/files/café/menu.txt',
      REQUEST_URI: '/files/caf%C3%A9%2Fmenu.txt?download=1',
      QUERY_STRING: 'download=1',
      CONTENT_TYPE: 'application/x-www-form-urlencoded',
      CONTENT_LENGTH: '16',
      HTTP_COOKIE: 'session=abc',
      REMOTE_ADDR: '198.51.100.22',
      SERVER_NAME: 'a1b2c3d4e5f6g7h8i9j0kl1mn2op3qr4.lambda-url.us-west-2.on.aws',
    });
    expect(seen.body).toBe('name=Ada&lang=en');
  });
});

describe('Application Load Balancer', () => {
  it('single-value headers: the query as sent (not decoded), the client from X-Forwarded-For', async () => {
    const seen = await echo(loadEvent<ALBEvent>('alb'));
    expect(seen.environ).toMatchObject({
      SCRIPT_NAME: '',
      PATH_INFO: '/users/7',
      QUERY_STRING: 'q=caf%C3%A9+au+lait&tag=b',
      SERVER_PORT: '80',
      REMOTE_ADDR: '203.0.113.9',
      HTTP_COOKIE: 'theme=dark; session=abc',
      'tsgi.url_scheme': 'http',
    });
  });

  it('multi-value headers: every value, Cookie lines joined with "; "', async () => {
    const seen = await echo(loadEvent<ALBEvent>('alb-multi'));
    expect(seen.environ).toMatchObject({
      QUERY_STRING: 'q=caf%C3%A9+au+lait&tag=a&tag=b',
      HTTP_COOKIE: 'theme=dark; session=abc',
      SERVER_PORT: '443',
      REMOTE_ADDR: '203.0.113.9',
      'tsgi.url_scheme': 'https',
    });
  });
});

describe('events that cannot be served', () => {
  const quiet = toLambdaHandler(echoApp, { errors: { write() {} }, maxBodySize: 10 });

  it('a non-HTTP event is a TypeError that says what came', async () => {
    await expect(quiet(loadEvent('sqs'))).rejects.toThrow(new TypeError(
      'tsgi/lambda: the event is not an HTTP event from API Gateway, a load balancer or a function URL; got an object with the keys Records',
    ));
    await expect(quiet('ping')).rejects.toThrow(TypeError);
    await expect(quiet(null)).rejects.toThrow(TypeError);
  });

  it('an HTTP event with a broken field is a 400 in its own shape', async () => {
    const cases: Array<[string, (event: Record<string, unknown>) => void, string]> = [
      ['apigw-http-v2', (event) => void ((event.requestContext as { http: { method: string } }).http.method = 'GET /'), 'method'],
      ['apigw-http-v2', (event) => void (event.rawPath = 'users'), 'not an absolute path'],
      ['apigw-http-v2', (event) => void (event.cookies = 'a=1'), 'cookies'],
      ['apigw-http-v2', (event) => Object.assign(event, { body: 'not base64!', isBase64Encoded: true }), 'not valid base64'],
      ['apigw-rest', (event) => void (event.multiValueHeaders = { 'X-Bad': ['a\r\nb'] }), 'CR, LF or NUL'],
      ['alb', (event) => void (event.headers = { 'X-Bad': 'a\u0000b' }), 'CR, LF or NUL'],
      ['apigw-rest', (event) => void (event.multiValueHeaders = { Host: ['a.example', 'b.example'] }), 'more than one Host'],
      ['alb', (event) => void (event.path = 42), 'path'],
      ['alb-multi', (event) => void (event.multiValueQueryStringParameters = { tag: 'a' }), 'list of strings'],
    ];
    for (const [name, breakIt, words] of cases) {
      const event = loadEvent(name);
      breakIt(event);
      const result = await quiet(event);
      expect(result.statusCode, name).toBe(400);
      expect(new TextDecoder().decode(decodeResult(result).body), name).toContain(words);
      if (name === 'apigw-http-v2') expect(result.cookies, name).toEqual([]);
      if (name === 'apigw-rest') expect(result.multiValueHeaders?.['Content-Type'], name).toEqual(['text/html; charset=utf-8']);
      if (name.startsWith('alb')) expect(result.statusDescription, name).toBe('400 Bad Request');
    }
  });

  it('a body over maxBodySize is a 413, refused before it is decoded', async () => {
    const event = loadEvent('function-url');
    const result = await quiet(event);
    expect(result.statusCode).toBe(413);
    expect(decodeResult(result).body.byteLength).toBeGreaterThan(0);
    event.body = btoa('0123456789');
    expect((await quiet(event)).statusCode).toBe(200);
  });

  it('checks the options when the handler is made', () => {
    // @ts-expect-error: a typo.
    expect(() => toLambdaHandler(echoApp, { maxBodysize: 1 })).toThrow("toLambdaHandler: unknown option 'maxBodysize' (did you mean 'maxBodySize'?)");
    expect(() => toLambdaHandler(echoApp, { basePath: '/v1/' })).toThrow('basePath must start with "/" and not end with "/"');
    expect(() => toLambdaHandler(echoApp, { maxBodySize: -1 })).toThrow('maxBodySize');
    expect(() => toLambdaHandler(echoApp, { textTypes: ['text'] })).toThrow('"text" is not a media type pattern');
  });
});

describe('spec rule 3.22', () => {
  it('lint refuses tsgi.lambda.event or tsgi.lambda.context that is not an object', async () => {
    const found: string[] = [];
    const checked = lint(echoApp, { onError: (error) => void found.push(error.message) });
    const environ = createEnviron('/', { environ: { 'tsgi.lambda.event': 'GET /', 'tsgi.lambda.context': null } });
    for await (const chunk of await checked(environ, () => undefined)) void chunk;
    expect(found.filter((message) => message.includes('3.22'))).toHaveLength(2);
  });
});
