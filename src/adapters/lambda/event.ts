/**
 * Reading a Lambda event: which HTTP source sent it (API Gateway REST or HTTP API, an Application
 * Load Balancer, a function URL) and the request it carries, checked field by field. An event that
 * is no HTTP event is a `TypeError` (the function is wired to the wrong trigger); an HTTP event
 * with a broken field is a `BadRequest`, answered 400.
 * @module
 */
import { BadRequest, RequestEntityTooLarge } from '../../errors.js';
import { isToken } from '../../http/grammar.js';
import { encodeUtf8, utf8Length, wellFormed } from '../../http/utf8.js';
import { base64Length, decodeBase64 } from './base64.js';

/**
 * The response shape an event asks for: `v1` API Gateway payload 1.0 (REST APIs, and HTTP APIs
 * set to 1.0), `v2` payload 2.0 (HTTP APIs, function URLs), `alb` and `alb-multi` a load balancer
 * without and with multi-value headers.
 */
export type EventShape = 'v1' | 'v2' | 'alb' | 'alb-multi';

/** The request an HTTP event carries, before it becomes an environ. */
export interface LambdaRequest {
  shape: EventShape;
  method: string;
  /** The stage prefix the platform put in front of the app's path, in the path's own form. */
  scriptName: string;
  path: string;
  /** True when the platform has percent-decoded the path already (HTTP APIs do). */
  decoded: boolean;
  /** The query as it would appear in a URL, percent-encoded, without `?`. */
  query: string;
  /** Header pairs in the order given; a repeated header is repeated. */
  headers: Array<[string, string]>;
  /** Payload 2.0 carries the `Cookie` header as a list of `name=value` pairs. */
  cookies: string[] | undefined;
  body: Uint8Array;
  /** The client as the platform saw it, when the event says. */
  remoteAddr: string | undefined;
  protocol: string;
}

type Fields = Record<string, unknown>;

const CONTROL = /[\0-\x08\x0a-\x1f\x7f]/;
const PROTOCOL = /^HTTP\/(1\.0|1\.1|2|3)$/;

/**
 * The shape of an HTTP event; a `TypeError` for anything else (an S3 or SQS event, a WebSocket
 * message, a direct invocation with a custom payload).
 *
 * @example
 * ```ts
 * eventShape({ version: '2.0', rawPath: '/', requestContext: { http: { method: 'GET' } } }); // 'v2'
 * ```
 */
export function eventShape(event: unknown): EventShape {
  if (isFields(event)) {
    const context = event.requestContext;
    if (isFields(context) && isFields(context.elb)) return isFields(event.multiValueHeaders) ? 'alb-multi' : 'alb';
    if (event.version === '2.0' || (isFields(context) && isFields(context.http))) return 'v2';
    if ('httpMethod' in event) return 'v1';
  }
  const what = isFields(event) ? `an object with the keys ${Object.keys(event).slice(0, 8).join(', ') || '(none)'}` : describe(event);
  throw new TypeError(
    `tsgi/lambda: the event is not an HTTP event from API Gateway, a load balancer or a function URL; got ${what}`,
  );
}

/**
 * The request an HTTP event of `shape` carries. A broken field is a `BadRequest`; a body larger
 * than `maxBodySize` bytes is a `RequestEntityTooLarge`, found before the body is decoded.
 *
 * @example
 * ```ts
 * const request = readRequest(event, eventShape(event), 6 * 1024 * 1024);
 * request.method; // 'GET'
 * ```
 */
export function readRequest(event: unknown, shape: EventShape, maxBodySize: number): LambdaRequest {
  const fields = event as Fields;
  const context = optionalFields(fields.requestContext, 'requestContext');
  const body = readBody(fields, maxBodySize);
  if (shape === 'v2') {
    const http = optionalFields(context.http, 'requestContext.http');
    const cookies = fields.cookies == null ? undefined : stringList(fields.cookies, 'cookies');
    return {
      shape,
      method: method(http.method),
      ...stagePath(text(fields.rawPath, 'rawPath'), context.stage),
      // HTTP APIs hand over the path decoded; function URLs keep it as the client sent it.
      decoded: !String(context.domainName ?? '').includes('.lambda-url.'),
      query: query(fields.rawQueryString == null ? '' : text(fields.rawQueryString, 'rawQueryString')),
      headers: singleHeaders(fields.headers),
      cookies,
      body,
      remoteAddr: optionalText(http.sourceIp),
      protocol: protocol(http.protocol),
    };
  }
  const path = text(fields.path, 'path');
  // Payload 1.0 events carry both forms (a load balancer one or the other): the multi-value one
  // has every value.
  const headers = hasFields(fields.multiValueHeaders) ? multiHeaders(fields.multiValueHeaders) : singleHeaders(fields.headers);
  if (shape === 'v1') {
    const identity = optionalFields(context.identity, 'requestContext.identity');
    // A REST API leaves the stage out of `path` but not out of `requestContext.path`; an HTTP API
    // set to payload 1.0 keeps it in `path`, as it does in payload 2.0.
    const httpApi = fields.version === '1.0';
    return {
      shape,
      method: method(fields.httpMethod),
      ...(httpApi ? stagePath(path, context.stage) : restPath(path, context.path)),
      decoded: httpApi,
      // API Gateway decodes the query parameters; they are encoded again for QUERY_STRING.
      query: queryFromParameters(fields, true),
      headers,
      cookies: undefined,
      body,
      remoteAddr: optionalText(identity.sourceIp),
      protocol: protocol(context.protocol),
    };
  }
  return {
    shape,
    method: method(fields.httpMethod),
    scriptName: '',
    path: absolutePath(path, 'path'),
    decoded: false,
    // A load balancer passes the query parameters as the client wrote them, still encoded.
    query: queryFromParameters(fields, false),
    headers,
    cookies: undefined,
    body,
    remoteAddr: undefined,
    protocol: 'HTTP/1.1',
  };
}

function readBody(fields: Fields, maxBodySize: number): Uint8Array {
  const body = fields.body;
  if (body == null || body === '') return new Uint8Array(0);
  if (typeof body !== 'string') throw new BadRequest(`The event's body is ${describe(body)}, not a string.`);
  const base64 = fields.isBase64Encoded === true;
  const size = base64 ? base64Length(body) : utf8Length(body);
  if (size > maxBodySize) {
    throw new RequestEntityTooLarge(`The request body is ${size} bytes; this function accepts at most ${maxBodySize}.`);
  }
  if (!base64) return encodeUtf8(body);
  const bytes = decodeBase64(body);
  if (bytes === undefined) throw new BadRequest('The event says its body is base64, but it is not valid base64.');
  return bytes;
}

/** Payload 2.0 and HTTP APIs: a stage other than `$default` is the first segment of the path. */
function stagePath(path: string, stage: unknown): { scriptName: string; path: string } {
  absolutePath(path, 'path');
  if (typeof stage === 'string' && stage !== '' && stage !== '$default' && !stage.includes('/')) {
    const prefix = `/${stage}`;
    if (path === prefix || path.startsWith(`${prefix}/`)) return { scriptName: prefix, path: path.slice(prefix.length) };
  }
  return { scriptName: '', path };
}

/**
 * REST APIs: `requestContext.path` is the path the client asked for (`/prod/users`), `path` the
 * part after the stage (`/users`); what comes before it is the mount point.
 */
function restPath(path: string, fullPath: unknown): { scriptName: string; path: string } {
  absolutePath(path, 'path');
  if (typeof fullPath !== 'string' || fullPath === path || !fullPath.startsWith('/')) return { scriptName: '', path };
  if (fullPath.endsWith(path)) {
    const prefix = fullPath.slice(0, fullPath.length - path.length);
    if (!prefix.endsWith('/')) return { scriptName: prefix, path };
  }
  // `/prod` asked for: `path` is `/`, and the app is mounted at `/prod` with an empty PATH_INFO.
  if (path === '/' && !fullPath.endsWith('/')) return { scriptName: fullPath, path: '' };
  return { scriptName: '', path };
}

function queryFromParameters(fields: Fields, decoded: boolean): string {
  const multi = fields.multiValueQueryStringParameters;
  const single = fields.queryStringParameters;
  const encode = decoded ? (part: string) => encodeURIComponent(wellFormed(part)) : (part: string) => part;
  if ((multi != null && !isFields(multi)) || (single != null && !isFields(single))) {
    throw new BadRequest("The event's query string parameters are not an object.");
  }
  const parts: string[] = [];
  if (hasFields(multi)) {
    for (const [name, values] of Object.entries(multi)) {
      if (values == null) continue;
      for (const value of stringList(values, `multiValueQueryStringParameters.${name}`)) parts.push(`${encode(name)}=${encode(value)}`);
    }
  } else if (isFields(single)) {
    for (const [name, value] of Object.entries(single)) {
      if (value == null) continue;
      parts.push(`${encode(name)}=${encode(text(value, `queryStringParameters.${name}`))}`);
    }
  }
  return query(parts.join('&'));
}

function query(value: string): string {
  if (CONTROL.test(value)) throw new BadRequest('The query string holds control characters.');
  return value;
}

function singleHeaders(value: unknown): Array<[string, string]> {
  if (value == null) return [];
  const headers = fieldsOf(value, 'headers');
  const pairs: Array<[string, string]> = [];
  for (const [name, field] of Object.entries(headers)) {
    if (field != null) pairs.push(header(name, text(field, `headers.${name}`)));
  }
  return pairs;
}

function multiHeaders(headers: Fields): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(headers)) {
    if (values == null) continue;
    for (const value of stringList(values, `multiValueHeaders.${name}`)) pairs.push(header(name, value));
  }
  return pairs;
}

function header(name: string, value: string): [string, string] {
  if (!isToken(name)) throw new BadRequest(`The header name ${JSON.stringify(name.slice(0, 100))} is not a token.`);
  if (/[\r\n\0]/.test(value)) throw new BadRequest(`The ${name} header holds CR, LF or NUL.`);
  return [name, value];
}

function method(value: unknown): string {
  if (typeof value !== 'string' || !isToken(value)) throw new BadRequest(`The event's method is ${describe(value)}, not an HTTP token.`);
  return value;
}

function protocol(value: unknown): string {
  if (typeof value !== 'string') return 'HTTP/1.1';
  const normal = value.toUpperCase().replace(/^HTTP\/2\.0$/, 'HTTP/2');
  return PROTOCOL.test(normal) ? normal : 'HTTP/1.1';
}

function absolutePath(path: string, name: string): string {
  if (!path.startsWith('/')) throw new BadRequest(`The event's ${name} ${JSON.stringify(path.slice(0, 100))} is not an absolute path.`);
  return path;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new BadRequest(`The event's ${name} is ${describe(value)}, not a string.`);
  return value;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new BadRequest(`The event's ${name} is ${describe(value)}, not a list of strings.`);
  }
  return value;
}

function fieldsOf(value: unknown, name: string): Fields {
  if (!isFields(value)) throw new BadRequest(`The event's ${name} is ${describe(value)}, not an object.`);
  return value;
}

function optionalFields(value: unknown, name: string): Fields {
  return value == null ? {} : fieldsOf(value, name);
}

/** An object with at least one key: an empty multi-value field gives way to its single-value twin. */
function hasFields(value: unknown): value is Fields {
  return isFields(value) && Object.keys(value).length > 0;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : typeof value;
}
