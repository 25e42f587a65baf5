/**
 * Signed cookies: a value the client can read but not change, bound to the cookie's name.
 * @module
 */
import type { Response } from '../response/response.js';
import { serializeSetCookie, type CookieOptions } from '../http/cookies.js';
import { assertCookieSize } from './cookie-size.js';
import { BadSignature } from './errors.js';
import type { TimestampSigner, TimestampUnsigned } from './timestamp-signer.js';

/**
 * A signed cookie that verified: its value, when it was signed, and whether an older secret did.
 *
 * @example
 * ```ts
 * const cookie: SignedCookie | undefined = await getSignedCookie(req, 'user', signer);
 * ```
 */
export type SignedCookie = TimestampUnsigned;

/**
 * What {@link getSignedCookie} reads cookies from: a `Request`, or anything with `cookies`.
 *
 * @example
 * ```ts
 * await getSignedCookie({ cookies: { user: raw } } satisfies HasCookies, 'user', signer);
 * ```
 */
export interface HasCookies {
  readonly cookies: Record<string, string>;
}

/**
 * Signs `value` for the cookie `name` and adds the `Set-Cookie` header to `res`. The signature
 * covers the name, the value and the time (`name=value.timestamp`), so the value is refused under
 * another cookie name, by a signer with another salt, and after the signer's `maxAge`. Unless
 * `maxAge` or `expires` is given, the cookie's `Max-Age` is the signer's `maxAge` (when finite),
 * so the browser forgets it when the server would refuse it. A `RangeError` when name and value
 * pass 4096 bytes, which browsers drop silently.
 *
 * @example
 * ```ts
 * const signer = new TimestampSigner({ secrets: process.env.SECRET!, salt: 'login', maxAge: 7 * 86400 });
 * await setSignedCookie(res, 'user', 'ada', signer, { httpOnly: true, sameSite: 'Lax' });
 * ```
 */
export async function setSignedCookie(
  res: Response,
  name: string,
  value: string,
  signer: TimestampSigner,
  options: CookieOptions = {},
): Promise<void> {
  const signed = await signer.sign(value, { context: name });
  const withAge =
    options.maxAge === undefined && options.expires === undefined && Number.isFinite(signer.maxAge)
      ? { ...options, maxAge: signer.maxAge }
      : options;
  const header = serializeSetCookie(name, signed, withAge);
  assertCookieSize(header, 'Keep signed cookies small: store an id and keep the data on the server.');
  res.headers.append('Set-Cookie', header);
}

/**
 * Reads and verifies the signed cookie `name`: `{ value, timestamp, stale }`, or `undefined` when
 * the cookie is absent, tampered with, signed for another name or salt, or expired. When `stale`
 * is true an older secret verified it: set it again so it moves to the newest secret before the
 * old one is removed.
 *
 * @example
 * ```ts
 * const user = await getSignedCookie(req, 'user', signer);
 * if (user?.stale) await setSignedCookie(res, 'user', user.value, signer);
 * return new Response(user ? `Hello, ${user.value}!` : 'Hello, stranger!');
 * ```
 */
export async function getSignedCookie(req: HasCookies, name: string, signer: TimestampSigner): Promise<SignedCookie | undefined> {
  const raw = req.cookies[name];
  if (raw === undefined) return undefined;
  try {
    return await signer.unsign(raw, { context: name });
  } catch (error) {
    if (error instanceof BadSignature) return undefined;
    throw error;
  }
}
