/**
 * `tsgi/session`: signing, signed cookies and sessions, on `crypto.subtle` alone, so a value
 * signed on Node verifies on Bun, Deno and Cloudflare Workers, byte for byte.
 *
 * @example
 * ```ts
 * import { sessions, getSession } from 'tsgi/session';
 *
 * export default sessions(Request.application(async (req) => {
 *   const session = await getSession(req);
 *   return new Response(`Hello, ${session.get('user') ?? 'stranger'}!`);
 * }), { secrets: process.env.SECRET! });
 * ```
 * @module
 */
export { MIN_SECRET_BYTES, type Secret, type Secrets } from './secrets.js';
export { BadSignature, SignatureExpired } from './errors.js';
export { Signer, type SignerOptions, type SignOptions, type Unsigned } from './signer.js';
export {
  TimestampSigner, type TimestampSignerOptions, type TimestampUnsignOptions, type TimestampUnsigned,
} from './timestamp-signer.js';
export { Serializer, encodeJson, decodeJson, type JsonValue, type Loaded } from './serializer.js';
export { encodeBase64Url, decodeBase64Url } from './base64url.js';
export { MAX_COOKIE_BYTES } from './cookie-size.js';
export { setSignedCookie, getSignedCookie, type SignedCookie, type HasCookies } from './signed-cookie.js';
export { Session, type SessionData } from './session.js';
export { MemoryStore, type SessionStore, type MemoryStoreOptions } from './store.js';
export { sessions, getSession } from './middleware.js';
export { DEFAULT_SESSION_MAX_AGE, type SessionOptions } from './options.js';
