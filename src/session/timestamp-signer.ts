/**
 * `TimestampSigner`: signatures that record when they were made and expire on the server.
 * @module
 */
import { Signer, type SignerOptions, type SignOptions, type Unsigned } from './signer.js';
import { BadSignature } from './errors.js';
import { checkAge, checkSeconds, decodeTimestamp, DEFAULT_MAX_SKEW, encodeTimestamp } from './timestamp.js';
import { optionsChecker, type OptionNames } from '../options.js';

/**
 * Options for {@link TimestampSigner}.
 *
 * @example
 * ```ts
 * const options: TimestampSignerOptions = { secrets, salt: 'password-reset', maxAge: 3600, maxSkew: 30 };
 * ```
 */
export interface TimestampSignerOptions extends SignerOptions {
  /**
   * How long a signature stays valid, in seconds, checked on the server whatever the client
   * does with cookie expiry. `Infinity` for no limit (say so on purpose: there is no default).
   */
  maxAge: number;
  /** How far in the future a timestamp may be, in seconds, for clock drift between servers. Default 60. */
  maxSkew?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`; tests pass a fixed one. */
  now?: () => number;
}

/**
 * Options for {@link TimestampSigner.unsign}.
 *
 * @example
 * ```ts
 * await links.unsign(token, { maxAge: 600 } satisfies TimestampUnsignOptions);
 * ```
 */
export interface TimestampUnsignOptions extends SignOptions {
  /** A different limit for this call, in seconds. Default: the signer's `maxAge`. */
  maxAge?: number;
}

/**
 * A verified value and when it was signed.
 *
 * @example
 * ```ts
 * const { value, timestamp }: TimestampUnsigned = await links.unsign(token);
 * new Date(timestamp * 1000); // when it was signed
 * ```
 */
export interface TimestampUnsigned extends Unsigned {
  /** When it was signed, in whole seconds since the epoch. */
  timestamp: number;
}

const OPTIONS: OptionNames<TimestampSignerOptions> = { secrets: true, salt: true, maxAge: true, maxSkew: true, now: true };
const checkOptions = optionsChecker<TimestampSignerOptions>('TimestampSigner', OPTIONS);

/**
 * A {@link Signer} that signs `value.timestamp` and refuses, on `unsign`, a signature older than
 * `maxAge` seconds ({@link SignatureExpired}) or dated more than `maxSkew` seconds in the future
 * ({@link BadSignature}). The timestamp is whole seconds, big-endian bytes in base64url, as
 * itsdangerous writes it.
 *
 * @example
 * ```ts
 * const links = new TimestampSigner({ secrets: process.env.SECRET!, salt: 'password-reset', maxAge: 3600 });
 * const token = await links.sign('user-42');
 * const { value, timestamp } = await links.unsign(token); // SignatureExpired after an hour
 * ```
 */
export class TimestampSigner extends Signer {
  /** The default age limit, in seconds. */
  readonly maxAge: number;
  /** The allowance for timestamps in the future, in seconds. */
  readonly maxSkew: number;
  readonly #now: () => number;

  constructor(options: TimestampSignerOptions) {
    checkOptions(options);
    super({ secrets: options.secrets, ...(options.salt !== undefined && { salt: options.salt }) });
    checkSeconds('TimestampSigner', 'maxAge', options.maxAge);
    this.maxAge = options.maxAge;
    this.maxSkew = options.maxSkew ?? DEFAULT_MAX_SKEW;
    checkSeconds('TimestampSigner', 'maxSkew', this.maxSkew);
    if (options.now !== undefined && typeof options.now !== 'function') throw new TypeError('TimestampSigner: now must be a function');
    this.#now = options.now ?? (() => Date.now()); // read each time, so fake clocks in tests apply
  }

  /** The current time in whole seconds, by the signer's clock. */
  get now(): number {
    return Math.floor(this.#now() / 1000);
  }

  /**
   * Returns `value.timestamp.signature`.
   *
   * @example
   * ```ts
   * const token = await links.sign('user-42'); // 'user-42.Z0xQkA.<signature>'
   * ```
   */
  override async sign(value: string, options?: SignOptions): Promise<string> {
    if (typeof value !== 'string') throw new TypeError('TimestampSigner.sign: value must be a string');
    return super.sign(`${value}.${encodeTimestamp(this.now)}`, options);
  }

  /**
   * Verifies the signature, then the age; throws {@link BadSignature} or its subclass
   * {@link SignatureExpired}.
   *
   * @example
   * ```ts
   * const { value } = await links.unsign(token, { maxAge: 600 }); // a shorter limit here
   * ```
   */
  override async unsign(signed: string, options?: TimestampUnsignOptions): Promise<TimestampUnsigned> {
    const maxAge = options?.maxAge ?? this.maxAge;
    checkSeconds('TimestampSigner.unsign', 'maxAge', maxAge);
    const { value: stamped, stale } = await super.unsign(signed, options);
    const dot = stamped.lastIndexOf('.');
    if (dot === -1) throw new BadSignature('no timestamp');
    const timestamp = decodeTimestamp(stamped.slice(dot + 1));
    checkAge(timestamp, this.now, maxAge, this.maxSkew);
    return { value: stamped.slice(0, dot), stale, timestamp };
  }
}
