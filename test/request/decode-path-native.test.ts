import { describe, expect, it } from 'vitest';
import { decodePath } from '../../src/request/decode-path.js';

describe('decodePath', () => {
  it('returns a path without escapes as it is', () => {
    expect(decodePath('/a/b c')).toBe('/a/b c');
  });

  it('decodes UTF-8 escapes, %2F included', () => {
    expect(decodePath('/caf%C3%A9/%E2%82%AC/a%2Fb')).toBe('/café/€/a/b');
  });

  it('keeps invalid escapes and bytes that are not UTF-8 as they were', () => {
    expect(decodePath('/%zz/%')).toBe('/%zz/%');
    expect(decodePath('/%E2%82/x')).toBe('/%E2%82/x');
    expect(decodePath('/%FF%C3%A9%C0%AF%ED%A0%80')).toBe('/%FFé%C0%AF%ED%A0%80');
    expect(decodePath('/%41%4')).toBe('/A%4');
  });
});
