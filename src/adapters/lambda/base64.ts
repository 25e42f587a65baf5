/**
 * Standard base64 (RFC 4648 section 4) for Lambda bodies, with `atob`/`btoa` only, so the
 * adapter needs no `Buffer`.
 * @module
 */

// Groups of four, the last one padded; nothing else (API Gateway and ALB send no line breaks).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Decodes base64 strictly: `undefined` for anything but the standard alphabet with optional padding.
 *
 * @example
 * ```ts
 * decodeBase64('aGk='); // Uint8Array [104, 105]
 * decodeBase64('a b');  // undefined
 * ```
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The number of bytes a base64 text decodes to, without decoding it (to refuse a large body first).
 *
 * @example
 * ```ts
 * base64Length('aGk='); // 2
 * ```
 */
export function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor(((text.length - padding) * 3) / 4);
}

/**
 * Encodes bytes as padded base64.
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([104, 105])); // 'aGk='
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // btoa takes a "binary string"; built in slices so a large body never hits the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
