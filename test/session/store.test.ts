import { describe, expect, it } from 'vitest';
import { Client } from 'tsgi/test';
import { MemoryStore, type SessionData, type SessionStore } from 'tsgi/session';
import { cookieValue, get, sessionApp, setCookie } from './support.js';

describe('MemoryStore', () => {
  it('is bounded: past maxEntries the least recently used session goes', () => {
    const store = new MemoryStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) store.set(id, { id }, 60);
    expect(store.get('a')).toEqual({ id: 'a' }); // a is now the most recently used
    store.set('d', { id: 'd' }, 60);
    expect(store.size).toBe(3);
    expect(store.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((id) => store.get(id)?.id)).toEqual(['a', 'c', 'd']);
    for (let i = 0; i < 10_000; i++) store.set(`id-${i}`, { i }, 60);
    expect(store.size).toBe(3);
  });

  it('forgets a session after its TTL, and drops expired ones as it goes', () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    store.set('a', { x: 1 }, 10);
    store.set('b', { x: 2 }, 20);
    now = 10_000;
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toEqual({ x: 2 });
    now = 20_000;
    store.set('c', { x: 3 }, 10); // b expired: dropped on the way
    expect(store.size).toBe(1);
  });

  it('hands out copies, so no two requests share an object', () => {
    const store = new MemoryStore();
    const data: SessionData = { cart: ['tea'] };
    store.set('a', data, 60);
    (data.cart as string[]).push('cake');
    const read = store.get('a')!;
    expect(read).toEqual({ cart: ['tea'] });
    (read.cart as string[]).push('jam');
    expect(store.get('a')).toEqual({ cart: ['tea'] });
    expect(() => new MemoryStore({ maxEntries: 0 })).toThrow(/maxEntries must be a positive integer/);
  });
});

describe('sessions with a server-side store', () => {
  it('keeps the data on the server; the cookie holds a signed random id', async () => {
    const store = new MemoryStore();
    const client = new Client(sessionApp({ store }));
    const res = await client.get(`/set?notes=${'x'.repeat(10_000)}`); // far past what a cookie holds
    const value = cookieValue(res);
    expect(value).toMatch(/^[\w-]{43}\.[\w-]+\.[\w-]{43}$/);
    expect(store.size).toBe(1);
    expect(store.get(value.slice(0, 43))).toEqual({ notes: 'x'.repeat(10_000) });
    expect(((await (await client.get('/read')).json()) as { notes: string }).notes).toHaveLength(10_000);
  });

  it('regenerate() moves the data to a new id and deletes the old record (fixation defence)', async () => {
    const store = new MemoryStore();
    const app = sessionApp({ store });
    const planted = cookieValue(await get(app, '/set?cart=1'));
    const login = await get(app, '/login?user=ada', `session=${planted}`);
    const fresh = cookieValue(login);
    expect(fresh.slice(0, 43)).not.toBe(planted.slice(0, 43));
    expect(store.get(planted.slice(0, 43))).toBeUndefined();
    expect(store.get(fresh.slice(0, 43))).toEqual({ cart: '1', user: 'ada' });
    // The planted cookie is worth nothing now: an empty session, and the cookie deleted.
    const attacker = await get(app, '/read', `session=${planted}`);
    expect(await attacker.json()).toEqual({});
    expect(setCookie(attacker)).toMatch(/^session=; Max-Age=0;/);
  });

  it('clearing deletes the record and the cookie', async () => {
    const store = new MemoryStore();
    const app = sessionApp({ store });
    const value = cookieValue(await get(app, '/set?user=ada'));
    const cleared = await get(app, '/clear', `session=${value}`);
    expect(setCookie(cleared)).toMatch(/^session=; Max-Age=0;/);
    expect(store.size).toBe(0);
  });

  it('refuses a forged id without asking the store, and passes the store maxAge as TTL', async () => {
    const calls: string[] = [];
    const inner = new MemoryStore();
    const store: SessionStore = {
      get: (id) => (calls.push(`get ${id.length}`), inner.get(id)),
      set: async (id, data, ttl) => (calls.push(`set ${ttl}`), inner.set(id, data, ttl)),
      delete: (id) => inner.delete(id),
    };
    const app = sessionApp({ store, maxAge: 600 });
    await get(app, '/set?user=ada');
    await get(app, '/read', `session=${'A'.repeat(43)}.AAAA.${'B'.repeat(43)}`);
    expect(calls).toEqual(['set 600']);
  });

  it('does not mix with encryption', () => {
    expect(() => sessionApp({ store: new MemoryStore(), encrypt: true })).toThrow(/encrypt and store exclude each other/);
    expect(() => sessionApp({ store: {} as SessionStore })).toThrow(/store.get must be a function/);
  });

  it('an unknown id (record expired or deleted) gives an empty session', async () => {
    const store = new MemoryStore();
    const app = sessionApp({ store, maxAge: 60 });
    const value = cookieValue(await get(app, '/set?user=ada'));
    store.delete(value.slice(0, 43));
    const res = await get(app, '/read', `session=${value}`);
    expect(await res.json()).toEqual({});
    expect(setCookie(res)).toMatch(/^session=; Max-Age=0;/);
  });
});
