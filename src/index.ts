/**
 * tsgi: the TypeScript Server Gateway Interface, and typed Request/Response objects over it.
 *
 * @example
 * ```ts
 * import { Request, Response } from 'tsgi';
 *
 * export default Request.application((req) => new Response(`Hello, ${req.args.get('name') ?? 'World'}!`));
 * ```
 * @module
 */
export type { App, Body, Environ, ErrorStream, HeaderList, StartResponse } from './gateway.js';
export { TSGI_VERSION, BufferedInput, TextBody, consoleErrors, emptyInput, headerKey, headerName } from './gateway.js';
export { requestSignal, copyEnviron } from './signal.js';

export { MultiDict, type MultiDictInit } from './datastructures/multidict.js';
export { Headers, EnvironHeaders, assertHeader, type HeadersInit, type ReadonlyHeaders } from './datastructures/headers.js';
export {
  FileStorage, MemoryFileData, memoryStorage,
  type FileData, type FileWriter, type FileStorageFactory, type FileInfo, type SaveTarget,
} from './datastructures/file-storage.js';

export * from './errors.js';

export { Request } from './request/request.js';
export type { EnvironInit, HeadersLike, QueryInit, RequestBodyInit } from './request/create-environ.js';
export type { FormInit, FormValue } from './request/encode-form.js';
export {
  errorResponse, type ApplicationOptions, type Handler, type HandlerResult, type RequestClass,
} from './request/application.js';
export { asApp, type Application } from './request/decorate.js';
export { DEFAULT_QUERY_LIMITS, type NestedQueryLimits } from './request/query.js';
export { REQUEST_DEFAULTS } from './request/defaults.js';
export { secureFilename } from './request/secure-filename.js';
export {
  parseMultipart, iterateParts, Part, boundaryOf, DEFAULT_MULTIPART_LIMITS,
  type MultipartLimits, type MultipartOptions, type MultipartResult,
} from './request/multipart/index.js';
export { registerCleanup, runCleanup, withCleanup, hasCleanup, type CleanupFn } from './request/cleanup.js';
export { decodeContentEncoding, webDecoder, type BodyDecoder, type ContentEncodingOptions } from './request/content-encoding.js';
export { Response, DEFAULT_CONTENT_TYPE, type ResponseInit, type BodyInit } from './response/response.js';
export { redirect, safeLocation } from './response/redirect.js';
export { EventStream } from './response/event-stream/stream.js';
export type {
  WebSocketAcceptOptions,
  WebSocketCloseInfo,
  WebSocketConnection,
  WebSocketMessage,
  WebSocketOffer,
} from './gateway-websocket.js';
export { WebSocketResponse, type AcceptWebSocketOptions, type WebSocketHandler } from './response/websocket/response.js';
export { WebSocketSession, isSendableCloseCode, type WebSocketTransport } from './response/websocket/session.js';
export { ServerWebSocketOffer, handshakeHeaders } from './response/websocket/offer.js';
export { WEBSOCKET_DEFAULTS, websocketLimits, type WebSocketLimits } from './response/websocket/limits.js';
export type { EventStreamOptions, EventStreamOverflow, EventStreamSource } from './response/event-stream/options.js';
export { EVENT_STREAM_TYPE, type EventStreamInit } from './response/event-stream/response.js';
export { abortable } from './response/event-stream/abortable.js';
export { readEventStream } from './response/event-stream/read.js';

export * from './http/index.js';
export {
  makeConditional, isRangeableBody, conditionalRequest,
  type RangeableBody, type ConditionalOptions, type ConditionalRequest,
} from './response/conditional.js';
