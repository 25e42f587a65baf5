/**
 * Cookies as people write them (issue 14, section 5): `setCookie(name, value)` with no options must
 * reach every path of the site, and `sameSite` is accepted in any case.
 */
import { describe, expect, it } from 'vitest';
import { Request, Response } from '../../src/index.js';
import { Client } from '../../src/adapters/test/index.js';

const app = Request.application((req) => {
  if (req.path === '/account/login') {
    const res = new Response('logged in');
    res.setCookie('session', 'abc');
    res.setCookie('theme', 'dark', { sameSite: 'Lax' });
    res.setCookie('scoped', 'x', { path: '/account' });
    return res;
  }
  if (req.path === '/account/logout') {
    const res = new Response('bye');
    res.deleteCookie('session');
    return res;
  }
  return Response.json(req.cookies);
});

describe('setCookie and deleteCookie as a newcomer writes them', () => {
  it('a cookie set while handling /account/login reaches /', async () => {
    const client = new Client(app);
    const login = await client.get('/account/login');
    expect(login.headers.getAll('Set-Cookie')).toEqual([
      'session=abc; Path=/',
      'theme=dark; Path=/; SameSite=Lax',
      'scoped=x; Path=/account',
    ]);
    expect(await (await client.get('/')).json()).toEqual({ session: 'abc', theme: 'dark' });
    expect(await (await client.get('/account/profile')).json()).toEqual({ session: 'abc', theme: 'dark', scoped: 'x' });
  });

  it('deleteCookie(name) deletes the cookie setCookie(name, value) set', async () => {
    const client = new Client(app);
    await client.get('/account/login');
    const logout = await client.get('/account/logout');
    expect(logout.headers.get('Set-Cookie')).toBe('session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(await (await client.get('/')).json()).toEqual({ theme: 'dark' });
  });

  it("sameSite: 'Lax' is accepted and written canonically; a wrong value names the valid ones", () => {
    const res = new Response('');
    res.setCookie('a', '1', { sameSite: 'Lax' });
    res.setCookie('b', '1', { sameSite: 'STRICT' });
    expect(res.headers.getAll('Set-Cookie')).toEqual(['a=1; Path=/; SameSite=Lax', 'b=1; Path=/; SameSite=Strict']);
    expect(() => res.setCookie('c', '1', { sameSite: 'sometimes' as 'lax' })).toThrow(/use one of lax, strict, none/);
  });
});
