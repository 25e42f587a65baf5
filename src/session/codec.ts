/**
 * How a session travels in its cookie: signed JSON, encrypted JSON, or a signed id whose data a
 * server-side store keeps. Each codec reads a cookie value into data and writes data into one.
 * @module
 */
import { encodeBase64Url } from './base64url.js';
import { BadSignature } from './errors.js';
import type { Encrypter } from './encryption.js';
import { decodeJson, encodeJson } from './serializer.js';
import type { SessionData, SessionState } from './session.js';
import type { SessionStore } from './store.js';
import { checkAge, decodeTimestamp, encodeTimestamp } from './timestamp.js';
import type { TimestampSigner } from './timestamp-signer.js';

/** A session read from its cookie. */
export interface Opened {
  data: SessionData;
  /** The store's id for it, for server-side sessions. */
  id: string | undefined;
  /** An older secret verified it. */
  stale: boolean;
}

/** Reads and writes one cookie's value. */
export interface SessionCodec {
  /** The session in `raw`, or `undefined` when it is refused (tampered, expired, unknown). */
  open(raw: string, name: string): Promise<Opened | undefined>;
  /** The cookie value for `data` (saved to the store first, under a new id when needed). */
  seal(data: SessionData, name: string, state: SessionState): Promise<string>;
  /** Forgets the session's server-side record, when there is one. */
  discard(state: SessionState): Promise<void>;
}

/** Refusals are `undefined`; other errors (a store that is down) are real errors. */
async function refusing<T>(work: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadSignature) return undefined;
    throw error;
  }
}

function isData(value: unknown): value is SessionData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The data as signed JSON: `base64url(json).timestamp.signature`, bound to the cookie name. */
export function signedCodec(signer: TimestampSigner): SessionCodec {
  return {
    open: (raw, name) =>
      refusing(async () => {
        const { value, stale } = await signer.unsign(raw, { context: name });
        const data = decodeJson(value);
        return isData(data) ? { data, id: undefined, stale } : undefined;
      }),
    seal: (data, name) => signer.sign(encodeJson(data), { context: name }),
    discard: async () => undefined,
  };
}

/**
 * The data as AES-GCM ciphertext: `base64url(iv, ciphertext, tag).timestamp`, with the cookie name
 * and the timestamp authenticated as associated data, so neither can be changed or swapped.
 */
export function encryptedCodec(encrypter: Encrypter, signer: TimestampSigner): SessionCodec {
  return {
    open: (raw, name) =>
      refusing(async () => {
        const dot = raw.lastIndexOf('.');
        if (dot === -1) return undefined;
        const stamp = raw.slice(dot + 1);
        // The timestamp is checked before the (dearer) decryption; it is authenticated by it.
        checkAge(decodeTimestamp(stamp), signer.now, signer.maxAge, signer.maxSkew);
        const opened = await encrypter.decrypt(raw.slice(0, dot), `${name}=${stamp}`);
        if (opened === undefined) return undefined;
        const data = parseJson(opened.plaintext);
        return isData(data) ? { data, id: undefined, stale: opened.stale } : undefined;
      }),
    seal: async (data, name) => {
      const stamp = encodeTimestamp(signer.now);
      return `${await encrypter.encrypt(JSON.stringify(data), `${name}=${stamp}`)}.${stamp}`;
    },
    discard: async () => undefined,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** 32 random bytes: ids cannot be guessed, and a collision never happens in practice. */
function newId(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

const ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The data in `store`; the cookie holds the id, signed and timestamped, so a forged or expired id
 * is refused before the store is asked.
 */
export function storeCodec(store: SessionStore, signer: TimestampSigner): SessionCodec {
  return {
    open: (raw, name) =>
      refusing(async () => {
        const { value: id, stale } = await signer.unsign(raw, { context: name });
        if (!ID.test(id)) return undefined;
        const data = await store.get(id);
        return isData(data) ? { data, id, stale } : undefined;
      }),
    seal: async (data, name, state) => {
      if (state.regenerated && state.id !== undefined) {
        await store.delete(state.id);
        state.id = undefined;
      }
      state.regenerated = false;
      const id = (state.id ??= newId());
      await store.set(id, data, signer.maxAge);
      return signer.sign(id, { context: name });
    },
    discard: async (state) => {
      if (state.id !== undefined) await store.delete(state.id);
      state.id = undefined;
    },
  };
}
