/**
 * `tsgi/test`: test an App without a server. `Client` sends requests in process, `createEnviron`
 * builds environs, `TestResponse` is what the client returns.
 *
 * @example
 * ```ts
 * import { Client } from 'tsgi/test';
 * const res = await new Client(app).get('/hello');
 * await res.text(); // 'Hello, World!'
 * ```
 * @module
 */
export { Client, type ClientOptions, type ClientRequestInit } from './client.js';
export { TestResponse } from './test-response.js';
export { TestWebSocket, type NextMessageOptions } from './test-websocket.js';
export type { ClientWebSocketInit } from './websocket.js';
export { ClientCookies, type StoredCookie, type CookieLocation } from './cookies.js';
export {
  createEnviron,
  decodePathInfo,
  type EnvironInit,
  type HeadersLike,
  type QueryInit,
  type RequestBodyInit,
} from '../../request/create-environ.js';
export { encodeForm, type FormInit, type FormValue } from '../../request/encode-form.js';
export { responseFromApp } from '../../response/from-app.js';
