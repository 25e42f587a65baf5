import { describe, expect, it } from 'vitest';
import { isLocalRequest, isLoopbackAddress, isLoopbackHost } from '../../src/debug/local.js';
import { createEnviron } from '../../src/request/create-environ.js';

describe('isLoopbackAddress', () => {
  it('accepts 127.0.0.0/8, ::1 in both forms and IPv4-mapped loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const address of [undefined, '', '10.0.0.1', '128.0.0.1', '127.0.0.256', '127.0.0', '::2', '::ffff:10.0.0.1', '0.0.0.0', '::', 'localhost']) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });
});

describe('isLoopbackHost', () => {
  it('accepts localhost, 127.x and [::1], with any port', () => {
    for (const host of ['localhost', 'LOCALHOST:8000', '127.0.0.1', '127.0.0.1:5173', '127.9.9.9:1', '[::1]', '[::1]:8000']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('refuses other names, even ones that resolve to 127.0.0.1 (DNS rebinding)', () => {
    for (const host of [
      undefined, '', 'evil.example', 'evil.example:8000', 'localhost.evil.example', '127.0.0.1.nip.io', 'app.localhost',
      '[::1', '[::ffff:127.0.0.1]', '::1', 'localhost:80:80', 'localhost:abc', '127.1', '[::1]x',
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false);
    }
  });
});

describe('isLocalRequest', () => {
  const local = (init: Parameters<typeof createEnviron>[1] = {}, url = 'http://localhost:8000/') => isLocalRequest(createEnviron(url, init));

  it('is true for a browser on this machine talking straight to the server', () => {
    expect(local()).toBe(true);
    expect(local({}, 'http://127.0.0.1:8000/')).toBe(true);
    expect(local({ remoteAddr: '::1' }, 'http://[::1]:8000/')).toBe(true);
    expect(local({ headers: { Origin: 'http://localhost:5173' } })).toBe(true);
  });

  it('is false for a DNS-rebound Host, a remote peer or a missing peer address', () => {
    expect(local({}, 'http://evil.example/')).toBe(false);
    expect(local({ remoteAddr: '192.0.2.7' })).toBe(false);
    const environ = createEnviron('http://localhost/');
    delete environ.REMOTE_ADDR;
    expect(isLocalRequest(environ)).toBe(false);
  });

  it("is false when another site's script asks (Origin), or the Origin is opaque", () => {
    expect(local({ headers: { Origin: 'https://evil.example' } })).toBe(false);
    expect(local({ headers: { Origin: 'null' } })).toBe(false);
    expect(local({ headers: { Origin: 'file://' } })).toBe(false);
  });

  it('is false for any request that came through a proxy', () => {
    for (const name of ['Forwarded', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Real-IP']) {
      expect(local({ headers: { [name]: '127.0.0.1' } }), name).toBe(false);
    }
  });
});
