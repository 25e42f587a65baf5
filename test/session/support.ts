/** A small app over `sessions`, shared by the session tests. */
import { Request, Response, type App } from 'tsgi';
import { Client, type TestResponse } from 'tsgi/test';
import { getSession, sessions, type SessionOptions } from 'tsgi/session';

export const NEW = 'new-secret-new-secret-new-secret!';
export const OLD = 'old-secret-old-secret-old-secret!';

/**
 * `/` answers nothing about the session (it is never read); `/read` answers the session as JSON;
 * `/set?key=value...` sets keys; `/delete?key=...`; `/clear`; `/login?user=...` regenerates first.
 */
export const site = Request.application(async (req) => {
  if (req.path === '/') return new Response('no session here');
  const session = await getSession(req);
  if (req.path === '/set') for (const [key, value] of req.args) session.set(key, value);
  if (req.path === '/delete') for (const key of req.args.getAll('key')) session.delete(key);
  if (req.path === '/clear') session.clear();
  if (req.path === '/login') {
    session.regenerate();
    session.set('user', req.args.get('user') ?? '');
  }
  return Response.json(session.toJSON(), { headers: req.args.has('vary') ? { Vary: 'Accept-Encoding' } : null });
});

/** The site under `sessions` with `options` (secrets default to `[NEW]`). */
export function sessionApp(options: Partial<SessionOptions> = {}, app: App = site): App {
  return sessions(app, { secrets: [NEW], ...options });
}

/** The `name=value` a response sets for `name`, or undefined. */
export function setCookie(res: TestResponse, name = 'session'): string | undefined {
  return res.headers.getAll('Set-Cookie').find((header) => header.startsWith(`${name}=`));
}

/** The raw cookie value a response sets for `name`. */
export function cookieValue(res: TestResponse, name = 'session'): string {
  const header = setCookie(res, name);
  if (header === undefined) throw new Error(`no Set-Cookie for ${name}`);
  return header.slice(name.length + 1, header.indexOf(';'));
}

/** A client without a jar: each request carries exactly the cookie given. */
export function get(app: App, url: string, cookie?: string): Promise<TestResponse> {
  return new Client(app, { cookies: false }).get(url, cookie === undefined ? {} : { headers: { Cookie: cookie } });
}
