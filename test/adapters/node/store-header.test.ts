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

  it('internalize keeps the text of the key', () => {
    const built = ['HTTP', 'ACCEPT'].join('_');
    expect(internalize(built)).toBe('HTTP_ACCEPT');
    expect(internalize('HTTP_X_ÜBER')).toBe('HTTP_X_ÜBER');
  });
});
