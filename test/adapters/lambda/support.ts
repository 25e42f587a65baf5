/**
 * Helpers for the Lambda adapter's tests: the sample events of `test/fixtures/lambda/`, a
 * context like the runtime's, an app that shows its environ, and a result decoded back to bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { App, Environ } from '../../../src/gateway.js';
import type { LambdaResult } from '../../../src/adapters/lambda/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/lambda');

/** A fresh copy of a sample event, for a test to change as it likes. */
export function loadEvent<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as T;
}

/** A context as Lambda's Node runtime passes it (the fields the types list). */
export function fakeContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'tsgi-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:tsgi-test',
    memoryLimitInMB: '128',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    logGroupName: '/aws/lambda/tsgi-test',
    logStreamName: '2024/01/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 28_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const SHOWN = [
  'REQUEST_METHOD', 'SCRIPT_NAME', 'PATH_INFO', 'QUERY_STRING', 'REQUEST_URI', 'SERVER_NAME', 'SERVER_PORT',
  'SERVER_PROTOCOL', 'REMOTE_ADDR', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'HTTP_HOST', 'HTTP_COOKIE', 'HTTP_ACCEPT', 'tsgi.url_scheme',
];

/** What the echo app saw: the CGI keys above, the body as text, and where the Lambda keys pointed. */
export interface Echo {
  environ: Record<string, string | undefined>;
  body: string;
  hasEvent: boolean;
  requestId: string | undefined;
}

/** An app that answers with what it was given, as JSON. */
export const echoApp: App = async (environ: Environ, startResponse) => {
  let body = '';
  const decoder = new TextDecoder();
  for await (const chunk of environ['tsgi.input']) body += decoder.decode(chunk, { stream: true });
  const shown: Record<string, string | undefined> = {};
  for (const key of SHOWN) shown[key] = environ[key] as string | undefined;
  const context = environ['tsgi.lambda.context'] as Context | undefined;
  const echo: Echo = { environ: shown, body, hasEvent: environ['tsgi.lambda.event'] !== undefined, requestId: context?.awsRequestId };
  startResponse('200 OK', [['Content-Type', 'application/json']]);
  return [new TextEncoder().encode(JSON.stringify(echo))];
};

/** A result's status, headers (lower-case names, every value, cookies as Set-Cookie) and body bytes. */
export interface Decoded {
  statusCode: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

/** Decodes a buffered result back to what a client receives. */
export function decodeResult(result: LambdaResult): Decoded {
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.push([name.toLowerCase(), value]);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values) headers.push([name.toLowerCase(), value]);
  }
  for (const cookie of result.cookies ?? []) headers.push(['set-cookie', cookie]);
  const body = result.isBase64Encoded ? Uint8Array.from(atob(result.body), (c) => c.charCodeAt(0)) : new TextEncoder().encode(result.body);
  return { statusCode: result.statusCode, headers: headers.sort(compare), body };
}

/** The JSON body of a result. */
export function jsonOf<T>(result: LambdaResult): T {
  return JSON.parse(new TextDecoder().decode(decodeResult(result).body)) as T;
}

export function compare(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
