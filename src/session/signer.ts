/**
 * `Signer`: HMAC-SHA256 signatures on `crypto.subtle`, with key rotation and a salt per purpose.
 * @module
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { BadSignature } from './errors.js';
import { deriveKeys, secretBytes, type Secrets } from './secrets.js';
import { optionsChecker, type OptionNames } from '../options.js';

/**
 * Options for {@link Signer}.
 *
 * @example
 * ```ts
 * const options: SignerOptions = { secrets: [newest, older], salt: 'unsubscribe' };
 * ```
 */
export interface SignerOptions {
  /** One secret or `[newest, ...older]`, each at least 32 bytes: the newest signs, all verify. */
  secrets: Secrets;
  /**
   * What the signatures are for (`'email-confirm'`, `'password-reset'`): each salt derives its own
   * keys, so a value signed for one purpose is refused by a signer with another. Default
   * `'tsgi.Signer'`.
   */
  salt?: string;
}

/**
 * Options for one `sign`/`unsign` call.
 *
 * @example
 * ```ts
 * await signer.unsign(token, { context: 'user' } satisfies SignOptions);
 * ```
 */
export interface SignOptions {
  /**
   * Binds the signature to a context, such as the cookie name a value was signed for: a value
   * signed with one context is refused under any other. Must not contain `=`. Default `''`.
   */
  context?: string;
}

/**
 * A verified value.
 *
 * @example
 * ```ts
 * const { value, stale }: Unsigned = await signer.unsign(token);
 * ```
 */
export interface Unsigned {
  /** The value as it was signed. */
  value: string;
  /** True when an older secret verified it: sign it again to move it to the newest secret. */
  stale: boolean;
}

const SIGNER_OPTIONS: OptionNames<SignerOptions> = { secrets: true, salt: true };
const checkOptions = optionsChecker<SignerOptions>('Signer', SIGNER_OPTIONS);
const encoder = new TextEncoder();
/** An HMAC-SHA256 in base64url: 32 bytes, 43 characters. */
const SIGNATURE_LENGTH = 43;

/**
 * Signs strings and verifies them: `sign('ada')` gives `'ada.<signature>'`, and `unsign` gives
 * `'ada'` back or throws {@link BadSignature}. Signatures are HMAC-SHA256 under keys derived
 * with HKDF from each secret and the salt (derived once per signer, on first use: make the signer
 * once, not per request). Verification runs `crypto.subtle.verify`, which compares in constant
 * time, against each secret from newest to oldest. The same inputs give the same signature on
 * Node, Bun, Deno and Cloudflare Workers.
 *
 * @example
 * ```ts
 * const signer = new Signer({ secrets: [process.env.SECRET!, process.env.OLD_SECRET!], salt: 'unsubscribe' });
 * const token = await signer.sign('user-42');       // 'user-42.9bq...'
 * const { value, stale } = await signer.unsign(token); // 'user-42', false
 * ```
 */
export class Signer {
  /** The salt the keys are derived with. */
  readonly salt: string;
  readonly #secrets: Uint8Array<ArrayBuffer>[];
  #keys: Promise<CryptoKey[]> | undefined;

  constructor(options: SignerOptions) {
    checkOptions(options);
    const where = new.target.name;
    if (options.salt !== undefined && typeof options.salt !== 'string') throw new TypeError(`${where}: salt must be a string`);
    this.salt = options.salt ?? 'tsgi.Signer';
    this.#secrets = secretBytes(options.secrets, where);
  }

  /** How many secrets verify (the first of them signs). */
  get secretCount(): number {
    return this.#secrets.length;
  }

  /**
   * Returns `value.signature`. The value may hold any character, `.` included.
   *
   * @example
   * ```ts
   * await signer.sign('ada', { context: 'user' }); // 'ada.<43 characters>'
   * ```
   */
  async sign(value: string, options?: SignOptions): Promise<string> {
    if (typeof value !== 'string') throw new TypeError(`${this.constructor.name}.sign: value must be a string`);
    const [newest] = await this.#derived();
    const mac = await crypto.subtle.sign('HMAC', newest, message(value, options?.context));
    return `${value}.${encodeBase64Url(new Uint8Array(mac))}`;
  }

  /**
   * Verifies a signed value and returns it, or throws {@link BadSignature}. Give the same
   * `context` it was signed with.
   *
   * @example
   * ```ts
   * const { value } = await signer.unsign(req.args.get('token') ?? '');
   * ```
   */
  async unsign(signed: string, options?: SignOptions): Promise<Unsigned> {
    const dot = typeof signed === 'string' ? signed.lastIndexOf('.') : -1;
    if (dot === -1) throw new BadSignature('no "." before a signature');
    const value = signed.slice(0, dot);
    const signature = signed.length - dot - 1 === SIGNATURE_LENGTH ? decodeBase64Url(signed.slice(dot + 1)) : undefined;
    if (signature === undefined) throw new BadSignature('the signature is malformed');
    const data = message(value, options?.context);
    const keys = await this.#derived();
    for (let index = 0; index < keys.length; index++) {
      if (await crypto.subtle.verify('HMAC', keys[index], signature, data)) return { value, stale: index > 0 };
    }
    throw new BadSignature('the signature does not match');
  }

  /**
   * True when `signed` verifies, false otherwise (never throws for a bad token).
   *
   * @example
   * ```ts
   * if (!(await signer.validate(token))) throw new BadRequest();
   * ```
   */
  async validate(signed: string, options?: SignOptions): Promise<boolean> {
    try {
      await this.unsign(signed, options);
      return true;
    } catch (error) {
      if (error instanceof BadSignature) return false;
      throw error;
    }
  }

  #derived(): Promise<CryptoKey[]> {
    return (this.#keys ??= deriveKeys(this.#secrets, 'hmac-sha256', this.salt));
  }
}

/**
 * The bytes under the MAC: `context=value`. A context has no `=`, so the first `=` ends it and
 * no (context, value) pair can pass for another.
 */
function message(value: string, context = ''): Uint8Array<ArrayBuffer> {
  if (typeof context !== 'string' || context.includes('=')) {
    throw new TypeError(`context must be a string without "=": ${JSON.stringify(context)}`);
  }
  return encoder.encode(`${context}=${value}`);
}
