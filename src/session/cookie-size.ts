/**
 * The size browsers allow a cookie, checked before a `Set-Cookie` is sent.
 * @module
 */

/**
 * The most bytes of name plus value a browser keeps (RFC 6265 section 6.1 asks for at least
 * 4096; Chrome, Firefox and Safari drop a larger cookie without a word).
 *
 * @example
 * ```ts
 * if (value.length + name.length > MAX_COOKIE_BYTES) store = 'server';
 * ```
 */
export const MAX_COOKIE_BYTES = 4096;

/**
 * Throws a `RangeError` when the `name=value` part of a `Set-Cookie` header (as sent, after
 * percent-encoding) is over {@link MAX_COOKIE_BYTES}: a silent drop would look like a lost login.
 * `advice` ends the message.
 */
export function assertCookieSize(setCookie: string, advice: string): void {
  const end = setCookie.indexOf(';');
  const pair = end === -1 ? setCookie : setCookie.slice(0, end);
  const equals = pair.indexOf('=');
  // Name and value, without the "=": the header is ASCII once serialized, so length is bytes.
  const size = pair.length - 1;
  if (size > MAX_COOKIE_BYTES) {
    throw new RangeError(
      `cookie ${JSON.stringify(pair.slice(0, equals))} is ${size} bytes (name and value), over the ` +
        `${MAX_COOKIE_BYTES} bytes browsers keep: they would drop it silently. ${advice}`,
    );
  }
}
