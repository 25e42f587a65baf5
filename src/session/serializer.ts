/**
 * `Serializer`: signed JSON values as URL- and cookie-safe tokens.
 * @module
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { BadSignature } from './errors.js';
import type { Signer, SignOptions } from './signer.js';
import { TimestampSigner, type TimestampUnsignOptions } from './timestamp-signer.js';

/**
 * A value that survives `JSON.stringify` and `JSON.parse` unchanged.
 *
 * @example
 * ```ts
 * const value: JsonValue = { user: 42, roles: ['admin'], since: '2030-01-01' };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A verified, decoded value.
 *
 * @example
 * ```ts
 * const { value, stale, timestamp }: Loaded<{ id: number }> = await tokens.loads(token);
 * ```
 */
export interface Loaded<T> {
  /** The value as it was dumped. */
  value: T;
  /** True when an older secret verified it: dump it again to move it to the newest secret. */
  stale: boolean;
  /** When it was signed (seconds since the epoch), with a `TimestampSigner`; else `undefined`. */
  timestamp: number | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes a JSON value as compact JSON in base64url (no padding), the payload of a token.
 *
 * @example
 * ```ts
 * encodeJson({ id: 42 }); // 'eyJpZCI6NDJ9'
 * ```
 */
export function encodeJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('the value is not JSON-serializable');
  return encodeBase64Url(encoder.encode(text));
}

/**
 * Decodes what {@link encodeJson} wrote; a `BadSignature` for anything else.
 *
 * @example
 * ```ts
 * decodeJson('eyJpZCI6NDJ9'); // { id: 42 }
 * ```
 */
export function decodeJson(payload: string): unknown {
  const bytes = decodeBase64Url(payload);
  if (bytes === undefined) throw new BadSignature('the payload is not base64url');
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BadSignature('the payload is not JSON');
  }
}

/**
 * Signs JSON values: `dumps` gives a token of base64url characters and dots (safe in URLs,
 * cookies and headers), `loads` verifies and decodes it. With a {@link TimestampSigner} tokens
 * expire. Unlike itsdangerous, nothing is compressed, so a token is the same bytes on every runtime.
 *
 * @example
 * ```ts
 * const tokens = new Serializer(new TimestampSigner({ secrets: process.env.SECRET!, salt: 'invite', maxAge: 86400 }));
 * const token = await tokens.dumps({ team: 7, role: 'editor' });
 * const { value } = await tokens.loads<{ team: number; role: string }>(token);
 * ```
 */
export class Serializer {
  /** The signer that signs and verifies the tokens. */
  readonly signer: Signer;

  constructor(signer: Signer) {
    if (!(signer && typeof signer.sign === 'function' && typeof signer.unsign === 'function')) {
      throw new TypeError('Serializer: pass a Signer or TimestampSigner');
    }
    this.signer = signer;
  }

  /**
   * Serializes and signs `value` (a `TypeError` if it is not JSON-serializable).
   *
   * @example
   * ```ts
   * const token = await tokens.dumps({ id: 42 }); // 'eyJpZCI6NDJ9.<timestamp>.<signature>'
   * ```
   */
  async dumps(value: unknown, options?: SignOptions): Promise<string> {
    return this.signer.sign(encodeJson(value), options);
  }

  /**
   * Verifies and decodes a token; throws {@link BadSignature} (or `SignatureExpired`). The type
   * parameter is not checked: validate the value if its shape matters.
   *
   * @example
   * ```ts
   * const { value, stale } = await tokens.loads<{ id: number }>(token);
   * ```
   */
  async loads<T = unknown>(token: string, options?: TimestampUnsignOptions): Promise<Loaded<T>> {
    const signer = this.signer;
    if (signer instanceof TimestampSigner) {
      const { value, stale, timestamp } = await signer.unsign(token, options);
      return { value: decodeJson(value) as T, stale, timestamp };
    }
    const { value, stale } = await signer.unsign(token, options);
    return { value: decodeJson(value) as T, stale, timestamp: undefined };
  }
}
