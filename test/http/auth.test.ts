import { describe, expect, it } from 'vitest';
import {
  Authorization,
  WWWAuthenticate,
  basicChallenge,
  bearerChallenge,
  parseAuthorization,
  parseWwwAuthenticate,
} from '../../src/http/auth.js';

const b64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

describe('parseAuthorization', () => {
  it('reads Basic credentials, UTF-8 included', () => {
    const auth = parseAuthorization('Basic dXNlcjpwYXNz')!;
    expect(auth.type).toBe('basic');
    expect(auth.username).toBe('user');
    expect(auth.password).toBe('pass');
    expect(parseAuthorization(`basic ${b64('jösé:pä:ss')}`)).toMatchObject({ username: 'jösé', password: 'pä:ss' });
    expect(parseAuthorization(`Basic ${b64(':')}`)).toMatchObject({ username: '', password: '' });
    expect(parseAuthorization(`Basic ${b64('u:p').replace(/=+$/, '')}`)?.username).toBe('u');
  });
  it('gives null for broken Basic credentials', () => {
    const bad = ['Basic', 'Basic ', 'Basic !!!', 'Basic dXNlcjpwYXNz!', 'Basic ====', `Basic ${b64('nocolon')}`,
      `Basic ${btoa('\xff\xfe:x')}`, 'Basic dXNlcjpwYXNz dXNlcjpwYXNz', 'Basic a'];
    for (const header of bad) expect(parseAuthorization(header), header).toBeNull();
    // Not Basic at all: an unknown token scheme without credentials.
    expect(parseAuthorization('Basic%20dXNlcjpwYXNz')?.type).toBe('basic%20dxnlcjpwyxnz');
  });
  it('reads Bearer tokens', () => {
    expect(parseAuthorization('Bearer abc.def-ghi_~+/==')?.token).toBe('abc.def-ghi_~+/==');
    expect(parseAuthorization('Bearer')).toBeNull();
    expect(parseAuthorization('Bearer a b')).toBeNull();
  });
  it('reads Digest and other parameter schemes, with quotes and escapes', () => {
    const auth = parseAuthorization(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", nc=00000001, response="a\\"b,c"',
    )!;
    expect(auth.type).toBe('digest');
    expect(auth.username).toBe('Mufasa');
    expect(auth.parameters).toMatchObject({ realm: 'http-auth@example.org', uri: '/dir/index.html', nc: '00000001', response: 'a"b,c' });
    expect(parseAuthorization('Custom')?.type).toBe('custom');
    expect(parseAuthorization('Custom tok68=')?.token).toBe('tok68=');
  });
  it('never throws on garbage', () => {
    const garbage = ['', ' ', '\u0000', '"Basic" x', 'Digest "unterminated', 'Digest ,,,', '(', 'Basic ' + 'A'.repeat(20_000), '\uD800'];
    for (const header of garbage) expect(() => parseAuthorization(header)).not.toThrow();
    expect(parseAuthorization('Digest ,,,')).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
  it('builds headers', () => {
    expect(String(Authorization.basic('user', 'pass'))).toBe('Basic dXNlcjpwYXNz');
    expect(parseAuthorization(String(Authorization.basic('jö', 'ß')))).toMatchObject({ username: 'jö', password: 'ß' });
    expect(String(Authorization.bearer('t0k'))).toBe('Bearer t0k');
    expect(() => Authorization.basic('a:b', 'c')).toThrow(TypeError);
    expect(() => Authorization.bearer('a b')).toThrow(TypeError);
    expect(String(parseAuthorization('Digest username="a b", nc=1'))).toBe('Digest username="a b", nc=1');
  });
});

describe('WWWAuthenticate', () => {
  it('builds challenges', () => {
    expect(String(basicChallenge('admin "area"'))).toBe('Basic realm="admin \\"area\\"", charset="UTF-8"');
    expect(String(bearerChallenge({ realm: 'api', error: 'invalid_token' }))).toBe('Bearer realm="api", error="invalid_token"');
    const challenge = new WWWAuthenticate('Newauth');
    expect(String(challenge)).toBe('Newauth');
    challenge.realm = 'x';
    expect(challenge.realm).toBe('x');
    expect(String(challenge)).toBe('Newauth realm="x"');
    challenge.realm = undefined;
    expect(String(challenge)).toBe('Newauth');
    expect(() => new WWWAuthenticate('bad scheme')).toThrow(TypeError);
  });
  it('parses several challenges from one header', () => {
    const challenges = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", Bearer');
    expect(challenges.map((c) => c.type)).toEqual(['Newauth', 'Basic', 'Bearer']);
    expect(challenges[0].parameters).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
    expect(challenges[1].realm).toBe('simple');
    expect(parseWwwAuthenticate('Negotiate abc==')[0].token).toBe('abc==');
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('realm="orphan"')).toEqual([]);
  });
  it('reads a scheme after leading whitespace other than spaces, and never throws on it', () => {
    // Found by the hostile-input property test: the scheme used to be taken from the untrimmed item.
    expect(parseWwwAuthenticate('\n#').map(String)).toEqual(['#']);
    expect(parseWwwAuthenticate('\r\n Basic realm="a"').map(String)).toEqual(['Basic realm="a"']);
    expect(parseWwwAuthenticate('\n\t')).toEqual([]);
  });
});
