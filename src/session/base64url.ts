/**
 * Base64url without padding (RFC 4648 section 5), the alphabet of every token and cookie value
 * this module writes: it needs no percent-encoding in a cookie, a URL or a header.
 * @module
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Encodes bytes as base64url without `=` padding.
 *
 * @example
 * ```ts
 * encodeBase64Url(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // btoa takes a "binary string"; built in slices so a long value never hits the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Decodes unpadded base64url strictly: `undefined` for any other character, padding, or a text no
 * encoder writes (one character left over, or unused bits set in the last one), so each byte
 * string has exactly one accepted spelling and a token cannot be altered into another valid one.
 *
 * @example
 * ```ts
 * decodeBase64Url('-_8'); // Uint8Array [251, 255]
 * decodeBase64Url('a+b'); // undefined
 * ```
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return encodeBase64Url(bytes) === text ? bytes : undefined;
}
