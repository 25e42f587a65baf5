/**
 * How a `Response` serves itself through the protocol: the status and header list to
 * `startResponse`, then the body as the server pulls it, with the close callbacks run once.
 * @module
 */
import { TextBody, type Body, type Environ, type StartResponse } from '../gateway.js';
import { isBodyless } from '../http/status.js';
import { closingBody, closingBytes, SERVED_TO, type BodyInit } from './body.js';
import { unsentBody } from './discard.js';
import { dropBodyHeaders, headerList, runOnClose, type ResponseState } from './state.js';

/**
 * @internal Serves `state` (what a `Response` holds; `Response.serve` calls this). HEAD requests
 * and 1xx/204/304 statuses get no body (HEAD keeps Content-Length); a 304 drops the
 * representation headers.
 */
export function serveResponse(state: ResponseState, environ: Environ, startResponse: StartResponse): Body {
  const code = state.statusCode;
  let headers = headerList(state);
  if (isBodyless(code)) headers = dropBodyHeaders(headers, code);
  startResponse(state.status, headers);
  const onClose = state.onClose;
  if (isBodyless(code) || environ.REQUEST_METHOD === 'HEAD') {
    // A stream that is not sent is still closed: it may hold an upstream connection or a file.
    if (state.known === undefined) return unsentBody(state.body, () => runOnClose(state));
    if (!onClose) return [];
    return closingBytes(undefined, () => runOnClose(state));
  }
  const known = state.known;
  if (known !== undefined) {
    if (known instanceof TextBody) return onClose ? closingBytes(known.bytes, () => runOnClose(state)) : known;
    if (!onClose) return known.byteLength ? [known] : [];
    return closingBytes(known, () => runOnClose(state));
  }
  const source = state.body as Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>;
  (source as { [SERVED_TO]?: (environ: Environ) => void })[SERVED_TO]?.(environ);
  return closingBody(source, () => runOnClose(state));
}
