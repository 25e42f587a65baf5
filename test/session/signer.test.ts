import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BadSignature, decodeBase64Url, encodeBase64Url, Serializer, SignatureExpired, Signer, TimestampSigner,
} from 'tsgi/session';

const NEW = 'new-secret-new-secret-new-secret!';
const OLD = 'old-secret-old-secret-old-secret!';
const T0 = Date.UTC(2030, 0, 1); // a fixed clock, in milliseconds

/** Changes the character at `index` to another base64url character. */
function flip(token: string, index: number): string {
  const c = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + c + token.slice(index + 1);
}

afterEach(() => vi.restoreAllMocks());

describe('Signer', () => {
  it('signs value.signature and verifies it', async () => {
    const signer = new Signer({ secrets: NEW });
    const token = await signer.sign('user.42');
    expect(token).toMatch(/^user\.42\.[\w-]{43}$/);
    expect(await signer.unsign(token)).toEqual({ value: 'user.42', stale: false });
    expect(await signer.validate(token)).toBe(true);
  });

  it('refuses a token with any one character changed', async () => {
    const signer = new Signer({ secrets: NEW });
    const token = await signer.sign('ada');
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      await expect(signer.unsign(flip(token, i)), `character ${i}`).rejects.toThrow(BadSignature);
    }
    await expect(signer.unsign('no-dot')).rejects.toThrow(BadSignature);
    await expect(signer.unsign(`${token}=`)).rejects.toThrow(BadSignature);
    expect(await signer.validate('')).toBe(false);
  });

  it('signs with the newest secret and verifies older ones as stale, until removed', async () => {
    const before = new Signer({ secrets: [OLD] });
    const token = await before.sign('ada');
    const rotated = new Signer({ secrets: [NEW, OLD] });
    expect(await rotated.unsign(token)).toEqual({ value: 'ada', stale: true });
    const resigned = await rotated.sign('ada');
    expect(resigned).not.toBe(token);
    expect(await rotated.unsign(resigned)).toEqual({ value: 'ada', stale: false });
    const after = new Signer({ secrets: [NEW] });
    await expect(after.unsign(token)).rejects.toThrow('does not match');
    expect(await after.unsign(resigned)).toEqual({ value: 'ada', stale: false });
  });

  it('keeps purposes apart: another salt or context refuses the value', async () => {
    const reset = new Signer({ secrets: NEW, salt: 'password-reset' });
    const confirm = new Signer({ secrets: NEW, salt: 'email-confirm' });
    const token = await reset.sign('ada');
    await expect(confirm.unsign(token)).rejects.toThrow(BadSignature);
    const bound = await reset.sign('ada', { context: 'user' });
    await expect(reset.unsign(bound)).rejects.toThrow(BadSignature);
    await expect(reset.unsign(bound, { context: 'admin' })).rejects.toThrow(BadSignature);
    expect((await reset.unsign(bound, { context: 'user' })).value).toBe('ada');
    await expect(reset.sign('x', { context: 'a=b' })).rejects.toThrow(TypeError);
  });

  it('demands secrets of 32 bytes or more, saying which one is short', () => {
    expect(() => new Signer({ secrets: 'short' })).toThrow(/the secret is 5 bytes; use at least 32 random bytes/);
    expect(() => new Signer({ secrets: [NEW, 'short'] })).toThrow(/secret 1 \(of 2, newest first\) is 5 bytes/);
    expect(() => new Signer({ secrets: [] })).toThrow(/non-empty list/);
    expect(() => new Signer({ secrets: new Uint8Array(31) })).toThrow(RangeError);
    expect(() => new Signer({ secrets: new Uint8Array(32) })).not.toThrow();
    // @ts-expect-error: a misspelt option
    expect(() => new Signer({ secrets: NEW, slat: 'x' })).toThrow(/unknown option 'slat' \(did you mean 'salt'\?\)/);
  });

  it('derives its keys once per signer, not per call', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    const signer = new Signer({ secrets: [NEW, OLD] });
    await Promise.all([signer.sign('a'), signer.sign('b'), signer.unsign(await signer.sign('c'))]);
    expect(derive).toHaveBeenCalledTimes(2);
  });

  it('verifies with crypto.subtle.verify (constant-time), never by comparing strings', async () => {
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const signer = new Signer({ secrets: [NEW, OLD] });
    await signer.validate(await signer.sign('a'));
    expect(verify).toHaveBeenCalledTimes(1);
  });
});

describe('TimestampSigner', () => {
  const clock = (ms: number) => () => ms;

  it('refuses a value older than maxAge with SignatureExpired, telling when it was signed', async () => {
    const token = await new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0) }).sign('ada');
    const later = new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0 + 60_000) });
    expect(await later.unsign(token)).toEqual({ value: 'ada', stale: false, timestamp: T0 / 1000 });
    const tooLate = new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0 + 61_000) });
    const error = await tooLate.unsign(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureExpired);
    expect((error as SignatureExpired).timestamp).toBe(T0 / 1000);
    expect((error as Error).message).toBe('signed 61 s ago, more than maxAge (60 s)');
    expect((await tooLate.unsign(token, { maxAge: 120 })).value).toBe('ada');
  });

  it('refuses a value dated past the clock-skew allowance', async () => {
    const future = await new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0 + 61_000) }).sign('ada');
    const now = new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0) });
    const error = await now.unsign(future).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadSignature);
    expect(error).not.toBeInstanceOf(SignatureExpired);
    expect((error as Error).message).toMatch(/signed 61 s in the future, more than maxSkew \(60 s\)/);
    const near = await new TimestampSigner({ secrets: NEW, maxAge: 60, now: clock(T0 + 30_000) }).sign('ada');
    expect((await now.unsign(near)).value).toBe('ada');
    const strict = new TimestampSigner({ secrets: NEW, maxAge: 60, maxSkew: 0, now: clock(T0) });
    await expect(strict.unsign(near)).rejects.toThrow(/in the future/);
  });

  it('signs value.timestamp.signature, the timestamp tamper-proof too', async () => {
    const signer = new TimestampSigner({ secrets: NEW, maxAge: Infinity, now: clock(T0) });
    const token = await signer.sign('a.b');
    const [, stamp] = /^a\.b\.([\w-]+)\.[\w-]{43}$/.exec(token)!;
    expect(stamp).toBe(encodeBase64Url(new Uint8Array([0x70, 0xdb, 0xd8, 0x80])));
    await expect(signer.unsign(token.replace(`.${stamp}.`, '.cNvYgQ.'))).rejects.toThrow(BadSignature);
    // A token of the plain signer has no timestamp to give.
    await expect(signer.unsign(await new Signer({ secrets: NEW }).sign('ada'))).rejects.toThrow(BadSignature);
  });

  it('wants maxAge said out loud', () => {
    // @ts-expect-error: maxAge is required
    expect(() => new TimestampSigner({ secrets: NEW })).toThrow(/maxAge must be a number of seconds/);
    expect(() => new TimestampSigner({ secrets: NEW, maxAge: -1 })).toThrow(TypeError);
  });
});

describe('Serializer', () => {
  it('round-trips JSON values as base64url tokens', async () => {
    const tokens = new Serializer(new TimestampSigner({ secrets: [NEW, OLD], salt: 'invite', maxAge: 600, now: () => T0 }));
    const token = await tokens.dumps({ team: 7, name: 'Zoë ✓' });
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]{43}$/);
    expect(await tokens.loads(token)).toEqual({ value: { team: 7, name: 'Zoë ✓' }, stale: false, timestamp: T0 / 1000 });
    const plain = new Serializer(new Signer({ secrets: NEW }));
    expect(await plain.loads(await plain.dumps([1, null]))).toEqual({ value: [1, null], stale: false, timestamp: undefined });
    await expect(plain.dumps(undefined)).rejects.toThrow(TypeError);
  });
});

describe('base64url', () => {
  it('accepts one spelling per byte string', () => {
    expect(encodeBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(decodeBase64Url('-_8')).toEqual(new Uint8Array([251, 255]));
    for (const bad of ['-_9', '-_8=', 'a+b', 'a', 'ab c']) expect(decodeBase64Url(bad), bad).toBeUndefined();
  });
});
