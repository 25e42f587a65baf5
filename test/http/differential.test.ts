/**
 * Differential test: the same header values through tsgi's parsers and through Werkzeug
 * (python3-werkzeug, installed by scripts/setup/werkzeug.sh). One python3 process per header kind.
 * Every case agrees, except those in KNOWN_DIFFERENCES, which must differ for the reason that
 * docs/differences.md gives (so the document cannot go stale).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseAccept,
  parseCharsetAccept,
  parseEncodingAccept,
  parseLanguageAccept,
  type Accept,
} from '../../src/http/accept.js';
import { parseCacheControl } from '../../src/http/cache-control.js';
import { parseHttpDate } from '../../src/http/dates.js';
import { parseEtags } from '../../src/http/etag.js';
import { parseRange } from '../../src/http/range.js';
import {
  ACCEPT_CASES,
  CACHE_CONTROL_CASES,
  CHARSET_CASES,
  DATE_CASES,
  ENCODING_CASES,
  ETAG_CASES,
  LANGUAGE_CASES,
  RANGE_CASES,
  type AcceptCase,
  type EtagCase,
  type RangeCase,
} from './differential.cases.js';
import { KNOWN_DIFFERENCES } from './differential.known.js';

const SCRIPT = fileURLToPath(new URL('./werkzeug/headers.py', import.meta.url));

function findPython(): { python: string; version: string } | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    const result = spawnSync(python, [SCRIPT], { input: '{"kind":"version","cases":[]}', encoding: 'utf8' });
    if (result.status === 0) return { python, version: (JSON.parse(result.stdout) as string[])[0] };
  }
  return undefined;
}

const found = findPython();
if (!found) console.warn('differential tests skipped: no python3 can import werkzeug (run scripts/setup/werkzeug.sh)');

function werkzeug(kind: string, cases: unknown[]): unknown[] {
  const result = spawnSync(found!.python, [SCRIPT], { input: JSON.stringify({ kind, cases }), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`werkzeug helper failed for ${kind}: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown[];
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function acceptResult(accept: Accept, c: AcceptCase): unknown {
  return {
    qualities: c.offers.map((offer) => accept.quality(offer)),
    best: c.bestOf.map((offers) => orNull(accept.bestMatch(offers))),
  };
}

const TSGI: Record<string, (c: never) => unknown> = {
  accept: (c: AcceptCase) => acceptResult(parseAccept(c.header), c),
  'accept-language': (c: AcceptCase) => acceptResult(parseLanguageAccept(c.header), c),
  'accept-charset': (c: AcceptCase) => acceptResult(parseCharsetAccept(c.header), c),
  'accept-encoding': (c: AcceptCase) => acceptResult(parseEncodingAccept(c.header), c),
  'cache-control': (header: string | null) => {
    const cc = parseCacheControl(header);
    return {
      maxAge: orNull(cc.maxAge),
      sMaxage: orNull(cc.sMaxage),
      noCache: cc.noCache,
      noStore: cc.noStore,
      public: cc.public,
      private: cc.private,
      mustRevalidate: cc.mustRevalidate,
      proxyRevalidate: cc.proxyRevalidate,
      noTransform: cc.noTransform,
      immutable: cc.immutable,
      staleWhileRevalidate: orNull(cc.staleWhileRevalidate),
      staleIfError: orNull(cc.staleIfError),
      maxStale: orNull(cc.maxStale),
      minFresh: orNull(cc.minFresh),
      onlyIfCached: cc.onlyIfCached,
    };
  },
  etags: (c: EtagCase) => {
    const etags = parseEtags(c.header);
    return {
      star: etags.star,
      contains: c.tags.map((tag) => etags.contains(tag)),
      containsWeak: c.tags.map((tag) => etags.containsWeak(tag)),
    };
  },
  range: (c: RangeCase) => {
    const range = parseRange(c.header);
    if (!range) return null;
    return {
      units: range.units,
      // Werkzeug's form: [start, stop) with stop null when open; a suffix is [-n, null].
      ranges: range.ranges.map((spec) => ('suffix' in spec ? [-spec.suffix, null] : [spec.start, spec.end === undefined ? null : spec.end + 1])),
      rangeForLength: range.rangeForLength(c.length),
      contentRange: orNull(range.toContentRange(c.length)?.toString()),
    };
  },
  date: (header: string | null) => {
    const date = parseHttpDate(header);
    return date === null ? null : date.getTime() / 1000;
  },
};

const KINDS: Array<[string, unknown[]]> = [
  ['accept', ACCEPT_CASES],
  ['accept-language', LANGUAGE_CASES],
  ['accept-charset', CHARSET_CASES],
  ['accept-encoding', ENCODING_CASES],
  ['cache-control', CACHE_CONTROL_CASES],
  ['etags', ETAG_CASES],
  ['range', RANGE_CASES],
  ['date', DATE_CASES],
];

const headerOf = (c: unknown): string | null =>
  c !== null && typeof c === 'object' ? (c as { header: string | null }).header : (c as string | null);

describe.skipIf(!found)(`differential test against Werkzeug ${found?.version ?? ''}`, () => {
  for (const [kind, cases] of KINDS) {
    it(`${kind}: agrees except for the documented differences`, () => {
      const theirs = werkzeug(kind, cases);
      const known = KNOWN_DIFFERENCES[kind] ?? {};
      const unexpected: string[] = [];
      const vanished: string[] = [];
      cases.forEach((c, index) => {
        const ours = (TSGI[kind] as (c: unknown) => unknown)(c);
        const agree = JSON.stringify(ours) === JSON.stringify(theirs[index]);
        const header = JSON.stringify(headerOf(c));
        if (!agree && !(header in known)) {
          unexpected.push(`${header}\n  tsgi:     ${JSON.stringify(ours)}\n  werkzeug: ${JSON.stringify(theirs[index])}`);
        }
        if (agree && header in known) vanished.push(`${header} (documented as: ${known[header]})`);
      });
      expect(unexpected, 'undocumented differences').toEqual([]);
      expect(vanished, 'documented differences that no longer differ').toEqual([]);
    });
  }
});
