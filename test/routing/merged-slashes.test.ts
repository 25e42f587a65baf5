/**
 * Merged slashes after a miss. A miss walks the merged path (`//` made `/`) only when merging could
 * change the outcome: the walk read past the whole, non-empty segments it stood on, or a rule keeps
 * `//` in its path. These tests hold the shortcut to the answers of the full check, which a map
 * with a rule that keeps `//` always runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTPException, MethodNotAllowed, NotFound } from 'tsgi';
import { RequestRedirect, Rule, RuleMap, type AnyRule } from 'tsgi/routing';
import { redirectOf } from './support.js';

const RULES: Array<[string, { methods?: string[]; strictSlashes?: boolean }]> = [
  ['/user', {}],
  ['/user/comments', {}],
  ['/user/lookup/username/<username>', {}],
  ['/user/lookup/email/<address>', {}],
  ['/event/<id>', {}],
  ['/event/<id>/comments', { methods: ['GET'] }],
  ['/event/<id>/comment', { methods: ['POST'] }],
  ['/very/deeply/nested/route', {}],
  ['/static/<path:file>', {}],
  ['/branch/', {}],
  ['/loose/', { strictSlashes: false }],
  ['/a/', {}],
  ['/a/b', {}],
  ['/n/<int:n>/x', {}],
  ['/v<int:major>.<int:minor>/y', {}],
];

function mapWith(extra: AnyRule[] = []): RuleMap {
  return new RuleMap<AnyRule>([...RULES.map(([path, options], i) => new Rule(path, { endpoint: `r${i}`, ...options })), ...extra]);
}

/** What a match answers, as a comparable string. */
function outcome(urls: ReturnType<RuleMap['bind']>, path: string, method: string): string {
  const result = urls.tryMatch(path, method);
  if (result instanceof RequestRedirect) return `redirect ${result.newUrl}`;
  if (result instanceof MethodNotAllowed) return `405 ${[...result.validMethods].join(',')}`;
  if (result instanceof HTTPException) return String(result.code);
  return `${result.endpoint} ${JSON.stringify(result.params)}`;
}

describe('merged slashes after a miss', () => {
  const urls = mapWith().bind('x');

  it('redirects when a doubled slash splits a multi-segment key', () => {
    expect(redirectOf(() => urls.match('/very//deeply/nested/route'))).toBe('http://x/very/deeply/nested/route');
    expect(redirectOf(() => urls.match('/very/deeply/nested//route'))).toBe('http://x/very/deeply/nested/route');
  });

  it('redirects when a doubled slash makes an empty segment where a static child or a variable was expected', () => {
    expect(redirectOf(() => urls.match('/a//b'))).toBe('http://x/a/b');
    expect(redirectOf(() => urls.match('/user//comments'))).toBe('http://x/user/comments');
    expect(redirectOf(() => urls.match('/event//7/comments'))).toBe('http://x/event/7/comments');
    expect(redirectOf(() => urls.match('/n//5/x'))).toBe('http://x/n/5/x');
  });

  it('answers 404 or 405 at once when the walk failed before the doubled slash', () => {
    expect(() => urls.match('/user/lookup/phone//12345')).toThrow(NotFound);
    expect(() => urls.match('/nothing//here')).toThrow(NotFound);
    expect(() => urls.match('/event/7/comments//', 'DELETE')).toThrow(NotFound);
    expect(() => urls.match('/event/7/comments', 'DELETE')).toThrow(MethodNotAllowed);
  });

  it('walks the merged path after any miss when a rule keeps a doubled slash', () => {
    const kept = mapWith([new Rule('/a//c', { endpoint: 'kept', mergeSlashes: false })]).bind('x');
    expect(kept.match('/a//c').endpoint).toBe('kept');
    expect(redirectOf(() => kept.match('/a//b'))).toBe('http://x/a/b');
  });

  it('gives the answers of the full check with rest-of-path parts, several variables a segment and loose rules (fast-check)', () => {
    const rules: Array<[string, { strictSlashes?: boolean; methods?: string[] }]> = [
      ['/<path:name>/edit', {}], ['/Talk:<path:name>', {}], ['/files/<path:file>/', {}], ['/v<int:major>.<int:minor>', {}],
      ['/<a>-<b>/x', {}], ['/any/<any(a, b):x>', {}], ['/u/<int(min=1):n>/', { strictSlashes: false }], ['/deep/<a>/<b>/c', { methods: ['POST'] }],
      ['/deep/<a>/<b>/c/', {}], ['/s/<string(length=2):s>', {}], ['/', {}],
    ];
    const make = (extra: AnyRule[]) => new RuleMap<AnyRule>([...rules.map(([path, options], i) => new Rule(path, { endpoint: `r${i}`, ...options })), ...extra]).bind('x');
    const fast = make([]);
    const reference = make([new Rule('/zz//never', { endpoint: 'never', mergeSlashes: false })]);
    const segment = fc.constantFrom('', '', '', 'edit', 'Talk:a', 'files', 'f', 'v1.2', 'a-b', 'x', 'any', 'a', 'b', 'u', '7', 'deep', 'c', 's', 'ab');
    const path = fc.array(segment, { minLength: 1, maxLength: 7 }).map((segments) => `/${segments.join('/')}`);
    fc.assert(
      fc.property(path, fc.constantFrom('GET', 'POST'), (p, method) => {
        expect(outcome(fast, p, method)).toBe(outcome(reference, p, method));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the answers of the full check for any path (fast-check)', () => {
    // A rule that keeps `//` makes every miss walk the merged path: the reference.
    const reference = mapWith([new Rule('/zz//never', { endpoint: 'never', mergeSlashes: false })]).bind('x');
    const segment = fc.constantFrom('', '', 'user', 'comments', 'lookup', 'username', 'email', 'phone', 'event', '7', 'comment', 'very', 'deeply', 'nested', 'route', 'static', 'f.txt', 'branch', 'loose', 'a', 'b', 'n', '12', 'x', 'v1.2', 'y');
    const path = fc.array(segment, { minLength: 1, maxLength: 7 }).map((segments) => `/${segments.join('/')}`);
    fc.assert(
      fc.property(path, fc.constantFrom('GET', 'POST', 'DELETE'), (p, method) => {
        expect(outcome(urls, p, method)).toBe(outcome(reference, p, method));
      }),
      { numRuns: 3000 },
    );
  });
});
