/**
 * Reading a `Response`'s body whole, for its Fetch-style readers `bytes()`, `text()` and `json()`.
 * @module
 */
import { appendTrusted } from '../datastructures/headers.js';
import { collectBody, type BodyInit } from './body.js';
import type { ResponseState } from './state.js';

const decoder = new TextDecoder();

/**
 * @internal Reads a streamed body (`state.known` is undefined) into memory once and keeps it as
 * the body, so it can be read again and served with its length.
 */
export async function bufferBody(state: ResponseState): Promise<Uint8Array> {
  const body = state.body as Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>;
  const known = (state.known = await collectBody(body));
  state.body = known;
  // The length is known now. Without a headers object it is served from `known`; with one
  // (someone read `res.headers` first) it must be written there. A length already given
  // (the GET length of a HEAD answer) is left as it is.
  const headers = state.headers;
  if (headers !== undefined && !headers.has('Content-Length')) {
    appendTrusted(headers, 'Content-Length', String(known.byteLength));
  }
  return known;
}

/** @internal `bytes` decoded with `charset` (UTF-8 without a new decoder). */
export function decodeBody(bytes: Uint8Array, charset: string): string {
  return charset === 'utf-8' || charset === 'utf8' ? decoder.decode(bytes) : new TextDecoder(charset).decode(bytes);
}
