import { describe, expect, it } from 'vitest';
import { proxyFix, parseForwarded, type ProxyFixOptions } from '../../src/middleware/proxy-fix.js';
import type { App, Environ } from '../../src/gateway.js';
import { rawEnviron, runRaw } from '../support/raw.js';

/** Runs the environ through proxyFix and returns what the app saw. */
async function seen(headers: Partial<Environ>, options?: ProxyFixOptions): Promise<Environ> {
  let inner: Environ | undefined;
  const app: App = (environ, start) => {
    inner = environ;
    start('204 No Content', []);
    return [];
  };
  await runRaw(
    proxyFix(app, options),
    rawEnviron({ REMOTE_ADDR: '10.0.0.9', REMOTE_PORT: '5000', HTTP_HOST: 'internal:8000', SERVER_NAME: 'internal', SERVER_PORT: '8000', ...headers }),
  );
  return inner!;
}

describe('proxyFix with X-Forwarded-*', () => {
  it('uses the value the trusted proxy appended (rightmost) and keeps the originals', async () => {
    const env = await seen({ HTTP_X_FORWARDED_FOR: '203.0.113.7', HTTP_X_FORWARDED_PROTO: 'https' });
    expect(env.REMOTE_ADDR).toBe('203.0.113.7');
    expect(env['tsgi.url_scheme']).toBe('https');
    expect(env['proxy_fix.orig']).toMatchObject({ REMOTE_ADDR: '10.0.0.9', 'tsgi.url_scheme': 'http', HTTP_HOST: 'internal:8000' });
    // Host and prefix are off by default.
    expect(env.HTTP_HOST).toBe('internal:8000');
  });

  it('ignores forged entries to the left of the trusted hops', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4, 6.6.6.6"; the one proxy appended the real peer.
    const env = await seen({ HTTP_X_FORWARDED_FOR: '1.2.3.4, 6.6.6.6, 198.51.100.2' });
    expect(env.REMOTE_ADDR).toBe('198.51.100.2');
    const two = await seen({ HTTP_X_FORWARDED_FOR: '1.2.3.4, 198.51.100.2, 10.1.1.1' }, { xFor: 2 });
    expect(two.REMOTE_ADDR).toBe('198.51.100.2');
  });

  it('ignores a header with fewer values than trusted hops', async () => {
    const env = await seen({ HTTP_X_FORWARDED_FOR: '198.51.100.2', HTTP_X_FORWARDED_PROTO: 'https' }, { xFor: 2, xProto: 2 });
    expect(env.REMOTE_ADDR).toBe('10.0.0.9');
    expect(env['tsgi.url_scheme']).toBe('http');
  });

  it('ignores values that are not addresses, schemes, hosts, ports or paths', async () => {
    const env = await seen(
      {
        HTTP_X_FORWARDED_FOR: '<script>',
        HTTP_X_FORWARDED_PROTO: 'javascript',
        HTTP_X_FORWARDED_HOST: 'evil.com/path',
        HTTP_X_FORWARDED_PORT: '99999',
        HTTP_X_FORWARDED_PREFIX: '/app/../admin',
      },
      { xHost: 1, xPort: 1, xPrefix: 1 },
    );
    expect(env.REMOTE_ADDR).toBe('10.0.0.9');
    expect(env['tsgi.url_scheme']).toBe('http');
    expect(env.HTTP_HOST).toBe('internal:8000');
    expect(env.SERVER_PORT).toBe('8000');
    expect(env.SCRIPT_NAME).toBe('');
    for (const bad of ['unknown', '999.1.1.1', 'example.com', '1.2.3', '::1::2', '_hidden', '']) {
      expect((await seen({ HTTP_X_FORWARDED_FOR: bad })).REMOTE_ADDR).toBe('10.0.0.9');
    }
  });

  it('accepts IPv6 and addresses with ports', async () => {
    expect((await seen({ HTTP_X_FORWARDED_FOR: '2001:db8::1' })).REMOTE_ADDR).toBe('2001:db8::1');
    const bracketed = await seen({ HTTP_X_FORWARDED_FOR: '[2001:db8::1]:4711' });
    expect([bracketed.REMOTE_ADDR, bracketed.REMOTE_PORT]).toEqual(['2001:db8::1', '4711']);
    const v4 = await seen({ HTTP_X_FORWARDED_FOR: '192.0.2.1:80' });
    expect([v4.REMOTE_ADDR, v4.REMOTE_PORT]).toEqual(['192.0.2.1', '80']);
    expect((await seen({ HTTP_X_FORWARDED_FOR: '::ffff:192.0.2.1' })).REMOTE_ADDR).toBe('::ffff:192.0.2.1');
  });

  it('sets host, port and prefix when trusted', async () => {
    const env = await seen(
      { HTTP_X_FORWARDED_HOST: 'example.com', HTTP_X_FORWARDED_PORT: '8443', HTTP_X_FORWARDED_PROTO: 'https', HTTP_X_FORWARDED_PREFIX: '/my%20app/' },
      { xHost: 1, xPort: 1, xPrefix: 1 },
    );
    expect(env.HTTP_HOST).toBe('example.com:8443');
    expect(env.SERVER_NAME).toBe('example.com');
    expect(env.SERVER_PORT).toBe('8443');
    expect(env.SCRIPT_NAME).toBe('/my app');
    const v6 = await seen({ HTTP_X_FORWARDED_HOST: '[2001:db8::5]:8080' }, { xHost: 1 });
    expect([v6.HTTP_HOST, v6.SERVER_NAME, v6.SERVER_PORT]).toEqual(['[2001:db8::5]:8080', '2001:db8::5', '8080']);
    const withPort = await seen({ HTTP_X_FORWARDED_HOST: 'example.com', HTTP_X_FORWARDED_PROTO: 'https' }, { xHost: 1 });
    expect(withPort.SERVER_PORT).toBe('443');
  });

  it('reads only the rightmost 100 entries of a huge header, in linear time', async () => {
    const forged = Array.from({ length: 200_000 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`).join(', ');
    const started = performance.now();
    const env = await seen({ HTTP_X_FORWARDED_FOR: `${forged}, 198.51.100.2` });
    expect(env.REMOTE_ADDR).toBe('198.51.100.2');
    expect(performance.now() - started).toBeLessThan(500);
    expect(() => proxyFix((_, s) => (s('200 OK', []), []), { xFor: 101 })).toThrow(TypeError);
  });
});

describe('proxyFix with Forwarded (RFC 7239)', () => {
  const on = { forwarded: true, xHost: 1 } as const;

  it('reads for, proto and host from the element the trusted proxy added', async () => {
    const env = await seen({ HTTP_FORWARDED: 'for=1.2.3.4;proto=http, for=192.0.2.60;proto=https;host="example.com:8443"' }, on);
    expect(env.REMOTE_ADDR).toBe('192.0.2.60');
    expect(env['tsgi.url_scheme']).toBe('https');
    expect([env.HTTP_HOST, env.SERVER_NAME, env.SERVER_PORT]).toEqual(['example.com:8443', 'example.com', '8443']);
  });

  it('handles quoted IPv6 with ports, case-insensitive names and escapes', async () => {
    const env = await seen({ HTTP_FORWARDED: 'For="[2001:db8:cafe::17]:4711";PROTO=https' }, on);
    expect([env.REMOTE_ADDR, env.REMOTE_PORT, env['tsgi.url_scheme']]).toEqual(['2001:db8:cafe::17', '4711', 'https']);
    expect(parseForwarded('for="a\\"b;c,d";by=x')).toEqual([{ for: 'a"b;c,d', by: 'x' }]);
  });

  it('leaves REMOTE_ADDR alone for obfuscated identifiers and unknown', async () => {
    expect((await seen({ HTTP_FORWARDED: 'for=_hidden' }, on)).REMOTE_ADDR).toBe('10.0.0.9');
    expect((await seen({ HTTP_FORWARDED: 'for="_gazonk"' }, on)).REMOTE_ADDR).toBe('10.0.0.9');
    expect((await seen({ HTTP_FORWARDED: 'for=unknown' }, on)).REMOTE_ADDR).toBe('10.0.0.9');
  });

  it('does not let a forged element with commas or semicolons in quotes shift the hops', async () => {
    // The client sent a quoted value full of separators; the proxy appended its own element.
    const env = await seen({ HTTP_FORWARDED: 'for="6.6.6.6, for=7.7.7.7;proto=https", for=198.51.100.9' }, on);
    expect(env.REMOTE_ADDR).toBe('198.51.100.9');
    expect(env['tsgi.url_scheme']).toBe('http');
    // Junk from the client is dropped along with everything to its left.
    expect(parseForwarded('garbage;;==, for=1.1.1.1, , for=2.2.2.2')).toEqual([{ for: '1.1.1.1' }, { for: '2.2.2.2' }]);
    // An unterminated quote spoils the whole header: nothing is trusted.
    expect((await seen({ HTTP_FORWARDED: 'for="6.6.6.6, for=198.51.100.9' }, on)).REMOTE_ADDR).toBe('10.0.0.9');
  });

  it('ignores X-Forwarded-For/Proto/Host when Forwarded is the trusted header', async () => {
    const env = await seen({ HTTP_X_FORWARDED_FOR: '6.6.6.6', HTTP_X_FORWARDED_PROTO: 'https', HTTP_X_FORWARDED_HOST: 'evil' }, on);
    expect(env.REMOTE_ADDR).toBe('10.0.0.9');
    expect(env['tsgi.url_scheme']).toBe('http');
    expect(env.HTTP_HOST).toBe('internal:8000');
  });

  it('keeps only the rightmost 100 elements', () => {
    const header = Array.from({ length: 150 }, (_, i) => `for=10.0.0.${i % 250}`).join(', ');
    const parsed = parseForwarded(header);
    expect(parsed).toHaveLength(100);
    expect(parsed[99]).toEqual({ for: '10.0.0.149' });
  });
});
