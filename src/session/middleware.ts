/**
 * `sessions(app, options)` and `getSession(req)`: cookie sessions as middleware, Flask-style.
 * @module
 */
import type { App, Environ, HeaderList, StartResponse } from '../gateway.js';
import { addVary } from '../http/vary.js';
import { closingIterable, openBody } from '../middleware/body-reader.js';
import { SESSION_KEY, SessionHandle, type SessionHeaders } from './handle.js';
import { sessionConfig, type SessionOptions } from './options.js';
import type { Session, SessionData } from './session.js';

interface Started {
  status: string;
  headers: HeaderList;
  error?: unknown;
}

/**
 * Gives every request under `app` a session that handlers read with {@link getSession}. The
 * cookie is read only when a handler asks for the session, and then the response gets
 * `Vary: Cookie`. The cookie is sent only when the session was modified (deleted when it was
 * emptied), with `HttpOnly`, `SameSite=Lax`, `Path=/`, and `Secure` on https. A tampered, expired
 * or foreign cookie gives an empty session and is replaced or deleted. By default the data is
 * signed JSON in the cookie (readable by the client, not changeable); `encrypt: true` hides it;
 * `store` keeps it on the server. Saving a cookie over 4096 bytes throws a `RangeError`.
 *
 * Headers are added when the app calls `startResponse`, so change the session before the body
 * starts streaming.
 *
 * @example
 * ```ts
 * const app = sessions(site, { secrets: [process.env.SECRET!, process.env.OLD_SECRET!] });
 * ```
 */
export function sessions(app: App, options: SessionOptions): App {
  const config = sessionConfig(options);
  return async (environ, startResponse) => {
    const handle = new SessionHandle(config, environ);
    environ[SESSION_KEY] = handle;
    let started: Started | undefined;
    let forwarded = false;
    const innerStart: StartResponse = (status, headers, error) => {
      // Once the headers went out, a replacement (only with an error) is the server's to judge.
      if (forwarded) return startResponse(status, headers, error);
      started = error === undefined ? { status, headers } : { status, headers, error };
    };
    const forward = async (response: Started) => {
      const headers = withSession(response.headers, await handle.finish());
      forwarded = true;
      if (response.error !== undefined) startResponse(response.status, headers, response.error);
      else startResponse(response.status, headers);
    };

    const body = await app(environ, innerStart);
    if (started !== undefined) {
      try {
        await forward(started);
      } catch (error) {
        await openBody(body).close();
        throw error;
      }
      return body;
    }
    // The app calls startResponse from inside its body (rule 6.5): save when it does.
    const reader = openBody(body);
    return closingIterable(
      (async function* lazily() {
        try {
          const held: Uint8Array[] = [];
          while (started === undefined) {
            const result = await reader.next();
            if (result.done) break;
            held.push(result.value);
          }
          if (started === undefined) throw new Error('the app returned a body without calling startResponse');
          await forward(started);
          yield* held;
          for (let result = await reader.next(); !result.done; result = await reader.next()) yield result.value;
        } finally {
          await reader.close();
        }
      })(),
      reader,
    );
  };
}

function withSession(headers: HeaderList, session: SessionHeaders | undefined): HeaderList {
  if (session === undefined) return headers;
  const out = addVary(headers, ['Cookie']);
  if (session.setCookie === undefined) return out;
  return [...out, ['Set-Cookie', session.setCookie]];
}

/**
 * The request's session (read from its cookie on the first call, the same object after). `req`
 * is a `Request` or an environ; the app must run under {@link sessions}, or this throws.
 *
 * @example
 * ```ts
 * const app = sessions(Request.application(async (req) => {
 *   const session = await getSession<{ visits: number }>(req);
 *   session.set('visits', (session.get('visits') ?? 0) + 1);
 *   return new Response(`visit ${session.get('visits')}`);
 * }), { secrets: process.env.SECRET! });
 * ```
 */
export function getSession<Data extends object = SessionData>(req: { readonly environ: Environ; readonly cookies: Record<string, string> } | Environ): Promise<Session<Data>> {
  const isEnviron = typeof (req as Environ).REQUEST_METHOD === 'string';
  const environ = isEnviron ? (req as Environ) : (req as { environ: Environ }).environ;
  const handle = environ?.[SESSION_KEY];
  if (!(handle instanceof SessionHandle)) {
    throw new Error('getSession: this request has no session; wrap the app with sessions(app, { secrets })');
  }
  const cookies = isEnviron ? undefined : (req as { cookies: Record<string, string> }).cookies;
  return handle.open(cookies) as unknown as Promise<Session<Data>>;
}
