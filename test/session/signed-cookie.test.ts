import { describe, expect, it } from 'vitest';
import { Request, Response } from 'tsgi';
import { Client } from 'tsgi/test';
import { getSignedCookie, setSignedCookie, TimestampSigner } from 'tsgi/session';

const NEW = 'new-secret-new-secret-new-secret!';
const OLD = 'old-secret-old-secret-old-secret!';

function signer(secrets: string[], options: { salt?: string; now?: number } = {}): TimestampSigner {
  const now = options.now ?? Date.now();
  return new TimestampSigner({ secrets, salt: options.salt ?? 'login', maxAge: 3600, now: () => now });
}

/** The value a `Set-Cookie` header gives its cookie. */
async function signedValue(name: string, value: string, by: TimestampSigner): Promise<string> {
  const res = new Response('');
  await setSignedCookie(res, name, value, by);
  return /^[^=]+=([^;]*)/.exec(res.headers.get('Set-Cookie')!)![1];
}

describe('setSignedCookie / getSignedCookie', () => {
  it('a login cookie, as an app writes it', async () => {
    const login = signer([NEW]);
    const app = Request.application(async (req) => {
      if (req.path === '/login') {
        const res = new Response('welcome');
        await setSignedCookie(res, 'user', 'ada', login, { httpOnly: true, sameSite: 'Lax' });
        return res;
      }
      const user = await getSignedCookie(req, 'user', login);
      return new Response(user ? `Hello, ${user.value}!` : 'Hello, stranger!');
    });
    const client = new Client(app);
    const res = await client.get('/login');
    // Max-Age follows the signer's maxAge, so the browser forgets it when the server would refuse it.
    expect(res.headers.get('Set-Cookie')).toMatch(/^user=ada\.[\w-]+\.[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await (await client.get('/')).text()).toBe('Hello, ada!');
    expect(await (await new Client(app).get('/')).text()).toBe('Hello, stranger!');
  });

  it('refuses a value with one character changed', async () => {
    const login = signer([NEW]);
    const value = await signedValue('user', 'ada', login);
    expect(await getSignedCookie({ cookies: { user: value } }, 'user', login)).toMatchObject({ value: 'ada', stale: false });
    expect(await getSignedCookie({ cookies: { user: value.replace('ada', 'adb') } }, 'user', login)).toBeUndefined();
    expect(await getSignedCookie({ cookies: { user: `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}` } }, 'user', login)).toBeUndefined();
    expect(await getSignedCookie({ cookies: {} }, 'user', login)).toBeUndefined();
  });

  it('refuses a value under another cookie name or signed with another salt', async () => {
    const login = signer([NEW]);
    const value = await signedValue('user', 'ada', login);
    expect(await getSignedCookie({ cookies: { admin: value } }, 'admin', login)).toBeUndefined();
    expect(await getSignedCookie({ cookies: { user: value } }, 'user', signer([NEW], { salt: 'other' }))).toBeUndefined();
  });

  it('refuses expired and future-dated values', async () => {
    const now = Date.UTC(2030, 0, 1);
    const value = await signedValue('user', 'ada', signer([NEW], { now }));
    expect(await getSignedCookie({ cookies: { user: value } }, 'user', signer([NEW], { now: now + 3600_000 }))).toBeDefined();
    expect(await getSignedCookie({ cookies: { user: value } }, 'user', signer([NEW], { now: now + 3601_000 }))).toBeUndefined();
    expect(await getSignedCookie({ cookies: { user: value } }, 'user', signer([NEW], { now: now - 61_000 }))).toBeUndefined();
  });

  it('reports an old-key value as stale so the app re-issues it, and refuses it once the key is gone', async () => {
    const old = await signedValue('user', 'ada', signer([OLD]));
    const rotated = signer([NEW, OLD]);
    const read = await getSignedCookie({ cookies: { user: old } }, 'user', rotated);
    expect(read).toMatchObject({ value: 'ada', stale: true });
    const reissued = await signedValue('user', read!.value, rotated);
    expect(await getSignedCookie({ cookies: { user: reissued } }, 'user', signer([NEW]))).toMatchObject({ value: 'ada', stale: false });
    expect(await getSignedCookie({ cookies: { user: old } }, 'user', signer([NEW]))).toBeUndefined();
  });

  it('keeps any value as it was, percent-encoded on the wire', async () => {
    const login = signer([NEW]);
    const value = 'Zoë; path=/x, "quoted"';
    const res = new Response('');
    await setSignedCookie(res, 'user', value, login);
    const raw = decodeURIComponent(/^user=([^;]*)/.exec(res.headers.get('Set-Cookie')!)![1]);
    expect((await getSignedCookie({ cookies: { user: raw } }, 'user', login))?.value).toBe(value);
  });

  it('fails loudly for a cookie browsers would drop (over 4096 bytes of name and value)', async () => {
    const login = signer([NEW]);
    const res = new Response('');
    // name (4) + value + "." + timestamp (6) + "." + signature (43)
    await expect(setSignedCookie(res, 'user', 'x'.repeat(4042), login)).rejects.toThrow(
      /^cookie "user" is 4097 bytes \(name and value\), over the 4096 bytes browsers keep: they would drop it silently\./,
    );
    expect(res.headers.has('Set-Cookie')).toBe(false);
    await setSignedCookie(res, 'user', 'x'.repeat(4041), login);
    expect(res.headers.has('Set-Cookie')).toBe(true);
  });
});
