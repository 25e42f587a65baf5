/**
 * One request's session: opened from the cookie when first asked for, then turned into the
 * `Set-Cookie` header the response needs, with Flask's rules.
 * @module
 */
import type { Environ } from '../gateway.js';
import { parseCookies, serializeDeleteCookie, serializeSetCookie } from '../http/cookies.js';
import { assertCookieSize } from './cookie-size.js';
import type { SessionConfig } from './options.js';
import { Session, sessionState, type SessionData } from './session.js';

/** The environ key under which `sessions` leaves each request's handle for `getSession`. */
export const SESSION_KEY = 'tsgi.session';

const TOO_LARGE =
  'Keep less in the session (an id, not the record), or keep the data on the server: ' +
  'sessions(app, { secrets, store }) with a SessionStore.';

/** What the response needs: `Vary: Cookie` once the session was read, and maybe a `Set-Cookie`. */
export interface SessionHeaders {
  setCookie: string | undefined;
}

/** A request's session, opened lazily and at most once. */
export class SessionHandle {
  readonly #config: SessionConfig;
  readonly #environ: Environ;
  #session: Promise<Session<SessionData>> | undefined;

  constructor(config: SessionConfig, environ: Environ) {
    this.#config = config;
    this.#environ = environ;
  }

  /** The session, read from the request's cookie on the first call. */
  open(cookies?: Record<string, string>): Promise<Session<SessionData>> {
    return (this.#session ??= this.#read(cookies ?? parseCookies(this.#environ.HTTP_COOKIE)));
  }

  async #read(cookies: Record<string, string>): Promise<Session<SessionData>> {
    const { name, codec } = this.#config;
    const raw = cookies[name];
    if (raw === undefined) return new Session();
    const opened = await codec.open(raw, name);
    const session = new Session(opened?.data);
    const state = sessionState(session);
    if (opened === undefined) {
      state.invalid = true;
    } else {
      state.isNew = false;
      state.stale = opened.stale;
      state.id = opened.id;
    }
    return session;
  }

  /**
   * The headers for the response, or `undefined` when the session was never read. An emptied
   * session deletes its cookie (and record); a modified one, one verified by an older secret, or
   * one replacing a refused cookie is saved; an unchanged one sends no cookie. Throws a
   * `RangeError` when the cookie would pass what browsers keep.
   */
  async finish(): Promise<SessionHeaders | undefined> {
    if (this.#session === undefined) return undefined;
    const session = await this.#session;
    const state = sessionState(session);
    const { name, attributes, codec } = this.#config;
    const secure = this.#config.secure ?? this.#environ['tsgi.url_scheme'] === 'https';
    if (session.size === 0) {
      const hadCookie = !state.isNew || state.invalid;
      if (!hadCookie || !(session.modified || state.invalid || state.regenerated)) return { setCookie: undefined };
      await codec.discard(state);
      const { maxAge: _, ...rest } = attributes;
      return { setCookie: serializeDeleteCookie(name, { ...rest, secure }) };
    }
    if (!(session.modified || state.stale || state.invalid)) return { setCookie: undefined };
    const value = await codec.seal(session.toJSON() as SessionData, name, state);
    const setCookie = serializeSetCookie(name, value, { ...attributes, secure });
    assertCookieSize(setCookie, TOO_LARGE);
    return { setCookie };
  }
}
