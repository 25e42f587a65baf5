/**
 * Differential test: the same header values through tsgi's parsers and through Werkzeug
 * (python3-werkzeug, installed by scripts/setup/werkzeug.sh). One python3 process per header kind.
 * Every case agrees, except those in KNOWN_DIFFERENCES, which must differ for the reason that
 * docs/differences.md gives (so the document cannot go stale).
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import {
  ACCEPT_CASES,
  CACHE_CONTROL_CASES,
  CHARSET_CASES,
  DATE_CASES,
  ENCODING_CASES,
  CONDITIONAL_CASES,
  ETAG_CASES,
  LANGUAGE_CASES,
  RANGE_CASES,
  type AcceptCase,
  type ConditionalCase,
  type EtagCase,
  type RangeCase,
} from './differential.cases.js';
import { KNOWN_DIFFERENCES, WERKZEUG_2_DIFFERENCES } from './differential.known.js';

const SCRIPT = fileURLToPath(new URL('./werkzeug/headers.py', import.meta.url));

function findPython(): { python: string; version: string } | undefined {
  // TSGI_WERKZEUG_PYTHON picks another interpreter (for example Debian's /usr/bin/python3).
  const candidates = process.env.TSGI_WERKZEUG_PYTHON ? [process.env.TSGI_WERKZEUG_PYTHON] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const result = spawnSync(python, [SCRIPT], { input: '{"kind":"version","cases":[]}', encoding: 'utf8' });
    if (result.status === 0) return { python, version: (JSON.parse(result.stdout) as string[])[0] };
  }
  return undefined;
}

const found = findPython();
if (!found) console.warn('differential tests skipped: no python3 can import werkzeug (run scripts/setup/werkzeug.sh)');

/** Runs one kind's cases through Werkzeug in one python3 process. */
function werkzeug(kind: string, cases: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(found!.python, [SCRIPT], { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`werkzeug helper failed for ${kind}: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as unknown[]);
    });
    child.stdin!.end(JSON.stringify({ kind, cases }));
  });
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function acceptResult(accept: Accept, c: AcceptCase): unknown {
  return {
    qualities: c.offers.map((offer) => accept.quality(offer)),
    best: c.bestOf.map((offers) => orNull(accept.bestMatch(offers))),
  };
}

const TSGI: Record<string, (c: never) => unknown | Promise<unknown>> = {
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
  conditional: async (c: ConditionalCase) => {
    const res = new Response('0123456789', { mimetype: 'application/octet-stream' });
    if (c.etag) res.setEtag(c.etag);
    if (c.lastModified) res.headers.set('Last-Modified', c.lastModified);
    await res.makeConditional(Request.blank('/', { method: c.method, headers: c.headers }), { acceptRanges: true });
    return { status: res.statusCode, contentRange: orNull(res.headers.get('Content-Range')) };
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
  ['conditional', CONDITIONAL_CASES],
];

/** The key of a case in KNOWN_DIFFERENCES: its header value, or for conditional cases method and headers. */
const headerOf = (c: unknown): unknown => {
  if (c === null || typeof c !== 'object') return c;
  if ('method' in c) return `${(c as ConditionalCase).method} ${JSON.stringify((c as ConditionalCase).headers)}`;
  return (c as { header: string | null }).header;
};

describe.skipIf(!found)(`differential test against Werkzeug ${found?.version ?? ''}`, () => {
  // The python processes start together: their start-up is most of the cost.
  const results = new Map<string, unknown[]>();
  beforeAll(async () => {
    const all = await Promise.all(KINDS.map(([kind, cases]) => werkzeug(kind, cases)));
    KINDS.forEach(([kind], index) => results.set(kind, all[index]));
  }, 30_000);

  for (const [kind, cases] of KINDS) {
    it(`${kind}: agrees except for the documented differences`, async () => {
      const theirs = results.get(kind)!;
      const known: Record<string, string> = { ...KNOWN_DIFFERENCES[kind] };
      if (found!.version.startsWith('2.')) {
        for (const [header, reason] of Object.entries(WERKZEUG_2_DIFFERENCES[kind] ?? {})) {
          if (reason === null) delete known[header];
          else known[header] = reason;
        }
      }
      const unexpected: string[] = [];
      const vanished: string[] = [];
      for (const [index, c] of cases.entries()) {
        const ours = await (TSGI[kind] as (c: unknown) => unknown)(c);
        const agree = JSON.stringify(ours) === JSON.stringify(theirs[index]);
        const header = JSON.stringify(headerOf(c));
        if (!agree && !(header in known)) {
          unexpected.push(`${header}\n  tsgi:     ${JSON.stringify(ours)}\n  werkzeug: ${JSON.stringify(theirs[index])}`);
        }
        if (agree && header in known) vanished.push(`${header} (documented as: ${known[header]})`);
      }
      expect(unexpected, 'undocumented differences').toEqual([]);
      expect(vanished, 'documented differences that no longer differ').toEqual([]);
    });
  }
});
