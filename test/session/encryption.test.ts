import { describe, expect, it, vi } from 'vitest';
import { Client } from 'tsgi/test';
import { cookieValue, get, NEW, OLD, sessionApp, setCookie } from './support.js';

describe('sessions with encrypt: true', () => {
  it('round-trips the data, which the cookie does not show', async () => {
    const client = new Client(sessionApp({ encrypt: true }));
    const res = await client.get('/set?user=ada&role=admin');
    const value = cookieValue(res);
    expect(value).toMatch(/^[\w-]+\.[\w-]+$/);
    const text = new TextDecoder().decode(Uint8Array.from(atob(value.split('.')[0].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    expect(text).not.toMatch(/ada|admin|user/);
    expect(await (await client.get('/read')).json()).toEqual({ user: 'ada', role: 'admin' });
    // A new IV each time: the same data never gives the same cookie.
    expect(cookieValue(await get(sessionApp({ encrypt: true }), '/set?user=ada&role=admin'))).not.toBe(value);
  });

  it('a tampered character, timestamp or name gives an empty session and deletes the cookie', async () => {
    const app = sessionApp({ encrypt: true });
    const value = cookieValue(await get(app, '/set?user=ada'));
    const [sealed, stamp] = value.split('.');
    const cases = [
      `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}.${stamp}`,
      `${sealed}.${stamp.slice(0, -1)}${stamp.endsWith('A') ? 'B' : 'A'}`,
      `${sealed}`,
      `${sealed.slice(0, 20)}.${stamp}`,
    ];
    for (const bad of cases) {
      const res = await get(app, '/read', `session=${bad}`);
      expect(await res.json(), bad).toEqual({});
      expect(setCookie(res), bad).toMatch(/^session=; Max-Age=0;/);
    }
    // Sealed for "session", refused under another name; a signed (unencrypted) cookie is refused too.
    expect(await (await get(sessionApp({ encrypt: true, cookieName: 'other' }), '/read', `other=${value}`)).json()).toEqual({});
    const signed = cookieValue(await get(sessionApp(), '/set?user=ada'));
    expect(await (await get(app, '/read', `session=${signed}`)).json()).toEqual({});
  });

  it('rotates keys: an old-key cookie opens and is re-encrypted with the newest; refused once the key is gone', async () => {
    const old = cookieValue(await get(sessionApp({ encrypt: true, secrets: [OLD] }), '/set?user=ada'));
    const rotated = await get(sessionApp({ encrypt: true, secrets: [NEW, OLD] }), '/read', `session=${old}`);
    expect(await rotated.json()).toEqual({ user: 'ada' });
    const resealed = cookieValue(rotated);
    const onlyNew = sessionApp({ encrypt: true, secrets: [NEW] });
    expect(await (await get(onlyNew, '/read', `session=${resealed}`)).json()).toEqual({ user: 'ada' });
    expect(await (await get(onlyNew, '/read', `session=${old}`)).json()).toEqual({});
  });

  it('expires on the server after maxAge', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const app = sessionApp({ encrypt: true, maxAge: 60 });
      const value = cookieValue(await get(app, '/set?user=ada'));
      vi.setSystemTime(Date.now() + 61_000);
      expect(await (await get(app, '/read', `session=${value}`)).json()).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });
});
