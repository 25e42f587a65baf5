/**
 * The response as each event source reads it: where repeated headers and `Set-Cookie` go.
 * @module
 */
import type { ErrorStream, HeaderList } from '../../gateway.js';
import { parseStatusLine } from '../../http/status.js';
import type { EncodedBody } from './body.js';
import type { EventShape } from './event.js';
import type { LambdaResult, LambdaStreamMetadata } from './types.js';

interface Grouped {
  /** Each header name, spelled as the app first spelled it, with its values in order. */
  fields: Map<string, { name: string; values: string[] }>;
  /** The `Set-Cookie` values, in order. */
  cookies: string[];
}

/**
 * The Lambda result for a response, in the shape the event's source reads:
 *
 * - `v2` (HTTP APIs, function URLs): `headers` with repeated values joined by `, `, and
 *   `Set-Cookie` in `cookies`;
 * - `v1` (REST APIs): every header in `multiValueHeaders`, `Set-Cookie` included;
 * - `alb-multi`: the same, with `statusDescription`;
 * - `alb` (multi-value headers off): `headers` only, which can hold one `Set-Cookie`: the last
 *   one is sent and the loss is written to `errors`.
 *
 * @example
 * ```ts
 * lambdaResult('v2', '200 OK', [['Set-Cookie', 'a=1']], { body: '', isBase64Encoded: false }, errors);
 * // { statusCode: 200, headers: {}, cookies: ['a=1'], body: '', isBase64Encoded: false }
 * ```
 */
export function lambdaResult(shape: EventShape, status: string, headers: HeaderList, body: EncodedBody, errors: ErrorStream): LambdaResult {
  const statusCode = parseStatusLine(status);
  if (shape === 'v2') {
    const grouped = group(headers, false);
    return { statusCode, headers: joined(grouped), cookies: grouped.cookies, ...body };
  }
  if (shape === 'alb') {
    const grouped = group(headers, false);
    const single = joined(grouped);
    if (grouped.cookies.length > 0) single['set-cookie'] = grouped.cookies[grouped.cookies.length - 1];
    if (grouped.cookies.length > 1) {
      errors.write(
        `tsgi/lambda: the load balancer's target group has multi-value headers off, so only the last of ` +
          `${grouped.cookies.length} Set-Cookie headers was sent; turn on lambda.multi_value_headers.enabled\n`,
      );
    }
    return { statusCode, statusDescription: status, headers: single, ...body };
  }
  const multiValueHeaders: Record<string, string[]> = {};
  for (const { name, values } of group(headers, true).fields.values()) multiValueHeaders[name] = values;
  return shape === 'alb-multi'
    ? { statusCode, statusDescription: status, multiValueHeaders, ...body }
    : { statusCode, multiValueHeaders, ...body };
}

/**
 * The metadata of a streamed response: the status, one value per header, and the cookies.
 *
 * @example
 * ```ts
 * streamMetadata('201 Created', [['Location', '/a/1']]); // { statusCode: 201, headers: { Location: '/a/1' }, cookies: [] }
 * ```
 */
export function streamMetadata(status: string, headers: HeaderList): LambdaStreamMetadata {
  const grouped = group(headers, false);
  return { statusCode: parseStatusLine(status), headers: joined(grouped), cookies: grouped.cookies };
}

function group(headers: HeaderList, keepCookies: boolean): Grouped {
  const fields = new Map<string, { name: string; values: string[] }>();
  const cookies: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'set-cookie' && !keepCookies) {
      cookies.push(value);
      continue;
    }
    const field = fields.get(lower);
    if (field === undefined) fields.set(lower, { name, values: [value] });
    else field.values.push(value);
  }
  return { fields, cookies };
}

function joined(grouped: Grouped): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, values } of grouped.fields.values()) headers[name] = values.join(', ');
  return headers;
}
