/**
 * AES-256-GCM for encrypted session cookies, with keys derived from the same secrets as the
 * signatures (another HKDF purpose) and rotated the same way.
 * @module
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { deriveKeys } from './secrets.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encrypts with the newest secret's key and decrypts with each in turn. `associated` is
 * authenticated, not encrypted: the caller binds the cookie name and timestamp with it. A random
 * 96-bit IV per message keeps a key safe for billions of messages (NIST SP 800-38D's 2^32).
 */
export class Encrypter {
  readonly #secrets: readonly Uint8Array<ArrayBuffer>[];
  readonly #salt: string;
  #keys: Promise<CryptoKey[]> | undefined;

  constructor(secrets: readonly Uint8Array<ArrayBuffer>[], salt: string) {
    this.#secrets = secrets;
    this.#salt = salt;
  }

  /** base64url of IV, ciphertext and tag. */
  async encrypt(plaintext: string, associated: string): Promise<string> {
    const [newest] = await this.#derived();
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const params: AesGcmParams = { name: 'AES-GCM', iv, additionalData: encoder.encode(associated) };
    const sealed = new Uint8Array(await crypto.subtle.encrypt(params, newest, encoder.encode(plaintext)));
    const out = new Uint8Array(IV_BYTES + sealed.byteLength);
    out.set(iv);
    out.set(sealed, IV_BYTES);
    return encodeBase64Url(out);
  }

  /** The plaintext and whether an older key opened it, or `undefined` when no key does. */
  async decrypt(token: string, associated: string): Promise<{ plaintext: string; stale: boolean } | undefined> {
    const bytes = decodeBase64Url(token);
    if (bytes === undefined || bytes.byteLength < IV_BYTES + TAG_BYTES) return undefined;
    const params: AesGcmParams = { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(associated) };
    const sealed = bytes.subarray(IV_BYTES);
    const keys = await this.#derived();
    for (let index = 0; index < keys.length; index++) {
      let opened: ArrayBuffer;
      try {
        opened = await crypto.subtle.decrypt(params, keys[index], sealed);
      } catch {
        continue; // the tag does not match under this key (OperationError)
      }
      try {
        return { plaintext: decoder.decode(opened), stale: index > 0 };
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  #derived(): Promise<CryptoKey[]> {
    return (this.#keys ??= deriveKeys(this.#secrets, 'aes-256-gcm', this.#salt));
  }
}
