/**
 * The errors of verification: a signature that does not match, and one that is too old.
 * @module
 */

/**
 * A signed value was refused: the signature does not match any secret, the token is malformed,
 * or its timestamp lies too far in the future. Never say which to the client.
 *
 * @example
 * ```ts
 * try {
 *   await signer.unsign(token);
 * } catch (error) {
 *   if (error instanceof BadSignature) throw new BadRequest('Invalid link.');
 *   throw error;
 * }
 * ```
 */
export class BadSignature extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The signature is valid but older than `maxAge` allows. `timestamp` is when it was signed, in
 * seconds since the epoch, so an app can say "this link expired" instead of "this link is wrong".
 *
 * @example
 * ```ts
 * try {
 *   await signer.unsign(token);
 * } catch (error) {
 *   if (error instanceof SignatureExpired) return new Response('This link has expired.', { status: 410 });
 *   throw error;
 * }
 * ```
 */
export class SignatureExpired extends BadSignature {
  /** When the value was signed, in seconds since the epoch. */
  readonly timestamp: number;

  constructor(message: string, timestamp: number) {
    super(message);
    this.timestamp = timestamp;
  }
}
