// The build's copy of qs gets scripts/build/side-channel.cjs for `side-channel` (see
// scripts/build/plugins.js): it must answer as the real package does, for every kind of key.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

type Channel = {
  assert(key: unknown): void;
  delete(key: unknown): boolean;
  get(key: unknown): unknown;
  has(key: unknown): boolean;
  set(key: unknown, value: unknown): void;
};

const require = createRequire(import.meta.url);
const real = require('side-channel') as () => Channel;
const copy = require('../../scripts/build/side-channel.cjs') as () => Channel;

const keys: unknown[] = [{}, [], () => {}, Object.create(null), 'a', '', 0, -0, Number.NaN, 1n, true, null, undefined, Symbol('s')];

describe("the build's side-channel", () => {
  it('answers get, has, set and delete as side-channel does, before and after setting each kind of key', () => {
    const [a, b] = [real(), copy()];
    for (const key of keys) {
      expect([b.has(key), b.get(key), b.delete(key)]).toEqual([a.has(key), a.get(key), a.delete(key)]);
      a.set(key, 'first');
      b.set(key, 'first');
      a.set(key, 'second');
      b.set(key, 'second');
      expect([b.has(key), b.get(key)]).toEqual([a.has(key), a.get(key)]);
    }
    for (const key of keys) {
      expect(b.delete(key)).toBe(a.delete(key));
      expect(b.delete(key)).toBe(a.delete(key));
      expect(b.has(key)).toBe(a.has(key));
    }
  });

  it('keeps each channel to itself and object keys apart by identity', () => {
    const [one, two] = [copy(), copy()];
    const key = {};
    one.set(key, 1);
    expect(two.has(key)).toBe(false);
    expect(one.has({})).toBe(false);
    expect(one.get(key)).toBe(1);
  });

  it('assert throws a TypeError for a missing key, as side-channel does', () => {
    const [a, b] = [real(), copy()];
    for (const key of [{}, 'x', 1]) {
      expect(() => a.assert(key)).toThrow(TypeError);
      expect(() => b.assert(key)).toThrow(/^Side channel does not contain /);
      a.set(key, 1);
      b.set(key, 1);
      expect(() => b.assert(key)).not.toThrow();
    }
  });
});
