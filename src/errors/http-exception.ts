/**
 * `HTTPException`: the base of every HTTP error, an `Error` that renders its own response.
 * @module
 */
import type { Environ } from '../gateway.js';
import { STATUS_PHRASES } from '../http/status.js';
import { escapeHtml } from '../http/html.js';
import { bestErrorFormat } from '../http/error-format.js';
import { Response } from '../response/response.js';
import type { HeadersInit } from '../datastructures/headers.js';

/** Options every `HTTPException` takes. */
export interface HTTPExceptionOptions {
  /** Extra headers on the error response (`Retry-After`, `WWW-Authenticate`, ...). */
  headers?: HeadersInit;
  /** The error that caused this one, kept for logs and never shown to the client. */
  cause?: unknown;
}

/**
 * An HTTP error that is also its own response. Throw it from a handler wrapped by
 * `Request.application` (or call `getResponse()`) and the client gets the status and a short
 * body in HTML, JSON or plain text, whichever its `Accept` header prefers.
 *
 * @example
 * ```ts
 * throw new HTTPException(409, 'That name is taken.');
 * ```
 */
export class HTTPException extends Error {
  /** The status code. */
  readonly code: number;
  /** A sentence for the client saying what went wrong. */
  readonly description: string;
  /** Extra response headers. */
  readonly headers: HeadersInit | undefined;

  constructor(code: number, description?: string, options: HTTPExceptionOptions = {}) {
    const phrase = STATUS_PHRASES[code] ?? 'Unknown Error';
    super(`${code} ${phrase}${description ? `: ${description}` : ''}`, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.description = description ?? DEFAULT_DESCRIPTIONS[code] ?? phrase;
    this.headers = options.headers;
  }

  /** The reason phrase of the status ("Not Found"). */
  get phrase(): string {
    return STATUS_PHRASES[this.code] ?? 'Unknown Error';
  }

  /**
   * The response for this error; the body format follows the request's `Accept` header when an
   * environ is given, and is HTML otherwise.
   */
  getResponse(environ?: Environ): Response {
    const accept = typeof environ?.HTTP_ACCEPT === 'string' ? environ.HTTP_ACCEPT : undefined;
    const format = bestErrorFormat(accept);
    const { code, phrase, description } = this;
    let body: string;
    let mimetype: string;
    if (format === 'json') {
      body = JSON.stringify({ code, name: phrase, description });
      mimetype = 'application/json';
    } else if (format === 'text') {
      body = `${code} ${phrase}\n\n${description}\n`;
      mimetype = 'text/plain';
    } else {
      body =
        `<!doctype html>\n<html lang="en">\n<title>${code} ${escapeHtml(phrase)}</title>\n` +
        `<h1>${escapeHtml(phrase)}</h1>\n<p>${escapeHtml(description)}</p>\n`;
      mimetype = 'text/html';
    }
    return new Response(body, { status: code, headers: this.headers, mimetype });
  }
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'The browser (or proxy) sent a request that this server could not understand.',
  402: 'Payment is required to access this resource.',
  407: 'The client must first authenticate itself with the proxy.',
  401: 'The server could not verify that you are authorized to access the URL requested.',
  403: "You don't have the permission to access the requested resource.",
  404: 'The requested URL was not found on the server.',
  405: 'The method is not allowed for the requested URL.',
  406: 'The resource could not be given in a form the request accepts.',
  408: 'The server closed the connection because the request took too long.',
  409: 'The request conflicts with the current state of the resource.',
  410: 'The requested URL is no longer available on this server.',
  411: 'A request with this method requires a valid Content-Length header.',
  412: 'The precondition on the request for the URL failed positive evaluation.',
  413: 'The data value transmitted exceeds the capacity limit.',
  414: 'The length of the requested URL exceeds the capacity limit for this server.',
  415: 'The server does not support the media type transmitted in the request.',
  416: 'The server cannot provide the requested range.',
  417: 'The server could not meet the requirements of the Expect header.',
  418: 'This server is a teapot, not a coffee machine.',
  422: 'The request was well-formed but could not be processed.',
  429: 'This user has exceeded an allotted request count. Try again later.',
  431: 'One or more header fields exceeds the maximum size.',
  500: 'The server encountered an internal error and was unable to complete your request.',
  501: 'The server does not support the action requested by the browser.',
  502: 'The proxy server received an invalid response from an upstream server.',
  503: 'The server is temporarily unable to service your request. Please try again later.',
  504: 'The connection to an upstream server timed out.',
  505: 'The server does not support the HTTP protocol version used in the request.',
  511: 'The client needs to authenticate to gain network access.',
};
