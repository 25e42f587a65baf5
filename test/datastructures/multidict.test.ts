import { describe, expect, it } from 'vitest';
import { MultiDict } from '../../src/datastructures/multidict.js';

describe('MultiDict', () => {
  it('keeps order and repeats, get returns the first value', () => {
    const dict = new MultiDict([['a', '1'], ['b', '2'], ['a', '3']]);
    expect(dict.get('a')).toBe('1');
    expect(dict.getAll('a')).toEqual(['1', '3']);
    expect([...dict]).toEqual([['a', '1'], ['b', '2'], ['a', '3']]);
    expect([...dict.keys()]).toEqual(['a', 'b']);
    expect([...dict.values()]).toEqual(['1', '2', '3']);
    expect(dict.size).toBe(3);
  });

  it('builds from records with array values', () => {
    const dict = new MultiDict<string>({ tag: ['x', 'y'], page: '2' });
    expect(dict.getAll('tag')).toEqual(['x', 'y']);
    expect(dict.get('page')).toBe('2');
  });

  it('set replaces every value at the position of the first; delete removes all', () => {
    const dict = new MultiDict([['a', '1'], ['b', '2'], ['a', '3']]);
    dict.set('a', '9');
    expect([...dict]).toEqual([['a', '9'], ['b', '2']]);
    dict.set('c', '4');
    expect([...dict]).toEqual([['a', '9'], ['b', '2'], ['c', '4']]);
    dict.delete('a');
    expect([...dict]).toEqual([['b', '2'], ['c', '4']]);
    expect(dict.has('a')).toBe(false);
    expect(dict.get('missing')).toBeUndefined();
    expect(dict.getAll('missing')).toEqual([]);
  });

  it('getAll returns a copy', () => {
    const dict = new MultiDict([['a', '1']]);
    dict.getAll('a').push('x');
    expect(dict.getAll('a')).toEqual(['1']);
  });

  it('toObject inherits nothing, safe for hostile keys', () => {
    const dict = new MultiDict([['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z']]);
    const obj = dict.toObject();
    expect(Object.getPrototypeOf(Object.getPrototypeOf(obj))).toBeNull();
    expect(Object.isFrozen(Object.getPrototypeOf(obj))).toBe(true);
    expect(Object.keys(obj)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(obj['__proto__']).toBe('x');
    expect(obj.toString).toBe('z');
    expect('hasOwnProperty' in obj).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const lists = dict.toLists();
    expect(lists['__proto__']).toEqual(['x']);
    expect(lists.constructor).toEqual(['y']);
    expect(JSON.parse(JSON.stringify(new MultiDict([['a', '1'], ['a', '2']])))).toEqual({ a: '1' });
  });

  it('copy is independent', () => {
    const dict = new MultiDict([['a', '1']]);
    const copy = dict.copy();
    copy.append('a', '2');
    expect(dict.getAll('a')).toEqual(['1']);
    expect(copy.getAll('a')).toEqual(['1', '2']);
  });
});

describe('MultiDict.toRecord', () => {
  it('gives single values as they are and repeats as arrays, in order, safe for any key', () => {
    const dict = new MultiDict([['a', '1'], ['c', '3'], ['__proto__', 'x'], ['c', '4'], ['c', '5'], ['toString', 't']]);
    const record = dict.toRecord();
    expect(JSON.parse(JSON.stringify(record))).toEqual({ a: '1', c: ['3', '4', '5'], ['__proto__']: 'x', toString: 't' });
    expect(Object.keys(record)).toEqual(['a', 'c', '__proto__', 'toString']);
    expect('hasOwnProperty' in record).toBe(false);
    expect(new MultiDict().toRecord()).toEqual({});
  });

  it('tells its own arrays from values that are arrays', () => {
    const dict = new MultiDict<string[]>([['k', ['x']], ['k', ['y']], ['one', ['z']]]);
    expect(dict.toRecord()).toEqual({ k: [['x'], ['y']], one: ['z'] });
  });
});
