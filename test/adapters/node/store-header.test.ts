import { describe, expect, it } from 'vitest';
import { headerKey, type Environ } from '../../../src/gateway.js';
import { internalize, storeHeader } from '../../../src/adapters/node/store-header.js';

describe('storeHeader', () => {
  it('stores common and other keys alike, in the order given', () => {
    const environ = { REQUEST_METHOD: 'GET' } as unknown as Environ;
    const names = ['Host', 'X-Request-Id', 'Content-Type', 'Sec-Fetch-Mode', 'X-Forwarded-For', 'Authorization', 'DNT'];
    names.forEach((name, i) => storeHeader(environ, headerKey(name), `v${i}`));
    expect(Object.entries(environ)).toEqual([
      ['REQUEST_METHOD', 'GET'],
      ['HTTP_HOST', 'v0'],
      ['HTTP_X_REQUEST_ID', 'v1'],
      ['CONTENT_TYPE', 'v2'],
      ['HTTP_SEC_FETCH_MODE', 'v3'],
      ['HTTP_X_FORWARDED_FOR', 'v4'],
      ['HTTP_AUTHORIZATION', 'v5'],
      ['HTTP_DNT', 'v6'],
    ]);
  });

  it('stores only the first value of a repeated key and says so, for named and other keys', () => {
    const environ = {} as unknown as Environ;
    expect(storeHeader(environ, 'HTTP_HOST', 'a.example')).toBe(true);
    expect(storeHeader(environ, 'HTTP_HOST', 'b.example')).toBe(false);
    expect(storeHeader(environ, 'HTTP_X_TRACE', '1')).toBe(true);
    expect(storeHeader(environ, 'HTTP_X_TRACE', '2')).toBe(false);
    expect(environ).toEqual({ HTTP_HOST: 'a.example', HTTP_X_TRACE: '1' });
  });

  it('internalize keeps the text of the key', () => {
    const built = ['HTTP', 'ACCEPT'].join('_');
    expect(internalize(built)).toBe('HTTP_ACCEPT');
    expect(internalize('HTTP_X_ÜBER')).toBe('HTTP_X_ÜBER');
  });
});
