/**
 * An app that touches every part of the stack, for the hostile-input tests: each route reads Request
 * properties or a body reader and answers through the Response features (conditional requests,
 * redirects, cookies, files). Every route answers a 2xx/3xx for good input; any bad input must come
 * back as a 4xx (the tests assert that nothing ever answers 5xx).
 *
 * Shared by `test/e2e/hostile.test.ts` (over a real socket) and `test/request/hostile-*.test.ts` (in
 * process, through the test client).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/gateway.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { redirect } from '../../src/response/redirect.js';
import { diskStorage } from '../../src/request/multipart/temp-storage.node.js';
import { sendFile } from '../../src/adapters/node/send-file.js';
import { staticFiles } from '../../src/adapters/node/static-files.js';
import { BadRequest, NotFound } from '../../src/errors.js';

/** Where the app keeps its files. */
export interface HostileAppOptions {
  /** Uploads larger than `threshold` are spilled to temporary directories made here. */
  uploadDir: string;
  /** Files served by `/file/*` (sendFile) and `/static/*` (staticFiles); filled by `createHostileApp`. */
  publicDir: string;
  /** Bytes an upload may keep in memory before it spills to `uploadDir`. Default 1024. */
  threshold?: number;
  /** `maxContentLength` of the app's requests. Default 1 MiB, so floods stop early. */
  maxContentLength?: number;
}

/** The routes `createHostileApp` serves, for tests that pick one at random. */
export const HOSTILE_ROUTES = [
  '/info',
  '/bytes',
  '/text',
  '/json',
  '/form',
  '/files',
  '/parts',
  '/values',
  '/stream',
  '/conditional',
  '/redirect',
  '/cookie',
  '/big',
  '/file/hello.txt',
  '/static/hello.txt',
  '/static/',
  '/missing',
] as const;

/** How many `/big` bodies were started and closed (the server must close every one, also when the client leaves). */
export const bigBodies = { started: 0, closed: 0 };

/** `/big?chunks=N`: N chunks of 64 KiB (at most 1024), produced one at a time as the server pulls. */
async function* bigBody(count: number): AsyncGenerator<Uint8Array> {
  bigBodies.started++;
  try {
    const chunk = new Uint8Array(64 * 1024).fill(0x62);
    for (let i = 0; i < count; i++) yield chunk;
  } finally {
    bigBodies.closed++;
  }
}

/** The bytes of `hello.txt` in the public directory. */
export const HELLO = 'Hello, hostile world!\n'.repeat(20);

const json = (value: unknown): Response => Response.json(value);

/** Everything a Request exposes about its headers and URL, read the way an app would. */
function describe(req: Request): Record<string, unknown> {
  const cc = req.cacheControl;
  const range = req.range;
  const auth = req.authorization;
  return {
    method: req.method,
    scheme: req.scheme,
    isSecure: req.isSecure,
    host: req.host,
    path: req.path,
    rootPath: req.rootPath,
    fullPath: req.fullPath,
    url: req.url,
    baseUrl: req.baseUrl,
    rootUrl: req.rootUrl,
    hostUrl: req.hostUrl,
    args: req.args.toObject(),
    query: req.query,
    cookies: req.cookies,
    headers: [...req.headers].length,
    contentType: req.contentType,
    mimetype: req.mimetype,
    mimetypeParams: req.mimetypeParams,
    contentLength: req.contentLength,
    isJson: req.isJson,
    accept: req.acceptMimetypes.bestMatch(['text/html', 'application/json', 'text/plain']) ?? null,
    acceptJson: req.acceptMimetypes.acceptJson,
    acceptText: String(req.acceptMimetypes),
    language: req.acceptLanguages.bestMatch(['en', 'de-AT', 'fr']) ?? null,
    encoding: req.acceptEncodings.bestMatch(['br', 'gzip', 'identity']) ?? null,
    charset: req.acceptCharsets.bestMatch(['utf-8', 'iso-8859-1']) ?? null,
    cacheControl: { maxAge: cc.maxAge, noCache: cc.noCache, maxStale: cc.maxStale, text: String(cc) },
    ifMatch: String(req.ifMatch),
    ifNoneMatch: req.ifNoneMatch.containsWeak('v1'),
    ifModifiedSince: req.ifModifiedSince?.toISOString() ?? null,
    ifUnmodifiedSince: req.ifUnmodifiedSince?.toISOString() ?? null,
    ifRange: req.ifRange ? String(req.ifRange) : null,
    range: range ? { text: String(range), resolved: range.resolve(1000).status } : null,
    authorization: auth ? { type: auth.type, username: auth.username ?? null, text: String(auth) } : null,
    userAgent: req.userAgent,
    referrer: req.referrer ?? null,
    origin: req.origin ?? null,
    remoteAddr: req.remoteAddr ?? null,
    accessRoute: req.accessRoute,
    string: String(req),
  };
}

/**
 * Builds the app. It writes `hello.txt` (and `index.html`) into `publicDir`.
 *
 * @example
 * ```ts
 * const app = createHostileApp({ uploadDir, publicDir });
 * ```
 */
export function createHostileApp(options: HostileAppOptions): App {
  mkdirSync(options.publicDir, { recursive: true });
  mkdirSync(options.uploadDir, { recursive: true });
  writeFileSync(path.join(options.publicDir, 'hello.txt'), HELLO);
  writeFileSync(path.join(options.publicDir, 'index.html'), '<!doctype html><title>index</title>\n');
  const storage = diskStorage({ directory: options.uploadDir, threshold: options.threshold ?? 1024 });
  const maxContentLength = options.maxContentLength ?? 1024 * 1024;

  class HostileRequest extends Request {
    override fileStorage = storage;
    override maxContentLength = maxContentLength;
    override acceptContentEncodings = true;
  }

  const handler = HostileRequest.application(async (req) => {
    const route = req.path;
    switch (route) {
      case '/info':
        return json(describe(req));
      case '/bytes':
        return json({ length: (await req.bytes()).byteLength });
      case '/text':
        return json({ length: (await req.text()).length });
      case '/json':
        return json({ type: typeof (await req.json()) });
      case '/form':
        return json({ form: (await req.form()).toObject() });
      case '/files': {
        const files = await req.files();
        const out: Array<[string, string, number, boolean]> = [];
        for (const [field, file] of files) out.push([field, file.filename, (await file.bytes()).byteLength, file.path !== undefined]);
        return json({ form: (await req.form()).toObject(), files: out });
      }
      case '/parts': {
        const out: Array<[string, string | null, number]> = [];
        for await (const part of req.parts()) {
          const size = part.isFile ? (await part.bytes()).byteLength : (await part.text()).length;
          out.push([part.name, part.filename ?? null, size]);
        }
        return json({ parts: out });
      }
      case '/values':
        return json({ values: (await req.values()).toObject() });
      case '/stream': {
        let total = 0;
        for await (const chunk of req.stream) total += chunk.byteLength;
        return json({ length: total });
      }
      case '/big': {
        const count = Math.min(1024, Math.max(0, Number.parseInt(req.args.get('chunks') ?? '16', 10) || 0));
        return new Response(bigBody(count), { mimetype: 'application/octet-stream' });
      }
      case '/conditional': {
        const res = new Response(HELLO, { mimetype: 'text/plain' });
        res.setEtag('v1');
        res.lastModified = new Date(Date.UTC(2024, 0, 1));
        return res.makeConditional(req, { acceptRanges: true });
      }
      case '/redirect':
        // An open redirect on purpose: safeLocation must keep whatever the client sends harmless.
        // A script-running scheme is a TypeError, which an app taking the target from the request
        // answers with a 400 (docs/security.md).
        try {
          return redirect(req.args.get('to') ?? '/', 303);
        } catch (error) {
          if (error instanceof TypeError) throw new BadRequest(error.message);
          throw error;
        }
      case '/cookie': {
        const res = json({ ok: true });
        // Request values go into cookie values and paths, which the response must quote or refuse.
        res.setCookie('echo', req.args.get('value') ?? req.cookies.echo ?? '', { path: '/', httpOnly: true });
        res.setCookie('lang', req.acceptLanguages.bestMatch(['en', 'fr']) ?? 'en', { sameSite: 'lax' });
        return res;
      }
      default:
        if (route.startsWith('/file/')) {
          return sendFile(route.slice('/file'.length), req, { root: options.publicDir, precompressed: true });
        }
        throw new NotFound(`Nothing at ${JSON.stringify(route.slice(0, 100))}.`);
    }
  });
  return staticFiles(handler, { '/static': options.publicDir }, { fallthrough: false });
}

const LONG = 'a'.repeat(100_000);

/**
 * Header values and query pieces a hostile client sends: very long, control characters, invalid
 * UTF-8 and percent-escapes, quotes and backslashes, huge and negative numbers, prototype keys,
 * empty, and lists of 10,000 items. None holds CR, LF or NUL (no server passes those on); see
 * `RAW_ONLY_STRINGS` for those.
 */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  LONG,
  `${LONG},${LONG}`,
  '\x01\x02\x03\x7f\x1b[31m',
  '\u00ff\u00fe\u00c3\u0028', // Latin-1 bytes of invalid UTF-8, as Node hands them over
  '%',
  '%%',
  '%zz',
  '%C3%28',
  '%ED%A0%80',
  '%FF%FE%00',
  '%00',
  '%2e%2e%2f%2e%2e',
  '"',
  '""',
  '"\\"\\\\',
  "'; DROP TABLE x; --",
  '\\',
  '\\\\\\\\',
  '9'.repeat(400),
  '-1',
  '-9999999999999999999',
  '1e400',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  '__proto__',
  'constructor',
  '__proto__=1&__proto__[polluted]=1&constructor[prototype][x]=1',
  'a[__proto__][b]=1',
  'toString',
  ','.repeat(10_000),
  'a,'.repeat(10_000),
  'a;'.repeat(10_000),
  'a=1;'.repeat(10_000),
  'a=1&'.repeat(10_000),
  'a[]=1&'.repeat(10_000),
  '['.repeat(10_000),
  'a' + '[b]'.repeat(5_000) + '=1',
  'bytes=0-0,'.repeat(10_000),
  'W/"x", '.repeat(10_000),
  'text/html;q=0.5, '.repeat(10_000),
  '*/*;q=' + '1'.repeat(10_000),
  'q=2, *;q=-1, en;q=1.0000000001',
  'bytes=-0',
  'bytes=99999999999999999999-',
  'bytes=5-1',
  'Basic ' + 'A'.repeat(10_000),
  'Basic Og==',
  'Basic !!!',
  'Bearer',
  'Digest username="\\"x", realm=',
  'max-age=-1, max-age=99999999999999999999, no-cache="',
  'Sun, 06 Nov 1994 08:49:37 GMT',
  'Fri, 31 Feb 2024 25:61:61 GMT',
  'Sun, 06 Nov 99999 08:49:37 GMT',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="' + 'b'.repeat(100) + '"',
  'multipart/form-data; boundary=x; charset=utf-7',
  'text/plain; charset=bogus-charset',
  'text/plain; charset=utf-16le',
  'application/json; charset=ucs-2',
  'application/x-www-form-urlencoded; charset="',
  '[::1]:99999',
  '[::1',
  'evil.com:80:80',
  'a'.repeat(300),
  'localhost:0',
  'gzip, gzip, gzip',
  'br, deflate, identity;q=0',
  'x-unknown-coding',
  '\u00e9\u00e8',
  '\u{1F600}',
  '\uD800',
  '\uDFFF\uD800',
  '<script>alert(1)</script>',
  '//evil.com',
  '/\\evil.com',
  '\\\\evil.com\\x',
  'javascript:alert(1)',
  'http://[::1',
  '/..%2f..%2fetc/passwd',
];

/** Values only a raw environ can hold (a real server refuses them at the parser). */
export const RAW_ONLY_STRINGS: readonly string[] = ['a\r\nX-Injected: 1', '\0', 'x\ny', '\r', `${LONG}\n`];
