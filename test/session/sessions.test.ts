import { afterEach, describe, expect, it, vi } from 'vitest';
import { Request, Response, type App } from 'tsgi';
import { Client } from 'tsgi/test';
import { getSession, sessions } from 'tsgi/session';
import { cookieValue, get, NEW, OLD, sessionApp, setCookie, site } from './support.js';

afterEach(() => vi.useRealTimers());

describe('sessions: when the cookie is sent (Flask semantics)', () => {
  it('a handler that never reads the session gets neither Vary nor a cookie', async () => {
    const res = await get(sessionApp(), '/', 'session=whatever');
    expect(res.headers.has('Vary')).toBe(false);
    expect(res.headers.has('Set-Cookie')).toBe(false);
  });

  it('reading adds Vary: Cookie (once, after any Vary already there) and sends no cookie', async () => {
    const res = await get(sessionApp(), '/read?vary=1');
    expect(res.headers.getAll('Vary')).toEqual(['Accept-Encoding, Cookie']);
    expect(res.headers.has('Set-Cookie')).toBe(false);
    expect(await res.json()).toEqual({});
  });

  it('sets the cookie only when modified: HttpOnly, SameSite=Lax, Path=/, no Max-Age', async () => {
    const client = new Client(sessionApp());
    const set = await client.get('/set?user=ada');
    expect(setCookie(set)).toMatch(/^session=[\w-]+\.[\w-]+\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(set.headers.get('Vary')).toBe('Cookie');
    const read = await client.get('/read');
    expect(await read.json()).toEqual({ user: 'ada' });
    expect(read.headers.has('Set-Cookie')).toBe(false);
    expect(read.headers.get('Vary')).toBe('Cookie');
  });

  it('adds Secure on https, and Max-Age when permanent', async () => {
    const https = await new Client(sessionApp(), { baseUrl: 'https://example.com' }).get('/set?user=ada');
    expect(setCookie(https)).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const permanent = await get(sessionApp({ permanent: true, maxAge: 3600 }), '/set?user=ada');
    expect(setCookie(permanent)).toMatch(/; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('deletes the cookie when the session is emptied, with the same attributes', async () => {
    const client = new Client(sessionApp(), { baseUrl: 'https://example.com' });
    await client.get('/set?user=ada&theme=dark');
    expect(setCookie(await client.get('/delete?key=theme'))).toBeDefined();
    const emptied = await client.get('/delete?key=user');
    expect(setCookie(emptied)).toBe('session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax');
    expect(client.cookies!.get('session')).toBeUndefined();
    // Clearing a session that was never saved sends nothing.
    expect((await get(sessionApp(), '/clear')).headers.has('Set-Cookie')).toBe(false);
  });

  it('an optional __Host- prefix: Secure, Path=/, no Domain', async () => {
    const res = await get(sessionApp({ hostPrefix: true }), '/set?user=ada');
    expect(setCookie(res, '__Host-session')).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(() => sessionApp({ hostPrefix: true, domain: 'example.com' })).toThrow(/__Host- cookie must not set a domain/);
  });

  it('regenerate() issues a fresh cookie with the same data', async () => {
    const first = await get(sessionApp(), '/set?cart=1');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5000);
    const login = await get(sessionApp(), '/login?user=ada', `session=${cookieValue(first)}`);
    expect(await login.json()).toEqual({ cart: '1', user: 'ada' });
    expect(cookieValue(login)).not.toBe(cookieValue(first));
  });
});

describe('sessions: refused cookies', () => {
  it('one tampered character gives an empty session, and the bad cookie is deleted or replaced', async () => {
    const value = cookieValue(await get(sessionApp(), '/set?user=ada'));
    const tampered = value.replace('.', 'x.').slice(1);
    expect(tampered).not.toBe(value);
    for (let i = 0; i < value.length; i += 7) {
      const one = value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
      const res = await get(sessionApp(), '/read', `session=${one}`);
      expect(await res.json(), `character ${i}`).toEqual({});
      expect(setCookie(res), `character ${i}`).toMatch(/^session=; Max-Age=0;/);
    }
    const replaced = await get(sessionApp(), '/set?user=mallory', `session=${tampered}`);
    expect(await replaced.json()).toEqual({ user: 'mallory' });
    expect(cookieValue(replaced)).not.toBe(tampered);
  });

  it('accepts a cookie signed with an older secret and re-signs it with the newest; refuses it once the secret is gone', async () => {
    const old = cookieValue(await get(sessionApp({ secrets: [OLD] }), '/set?user=ada'));
    const rotated = await get(sessionApp({ secrets: [NEW, OLD] }), '/read', `session=${old}`);
    expect(await rotated.json()).toEqual({ user: 'ada' });
    const resigned = cookieValue(rotated); // sent although the session was not modified
    expect(resigned).not.toBe(old);
    expect(await (await get(sessionApp({ secrets: [NEW] }), '/read', `session=${resigned}`)).json()).toEqual({ user: 'ada' });
    const refused = await get(sessionApp({ secrets: [NEW] }), '/read', `session=${old}`);
    expect(await refused.json()).toEqual({});
    expect(setCookie(refused)).toMatch(/^session=; Max-Age=0;/);
  });

  it('refuses a value under another cookie name or salt', async () => {
    const value = cookieValue(await get(sessionApp(), '/set?user=ada'));
    expect(await (await get(sessionApp({ cookieName: 'other' }), '/read', `other=${value}`)).json()).toEqual({});
    expect(await (await get(sessionApp({ salt: 'another-app' }), '/read', `session=${value}`)).json()).toEqual({});
    expect(await (await get(sessionApp(), '/read', `session=${value}`)).json()).toEqual({ user: 'ada' });
  });

  it('refuses expired and future-dated cookies', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.UTC(2030, 0, 1);
    vi.setSystemTime(start);
    const value = cookieValue(await get(sessionApp({ maxAge: 3600 }), '/set?user=ada'));
    vi.setSystemTime(start + 3600_000);
    expect(await (await get(sessionApp({ maxAge: 3600 }), '/read', `session=${value}`)).json()).toEqual({ user: 'ada' });
    vi.setSystemTime(start + 3601_000);
    const expired = await get(sessionApp({ maxAge: 3600 }), '/read', `session=${value}`);
    expect(await expired.json()).toEqual({});
    expect(setCookie(expired)).toMatch(/^session=; Max-Age=0;/);
    vi.setSystemTime(start - 61_000);
    expect(await (await get(sessionApp({ maxAge: 3600 }), '/read', `session=${value}`)).json()).toEqual({});
    vi.setSystemTime(start - 59_000);
    expect(await (await get(sessionApp({ maxAge: 3600 }), '/read', `session=${value}`)).json()).toEqual({ user: 'ada' });
  });
});

describe('sessions: mistakes fail loudly', () => {
  it('saving a session over 4096 bytes throws, naming the size and a server-side store', async () => {
    const client = new Client(sessionApp(), { throwErrors: true });
    await expect(client.get(`/set?notes=${'x'.repeat(3100)}`)).rejects.toThrow(
      /^cookie "session" is 4\d{3} bytes \(name and value\), over the 4096 bytes browsers keep: they would drop it silently\. .*sessions\(app, \{ secrets, store \}\)/,
    );
    const answered = await get(sessionApp(), `/set?notes=${'x'.repeat(3100)}`);
    expect(answered.statusCode).toBe(500);
    expect(answered.headers.has('Set-Cookie')).toBe(false);
  });

  it('getSession outside sessions() says what to do', async () => {
    const res = await new Client(site, { throwErrors: true }).get('/read').catch((error: unknown) => error);
    expect(String(res)).toMatch(/getSession: this request has no session; wrap the app with sessions\(app, \{ secrets \}\)/);
  });

  it('options are checked when the app is built', () => {
    expect(() => sessionApp({ secrets: 'short' })).toThrow(/the secret is 5 bytes/);
    // @ts-expect-error: a misspelt option
    expect(() => sessionApp({ maxage: 60 })).toThrow(/unknown option 'maxage' \(did you mean 'maxAge'\?\)/);
    expect(() => sessionApp({ sameSite: 'Loose' as 'Lax' })).toThrow(/sameSite is invalid/);
    expect(() => sessionApp({ maxAge: 0 })).toThrow(/maxAge must be a positive whole number/);
    const every = {
      salt: 's', cookieName: 'sid', hostPrefix: false, maxAge: 60, permanent: true, maxSkew: 5, encrypt: true, path: '/',
      domain: 'example.com', secure: true, httpOnly: true, sameSite: 'strict', partitioned: false,
    } as const;
    expect(() => sessionApp(every)).not.toThrow();
  });
});

describe('sessions: apps of every shape', () => {
  it('an app that calls startResponse inside its body, reading the session from the environ', async () => {
    const raw: App = async function* (environ, startResponse) {
      const session = await getSession(environ);
      session.set('seen', true);
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      yield new TextEncoder().encode('streamed');
    };
    const res = await get(sessions(raw, { secrets: NEW }), '/');
    expect(await res.text()).toBe('streamed');
    expect(setCookie(res)).toBeDefined();
    expect(res.headers.get('Vary')).toBe('Cookie');
  });

  it('typed data, nested changes marked by hand', async () => {
    const app = sessions(
      Request.application(async (req) => {
        const session = await getSession<{ cart: string[] }>(req);
        const cart = session.get('cart');
        if (cart === undefined) session.set('cart', ['tea']);
        else {
          cart.push('cake');
          session.modified = true;
        }
        return Response.json(session.toJSON());
      }),
      { secrets: NEW },
    );
    const client = new Client(app);
    await client.get('/');
    expect(await (await client.get('/')).json()).toEqual({ cart: ['tea', 'cake'] });
  });
});
