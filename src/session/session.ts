/**
 * `Session`: the dict-like object a handler reads and changes, which tracks what needs saving.
 * @module
 */
import type { JsonValue } from './serializer.js';

/**
 * The default shape of session data: JSON values by key.
 *
 * @example
 * ```ts
 * const data: SessionData = { user: 'ada', cart: ['tea'] };
 * ```
 */
export type SessionData = Record<string, JsonValue>;

/** @internal What the middleware knows about a session beyond its data. */
export interface SessionState {
  /** No valid cookie came with the request. */
  isNew: boolean;
  /** A cookie came but was refused (tampered, expired, unknown id): replace or delete it. */
  invalid: boolean;
  /** An older secret verified the cookie: sign it again with the newest. */
  stale: boolean;
  /** `regenerate()` was called: a new id, and the old record deleted. */
  regenerated: boolean;
  /** The id under which a server-side store keeps the data. */
  id: string | undefined;
}

let stateOf: <D extends object>(session: Session<D>) => SessionState;

/**
 * A session's data, with Flask's semantics: `modified` turns true when a key is set, deleted or
 * cleared, and only a modified session is saved. Values must be JSON (strings, numbers, booleans,
 * null, arrays and plain objects); after changing a nested value in place, set
 * `session.modified = true`. The type parameter describes the data (it is not checked at run time).
 *
 * @example
 * ```ts
 * const session = await getSession<{ user: string; cart: string[] }>(req);
 * session.set('user', 'ada');
 * session.get('cart')?.push('book');
 * session.modified = true; // a nested change is not seen on its own
 * ```
 */
export class Session<Data extends object = SessionData> {
  readonly #data = new Map<string, unknown>();
  #modified = false;
  readonly #state: SessionState = { isNew: true, invalid: false, stale: false, regenerated: false, id: undefined };

  static {
    stateOf = (session) => session.#state;
  }

  /** A session holding `data` (copied, not modified). */
  constructor(data?: Partial<Data>) {
    if (data) for (const [key, value] of Object.entries(data)) this.#data.set(key, value);
  }

  /** The value of `key`, or `undefined`. */
  get<K extends keyof Data & string>(key: K): Data[K] | undefined {
    return this.#data.get(key) as Data[K] | undefined;
  }

  /**
   * Sets `key` and marks the session modified. A value JSON cannot hold (`undefined`, a function,
   * a symbol, a bigint) is a `TypeError` here rather than a surprise on the next request.
   */
  set<K extends keyof Data & string>(key: K, value: Data[K]): void {
    if (typeof key !== 'string') throw new TypeError('session keys are strings');
    const kind = typeof value;
    if (kind === 'undefined' || kind === 'function' || kind === 'symbol' || kind === 'bigint') {
      throw new TypeError(`session.set(${JSON.stringify(key)}): a ${kind} is not a JSON value (use delete() to remove a key)`);
    }
    this.#data.set(key, value);
    this.#modified = true;
  }

  /** Removes `key`; true (and modified) when it was there. */
  delete(key: keyof Data & string): boolean {
    const had = this.#data.delete(key);
    if (had) this.#modified = true;
    return had;
  }

  /** True when `key` is set. */
  has(key: keyof Data & string): boolean {
    return this.#data.has(key);
  }

  /** Removes every key (modified when there were any); an emptied session's cookie is deleted. */
  clear(): void {
    if (this.#data.size === 0) return;
    this.#data.clear();
    this.#modified = true;
  }

  /** How many keys are set. */
  get size(): number {
    return this.#data.size;
  }

  /** The keys, in the order they were first set. */
  keys(): IterableIterator<keyof Data & string> {
    return this.#data.keys() as IterableIterator<keyof Data & string>;
  }

  /** The `[key, value]` pairs. */
  entries(): IterableIterator<[keyof Data & string, Data[keyof Data]]> {
    return this.#data.entries() as IterableIterator<[keyof Data & string, Data[keyof Data]]>;
  }

  /** The same pairs as `entries()`. */
  [Symbol.iterator](): IterableIterator<[keyof Data & string, Data[keyof Data]]> {
    return this.entries();
  }

  /** The data as a plain object (what is saved). */
  toJSON(): Partial<Data> {
    return Object.fromEntries(this.#data) as Partial<Data>;
  }

  /** True when the session must be saved; set it after changing a nested value in place. */
  get modified(): boolean {
    return this.#modified;
  }

  set modified(value: boolean) {
    this.#modified = value;
  }

  /** True when no valid session cookie came with this request. */
  get isNew(): boolean {
    return this.#state.isNew;
  }

  /**
   * Gives the session a new identity while keeping its data: call it when the user logs in (or
   * their privileges change), so an id an attacker planted before login (session fixation) is
   * worthless after it. With a server-side store the data moves to a new random id and the old
   * record is deleted; a cookie session gets a freshly signed cookie.
   *
   * @example
   * ```ts
   * session.regenerate();
   * session.set('user', user.id);
   * ```
   */
  regenerate(): void {
    this.#state.regenerated = true;
    this.#modified = true;
  }
}

/** @internal The middleware's view of a session. */
export function sessionState<D extends object>(session: Session<D>): SessionState {
  return stateOf(session);
}
