/**
 * Converters: Werkzeug's built-in ones and custom ones, argument parsing, a refused value trying
 * the next rule, and `match(build(x)) = x` for every converter (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotFound } from 'tsgi';
import {
  BuildError, DEFAULT_CONVERTERS, parseConverterArgs, Rule, RuleMap, StringConverter, ValidationError, type Converter,
} from 'tsgi/routing';

describe('converter arguments', () => {
  it('reads Python-style literals, positional and named', () => {
    expect(parseConverterArgs('test, a=1, b=3.0')).toEqual({ positional: ['test'], named: { a: 1, b: 3 } });
    expect(parseConverterArgs('')).toEqual({ positional: [], named: {} });
    expect(parseConverterArgs('a, b, c,')).toEqual({ positional: ['a', 'b', 'c'], named: {} });
    expect(parseConverterArgs('True, False, None')).toEqual({ positional: [true, false, null], named: {} });
    expect(parseConverterArgs('"foo", u"bar"')).toEqual({ positional: ['foo', 'bar'], named: {} });
    expect(parseConverterArgs("'a,b', \"1\", min=-2, signed=true")).toEqual({ positional: ['a,b', '1'], named: { min: -2, signed: true } });
    expect(() => parseConverterArgs('a b')).toThrow(SyntaxError);
  });

  it('refuses unknown or surplus arguments and unknown converters when the rule is added', () => {
    expect(() => new RuleMap([new Rule('/<int(fixed=2):x>')])).toThrow(TypeError);
    expect(() => new RuleMap([new Rule('/<int(1, 2, 3, true, 5):x>')])).toThrow(TypeError);
    expect(() => new RuleMap([new Rule('/<path(1):x>')])).toThrow(TypeError);
    expect(() => new RuleMap([new Rule('/<nope:x>')])).toThrow(ReferenceError);
    // The message lists the converters there are, and says where custom ones go.
    expect(() => new RuleMap([new Rule('/<integer:x>')])).toThrow(/"integer" does not exist \(known: default, string, .*int.*\); add your own with the `converters` option/);
    // Names of Object.prototype members are not converters (they were found by inheritance).
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(() => new RuleMap([new Rule(`/a/<${name}:x>`)]), name).toThrow(ReferenceError);
    }
    expect(() => new RuleMap([new Rule('/<int:x>/<x>')])).toThrow(SyntaxError);
    expect(() => new RuleMap([new Rule('/<int:>')])).toThrow(SyntaxError);
    expect(() => new Rule('no-slash')).toThrow(SyntaxError);
  });
});

describe('built-in converters', () => {
  const urls = new RuleMap([
    new Rule('/s/<string(minLength=2, maxLength=3):a>', { endpoint: 's' }),
    new Rule('/l/<string(length=2):a>', { endpoint: 'l' }),
    new Rule('/i/<int(fixedDigits=3):n>', { endpoint: 'fixed' }),
    new Rule('/r/<int(min=1, max=10):n>', { endpoint: 'range' }),
    new Rule('/n/<int(signed=True):n>', { endpoint: 'signed' }),
    new Rule('/f/<float:f>', { endpoint: 'float' }),
    new Rule('/g/<float(signed=true, max=0):f>', { endpoint: 'negfloat' }),
    new Rule('/u/<uuid:u>', { endpoint: 'uuid' }),
    new Rule('/a/<any(about, help, "foo,bar"):page>', { endpoint: 'any' }),
    new Rule('/snake/<int(fixed_digits=2):n>/<string(minlength=1, maxlength=1):c>', { endpoint: 'snake' }),
  ]).bind('x');
  const at = (path: string): unknown => {
    const outcome = urls.tryMatch(path);
    return outcome instanceof Error ? outcome.code : outcome.params;
  };

  it('string: lengths in code points', () => {
    expect(at('/s/ab')).toEqual({ a: 'ab' });
    expect(at('/s/a')).toBe(404);
    expect(at('/s/abcd')).toBe(404);
    expect(at('/s/😀😀😀')).toEqual({ a: '😀😀😀' });
    expect(at('/l/😀😀')).toEqual({ a: '😀😀' });
    expect(at('/l/😀')).toBe(404);
    expect(at('/snake/07/x')).toEqual({ n: 7, c: 'x' });
  });

  it('int: digits, fixed width, range, sign', () => {
    expect(at('/i/042')).toEqual({ n: 42 });
    expect(at('/i/42')).toBe(404);
    expect(at('/r/10')).toEqual({ n: 10 });
    expect(at('/r/0')).toBe(404);
    expect(at('/r/11')).toBe(404);
    expect(at('/n/-5')).toEqual({ n: -5 });
    expect(at('/n/-')).toBe(404);
    expect(at('/n/5')).toEqual({ n: 5 });
    expect(at('/n/９')).toBe(404); // only ASCII digits (Python's \d takes other scripts' digits too)
    expect(at('/n/99999999999999999999')).toBe(404); // beyond 2^53: not a safe integer
    expect(urls.build('fixed', { n: 7 })).toBe('/i/007');
    expect(urls.build('signed', { n: -5 })).toBe('/n/-5');
  });

  it('float: digits, a dot, digits; no exponent either way', () => {
    expect(at('/f/1.5')).toEqual({ f: 1.5 });
    expect(at('/f/1')).toBe(404);
    expect(at('/f/1.')).toBe(404);
    expect(at('/f/1e3')).toBe(404);
    expect(at('/f/-1.5')).toBe(404);
    expect(at('/g/-1.5')).toEqual({ f: -1.5 });
    expect(at('/g/1.5')).toBe(404);
    expect(urls.build('float', { f: 1 })).toBe('/f/1.0');
    expect(urls.build('float', { f: 1e-7 })).toBe('/f/0.0000001');
    expect(urls.build('float', { f: 1e21 })).toBe('/f/1000000000000000000000.0');
  });

  it('uuid: either case, lower-cased', () => {
    expect(at('/u/A8098C1A-F86E-11DA-BD1A-00112444BE1E')).toEqual({ u: 'a8098c1a-f86e-11da-bd1a-00112444be1e' });
    expect(at('/u/a8098c1a-f86e-11da-bd1a-00112444be1')).toBe(404);
    expect(at('/u/g8098c1a-f86e-11da-bd1a-00112444be1e')).toBe(404);
  });

  it('any: the listed values, quoted ones with commas', () => {
    expect(at('/a/about')).toEqual({ page: 'about' });
    expect(at('/a/foo,bar')).toEqual({ page: 'foo,bar' });
    expect(at('/a/foo')).toBe(404);
  });

  it('can replace the default converter per map', () => {
    const map = new RuleMap([new Rule('/<name>', { endpoint: 'x' })], { converters: { default: DEFAULT_CONVERTERS.path } });
    expect(map.bind('x').match('/a/b').params).toEqual({ name: 'a/b' });
  });
});

describe('custom converters', () => {
  it('match by regex, convert by toValue, build by toUrl', () => {
    const bool: Converter<boolean> = { regex: 'yes|no', toValue: (raw) => raw === 'yes', toUrl: (value) => (value ? 'yes' : 'no') };
    const urls = new RuleMap([new Rule('/vote/<bool:up>', { endpoint: 'vote' })], { converters: { bool } }).bind('x');
    expect(urls.match('/vote/yes').params).toEqual({ up: true });
    expect(() => urls.match('/vote/maybe')).toThrow(NotFound);
    expect(urls.build('vote', { up: false })).toBe('/vote/no');
  });

  it('may have the name of an Object.prototype member', () => {
    const toString: Converter<string> = { regex: '[a-z]+', toValue: (raw) => raw.toUpperCase(), toUrl: (value) => value.toLowerCase() };
    const urls = new RuleMap([new Rule('/s/<toString:word>', { endpoint: 'word' })], { converters: { toString } }).bind('x');
    expect(urls.match('/s/abc').params).toEqual({ word: 'ABC' });
    expect(urls.build('word', { word: 'XY' })).toBe('/s/xy');
  });

  it('take arguments through a factory', () => {
    const hex = ({ positional: [digits] }: { positional: readonly unknown[] }): Converter<number> => ({
      regex: `[0-9a-f]{${Number(digits ?? 1)}}`,
      toValue: (raw) => parseInt(raw, 16),
      toUrl: (value) => value.toString(16).padStart(Number(digits ?? 1), '0'),
    });
    const urls = new RuleMap([new Rule('/c/<hex(6):color>', { endpoint: 'color' })], { converters: { hex } }).bind('x');
    expect(urls.match('/c/ff0000').params).toEqual({ color: 0xff0000 });
    expect(urls.build('color', { color: 255 })).toBe('/c/0000ff');
  });

  it('may cross slashes (a regex with "/"), as Werkzeug\'s TwoValueConverter does', () => {
    const two: Converter<[string, string]> = {
      regex: '\\w\\w+/\\w\\w+',
      toValue: (raw) => raw.split('/') as [string, string],
      toUrl: ([a, b]) => `${a}/${b}`,
    };
    const urls = new RuleMap([new Rule('/<two:foo>/', { endpoint: 'handler' })], { converters: { two } }).bind('example.org');
    expect(urls.match('/qwert/yuiop/').params).toEqual({ foo: ['qwert', 'yuiop'] });
    expect(urls.build('handler', { foo: ['ab', 'cd'] })).toBe('/ab/cd/');
  });

  it('refusing a value (ValidationError) lets the next rule match, as Werkzeug documents', () => {
    const even: Converter<number> = {
      regex: '\\d+',
      weight: 50,
      toValue: (raw) => {
        if (Number(raw) % 2) throw new ValidationError('odd');
        return Number(raw);
      },
    };
    const urls = new RuleMap([new Rule('/<even:n>', { endpoint: 'even' }), new Rule('/<other>', { endpoint: 'other' })], { converters: { even } }).bind('x');
    expect(urls.match('/4')).toMatchObject({ endpoint: 'even', params: { n: 4 } });
    expect(urls.match('/5')).toMatchObject({ endpoint: 'other', params: { other: '5' } });
    // Werkzeug answers 404 here: its to_python runs after the walk, with no way back.
    const ranged = new RuleMap([new Rule('/<int(max=10):x>', { endpoint: 'x' }), new Rule('/<y>', { endpoint: 'y' })]).bind('x');
    expect(ranged.match('/50')).toMatchObject({ endpoint: 'y', params: { y: '50' } });
  });

  it('lets other errors of a converter through', () => {
    const broken: Converter = { toValue: () => { throw new RangeError('bug'); } };
    const urls = new RuleMap([new Rule('/<broken:x>', { endpoint: 'x' })], { converters: { broken } }).bind('x');
    expect(() => urls.match('/a')).toThrow(RangeError);
    // The map still works after it.
    expect(() => urls.match('/')).toThrow(NotFound);
  });

  it('are used in segments with several variables', () => {
    const urls = new RuleMap([new Rule('/v<int:major>.<int(min=1):minor>-<any(a, b):tag>', { endpoint: 'v' })]).bind('x');
    expect(urls.match('/v1.2-a').params).toEqual({ major: 1, minor: 2, tag: 'a' });
    expect(() => urls.match('/v1.0-a')).toThrow(NotFound);
    expect(urls.build('v', { major: 3, minor: 4, tag: 'b' })).toBe('/v3.4-b');
  });

  it('can be used directly', () => {
    const converter = new StringConverter({ length: 2 });
    expect(converter.toValue('ab')).toBe('ab');
    expect(() => converter.toValue('abc')).toThrow(ValidationError);
  });
});

describe('match(build(x)) gives x back', () => {
  const map = new RuleMap([
    new Rule('/s/<s>', { endpoint: 's' }),
    new Rule('/p/<path:p>', { endpoint: 'p' }),
    new Rule('/i/<int(signed=true):i>', { endpoint: 'i' }),
    new Rule('/w/<int(fixedDigits=6):w>', { endpoint: 'w' }),
    new Rule('/f/<float(signed=true):f>', { endpoint: 'f' }),
    new Rule('/u/<uuid:u>', { endpoint: 'u' }),
    new Rule('/a/<any(one, "two words", "x/y", ü):a>', { endpoint: 'a' }),
    new Rule('/m/<int:a>-<s>.<float:f>', { endpoint: 'm' }),
  ]);
  const urls = map.bind('example.org');
  // Built URLs are percent-encoded; PATH_INFO is decoded before routing.
  const roundTrip = (endpoint: Parameters<typeof urls.build>[0], values: Record<string, unknown>): unknown => {
    const url = urls.build(endpoint, values as never);
    return urls.match(decodeURIComponent(url.split('?')[0])).params;
  };
  const text = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('.', '..', '...', '/', 'a/b', '.a', 'a\\..'));
  const segment = text.filter((s) => !s.includes('/'));
  const runs = { numRuns: 300 };
  // What a rule cannot match is refused when building (BuildError), the rest comes back.
  const isDot = (s: string): boolean => s === '.' || s === '..';

  it('string', () => fc.assert(fc.property(text, (s) => {
    if (s.includes('/') || isDot(s)) expect(() => urls.build('s', { s })).toThrow(BuildError);
    else expect(roundTrip('s', { s })).toEqual({ s });
  }), runs));
  it('path', () => fc.assert(fc.property(fc.array(segment, { minLength: 1 }), (parts) => {
    const p = parts.join('/');
    // Backslashes count as separators for dot segments: some clients resolve them too.
    if (p.split(/[\\/]/).some(isDot)) expect(() => urls.build('p', { p })).toThrow(BuildError);
    else expect(roundTrip('p', { p })).toEqual({ p });
  }), runs));
  it('int', () => fc.assert(fc.property(fc.maxSafeInteger(), (i) => { expect(roundTrip('i', { i })).toEqual({ i }); }), runs));
  it('int with fixed digits', () => fc.assert(fc.property(fc.integer({ min: 0, max: 999999 }), (w) => { expect(roundTrip('w', { w })).toEqual({ w }); }), runs));
  it('float, including 1.0, tiny and huge values', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (f) => {
      expect(roundTrip('f', { f })).toEqual({ f: f === 0 ? 0 : f });
    }), runs);
    for (const f of [1.0, 0.5, 5e-324, 1.7976931348623157e308, 123456789.125, -0.000001]) expect(roundTrip('f', { f })).toEqual({ f });
  });
  it('uuid', () => fc.assert(fc.property(fc.uuid(), (u) => { expect(roundTrip('u', { u })).toEqual({ u }); }), runs));
  it('any', () => {
    for (const a of ['one', 'two words', 'x/y', 'ü']) expect(roundTrip('a', { a })).toEqual({ a });
  });
  it('several variables in one segment', () => fc.assert(fc.property(
    fc.nat(), fc.string({ unit: 'grapheme-ascii', minLength: 1 }).filter((s) => !/[/.]/.test(s)), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    (a, s, f) => {
      expect(roundTrip('m', { a, s, f })).toEqual({ a, s, f: f === 0 ? 0 : f });
    },
  ), runs));
});
