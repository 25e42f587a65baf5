/**
 * Timestamps inside signed values: their encoding, and the age check shared by the timestamped
 * signer and encrypted sessions.
 * @module
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { BadSignature, SignatureExpired } from './errors.js';

/** How far in the future a timestamp may lie by default, in seconds: clocks of servers drift. */
export const DEFAULT_MAX_SKEW = 60;

/** Whole seconds since the epoch as big-endian bytes without leading zeros, in base64url. */
export function encodeTimestamp(seconds: number): string {
  const bytes: number[] = [];
  for (let n = seconds; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return encodeBase64Url(new Uint8Array(bytes.length ? bytes : [0]));
}

/** The seconds of an encoded timestamp, or a `BadSignature`. */
export function decodeTimestamp(text: string): number {
  const bytes = decodeBase64Url(text);
  // Six bytes reach the year 8.9 million; more could not be a safe integer.
  if (bytes === undefined || bytes.length === 0 || bytes.length > 6) throw new BadSignature('the timestamp is malformed');
  let seconds = 0;
  for (const byte of bytes) seconds = seconds * 256 + byte;
  return seconds;
}

/** Checks a positive, finite or infinite number of seconds given as an option. */
export function checkSeconds(where: string, option: string, value: unknown): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new TypeError(`${where}: ${option} must be a number of seconds (0 or more, Infinity for none), got ${String(value)}`);
  }
}

/**
 * Throws `SignatureExpired` when `timestamp` is more than `maxAge` seconds before `now`, and
 * `BadSignature` when it is more than `maxSkew` seconds after it (a value cannot be signed in the
 * future; allowing some skew lets servers with slightly different clocks share secrets).
 */
export function checkAge(timestamp: number, now: number, maxAge: number, maxSkew: number): void {
  const age = now - timestamp;
  if (age > maxAge) throw new SignatureExpired(`signed ${age} s ago, more than maxAge (${maxAge} s)`, timestamp);
  if (-age > maxSkew) {
    throw new BadSignature(`signed ${-age} s in the future, more than maxSkew (${maxSkew} s): is a server clock wrong?`);
  }
}
