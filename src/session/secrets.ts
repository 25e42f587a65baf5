/**
 * Secret keys: checking them, and deriving one `CryptoKey` per secret and purpose with HKDF.
 * @module
 */

/**
 * A secret key: text (encoded as UTF-8) or bytes, at least {@link MIN_SECRET_BYTES} long.
 *
 * @example
 * ```ts
 * const secret: Secret = process.env.SESSION_SECRET!; // e.g. from `openssl rand -base64 32`
 * ```
 */
export type Secret = string | Uint8Array;

/**
 * One secret, or a list `[newest, ...older]`: the newest signs, every one verifies, so a new
 * secret can be put first and an old one dropped later without logging everyone out.
 *
 * @example
 * ```ts
 * const secrets: Secrets = [process.env.SECRET_2025!, process.env.SECRET_2024!];
 * ```
 */
export type Secrets = Secret | readonly Secret[];

/**
 * The shortest secret accepted, in bytes: 256 bits, the HMAC-SHA256 and AES-256 key size. A
 * shorter or guessable secret lets anyone sign what they like.
 *
 * @example
 * ```ts
 * const secret = crypto.getRandomValues(new Uint8Array(MIN_SECRET_BYTES));
 * ```
 */
export const MIN_SECRET_BYTES = 32;

const encoder = new TextEncoder();

/**
 * The secrets as byte strings, newest first, or a `TypeError`/`RangeError` that says which one is
 * wrong and how to make a good one. `where` names the caller in the message.
 */
export function secretBytes(secrets: Secrets, where: string): Uint8Array<ArrayBuffer>[] {
  const list: readonly unknown[] = typeof secrets === 'string' || secrets instanceof Uint8Array ? [secrets] : secrets;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(`${where}: secrets must be a secret or a non-empty list of them, newest first`);
  }
  return list.map((secret, index) => {
    const which = list.length === 1 ? 'the secret' : `secret ${index} (of ${list.length}, newest first)`;
    let bytes: Uint8Array<ArrayBuffer>;
    if (typeof secret === 'string') bytes = encoder.encode(secret);
    else if (secret instanceof Uint8Array) bytes = new Uint8Array(secret);
    else throw new TypeError(`${where}: ${which} must be a string or a Uint8Array, got ${secret === null ? 'null' : typeof secret}`);
    if (bytes.byteLength < MIN_SECRET_BYTES) {
      throw new RangeError(
        `${where}: ${which} is ${bytes.byteLength} bytes; use at least ${MIN_SECRET_BYTES} random bytes ` +
          `(for example the output of \`openssl rand -base64 32\`, kept out of the source code)`,
      );
    }
    return bytes;
  });
}

/** What a derived key is for; each purpose gets its own HKDF `info`, so keys never cross over. */
export type KeyPurpose = 'hmac-sha256' | 'aes-256-gcm';

const ALGORITHMS: Record<KeyPurpose, [HmacKeyGenParams | AesKeyGenParams, KeyUsage[]]> = {
  'hmac-sha256': [{ name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign', 'verify']],
  'aes-256-gcm': [{ name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']],
};

/**
 * One key per secret (same order), derived with HKDF-SHA256: the secret is the input key
 * material, the HKDF salt is empty (the secrets are random already) and `info` names the format
 * version, the purpose and the caller's salt. Two salts, or signing and encryption, never share a
 * key, and the secrets themselves never key anything directly.
 */
export async function deriveKeys(secrets: readonly Uint8Array<ArrayBuffer>[], purpose: KeyPurpose, salt: string): Promise<CryptoKey[]> {
  const [algorithm, usages] = ALGORITHMS[purpose];
  const info = encoder.encode(`tsgi/v1 ${purpose} ${salt}`);
  return Promise.all(
    secrets.map(async (secret) => {
      const material = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
      const params: HkdfParams = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info };
      return crypto.subtle.deriveKey(params, material, algorithm, false, usages);
    }),
  );
}
