import { describe, expect, it } from 'vitest';
import { isSecretHeader, REDACTED, summarizeRequest } from '../../src/debug/request-summary.js';
import { createEnviron } from '../../src/request/create-environ.js';

describe('summarizeRequest', () => {
  it('gives the request line and headers, credentials redacted', () => {
    const environ = createEnviron('http://localhost:8000/a/b?c=1', {
      method: 'POST',
      headers: {
        Cookie: 'sid=secret-cookie',
        Authorization: 'Bearer secret-token',
        'Proxy-Authorization': 'Basic c2VjcmV0',
        'X-Api-Key': 'k-123',
        Accept: 'text/html',
      },
      body: 'x=1',
    });
    environ.REQUEST_URI = '/a/b?c=1';
    const summary = summarizeRequest(environ);
    expect([summary.method, summary.target, summary.protocol]).toEqual(['POST', '/a/b?c=1', 'HTTP/1.1']);
    const headers = Object.fromEntries(summary.headers);
    expect(headers).toMatchObject({
      Host: 'localhost:8000',
      Cookie: REDACTED,
      Authorization: REDACTED,
      'Proxy-Authorization': REDACTED,
      'X-Api-Key': REDACTED,
      Accept: 'text/html',
    });
    expect(JSON.stringify(summary)).not.toMatch(/secret|k-123|c2VjcmV0/);
  });

  it('builds the target from the path when there is no REQUEST_URI', () => {
    const environ = createEnviron('/x?y=2');
    delete environ.REQUEST_URI;
    environ.SCRIPT_NAME = '/app';
    expect(summarizeRequest(environ).target).toBe('/app/x?y=2');
  });

  it('redacts Set-Cookie and credential-like names in any case', () => {
    for (const name of ['set-cookie', 'COOKIE', 'X-Auth-Token', 'X-CSRF-Token', 'X-Client-Secret', 'X-Session-Id']) {
      expect(isSecretHeader(name), name).toBe(true);
    }
    expect(isSecretHeader('Accept-Language')).toBe(false);
  });
});
