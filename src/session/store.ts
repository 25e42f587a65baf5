/**
 * Server-side session stores: the interface, and a bounded in-memory store for tests and
 * single-process apps.
 * @module
 */
import type { SessionData } from './session.js';
import { optionsChecker, type OptionNames } from '../options.js';

/**
 * Where a server-side session keeps its data; the cookie then holds only a signed random id.
 * Methods may be synchronous or return promises. Implement it over Redis, a database or a
 * Workers KV namespace; `ttl` is in seconds, and a record past it must no longer be returned.
 *
 * @example
 * ```ts
 * const redisStore: SessionStore = {
 *   async get(id) { const text = await redis.get(`session:${id}`); return text ? JSON.parse(text) : undefined; },
 *   async set(id, data, ttl) { await redis.set(`session:${id}`, JSON.stringify(data), { EX: ttl }); },
 *   async delete(id) { await redis.del(`session:${id}`); },
 * };
 * ```
 */
export interface SessionStore {
  /** The data saved under `id`, or `undefined` when there is none (or it expired). */
  get(id: string): SessionData | undefined | Promise<SessionData | undefined>;
  /** Saves `data` under `id` for `ttl` seconds, replacing what was there. */
  set(id: string, data: SessionData, ttl: number): void | Promise<void>;
  /** Forgets `id`; nothing happens when it is unknown. */
  delete(id: string): void | Promise<void>;
}

/**
 * Options for {@link MemoryStore}.
 *
 * @example
 * ```ts
 * new MemoryStore({ maxEntries: 1000 } satisfies MemoryStoreOptions);
 * ```
 */
export interface MemoryStoreOptions {
  /** The most sessions kept; past it the least recently used one goes. Default 10,000. */
  maxEntries?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

const OPTIONS: OptionNames<MemoryStoreOptions> = { maxEntries: true, now: true };
const checkOptions = optionsChecker<MemoryStoreOptions>('MemoryStore', OPTIONS);

interface Entry {
  json: string;
  expires: number;
}

/**
 * A {@link SessionStore} in this process's memory, bounded: at most `maxEntries` sessions, the
 * least recently used dropped first, and each forgotten after its TTL. Data is kept as JSON, so
 * a handler never shares objects with another request. For tests and one-process apps: it is
 * neither shared between workers nor kept across restarts.
 *
 * @example
 * ```ts
 * const app = sessions(site, { secrets: process.env.SECRET!, store: new MemoryStore({ maxEntries: 1000 }) });
 * ```
 */
export class MemoryStore implements SessionStore {
  /** The bound on the number of sessions. */
  readonly maxEntries: number;
  readonly #now: () => number;
  // A Map iterates in insertion order; re-inserting on use keeps the least recently used first.
  readonly #entries = new Map<string, Entry>();

  constructor(options: MemoryStoreOptions = {}) {
    checkOptions(options);
    const max = options.maxEntries ?? 10_000;
    if (!Number.isSafeInteger(max) || max < 1) throw new TypeError(`MemoryStore: maxEntries must be a positive integer, got ${max}`);
    this.maxEntries = max;
    this.#now = options.now ?? (() => Date.now()); // read each time, so fake clocks in tests apply
  }

  /** How many sessions are held (expired ones included until they are next seen). */
  get size(): number {
    return this.#entries.size;
  }

  /** The data under `id`, or `undefined` when absent or expired. */
  get(id: string): SessionData | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    this.#entries.delete(id);
    if (entry.expires <= this.#now()) return undefined;
    this.#entries.set(id, entry);
    return JSON.parse(entry.json) as SessionData;
  }

  /** Saves `data` under `id` for `ttl` seconds, dropping the least recently used past the bound. */
  set(id: string, data: SessionData, ttl: number): void {
    const now = this.#now();
    this.#entries.delete(id);
    this.#entries.set(id, { json: JSON.stringify(data), expires: now + ttl * 1000 });
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && entry.expires > now) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets `id`. */
  delete(id: string): void {
    this.#entries.delete(id);
  }
}
