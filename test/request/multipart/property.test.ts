import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTPException } from '../../../src/errors.js';
import { iterateParts, parseMultipart } from '../../../src/request/multipart/index.js';
import { chunked, enc, fixture, splitAt } from './helpers.js';

const BCHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";
const boundaryArb = fc
  .array(fc.constantFrom(...BCHARS), { minLength: 1, maxLength: 70 })
  .map((chars) => chars.join(''));

/** Bytes biased towards the characters that matter to the parser. */
const bytesArb = (boundary: string) =>
  fc
    .array(
      fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom('\r', '\n', '\r\n', '-', '--', `--${boundary.slice(0, 3)}`, `\r\n--${boundary.slice(0, -1)}`, ' ').map(enc),
      ),
      { maxLength: 12 },
    )
    .map((pieces) => Buffer.concat(pieces));

const nameArb = fc.string({ maxLength: 12 }).map((s) => s.replace(/["\\\r\n\0-\x1f\x7f]/g, '_'));

interface GenPart {
  name: string;
  filename?: string;
  body: Uint8Array;
}

function build(boundary: string, parts: GenPart[], lfOnly: boolean): Uint8Array {
  const nl = lfOnly ? '\n' : '\r\n';
  const out: Uint8Array[] = [];
  for (const part of parts) {
    const fn = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    out.push(enc(`--${boundary}${nl}Content-Disposition: form-data; name="${part.name}"${fn}${nl}${nl}`), part.body, enc(nl));
  }
  out.push(enc(`--${boundary}--${nl}`));
  return Buffer.concat(out);
}

/** The outcome of parsing, as a comparable string: the parts, or the error's code and message. */
async function outcome(input: AsyncIterable<Uint8Array>, boundary: string): Promise<string> {
  try {
    const { form, files } = await parseMultipart(input, boundary);
    const fileList = [];
    for (const [key, file] of files) fileList.push([key, file.filename, Buffer.from(await file.bytes()).toString('hex')]);
    return JSON.stringify([[...form], fileList]);
  } catch (error) {
    if (!(error instanceof HTTPException)) throw error; // the property: nothing but HTTPException
    return `${error.code} ${error.description}`;
  }
}

/** The same outcome through iterateParts (the streaming path). */
async function streamedOutcome(input: AsyncIterable<Uint8Array>, boundary: string): Promise<string> {
  try {
    const form: Array<[string, string]> = [];
    const fileList: string[][] = [];
    for await (const part of iterateParts(input, boundary)) {
      if (part.isFile) fileList.push([part.name, part.filename!, Buffer.from(await part.bytes()).toString('hex')]);
      else form.push([part.name, await part.text()]);
    }
    return JSON.stringify([form, fileList]);
  } catch (error) {
    if (!(error instanceof HTTPException)) throw error;
    return `${error.code} ${error.description}`;
  }
}

const cutsArb = fc.array(fc.nat({ max: 4000 }), { maxLength: 30 });

describe('property: generated bodies round-trip under any chunking', () => {
  it('parses what was built, for every chunking, both APIs', async () => {
    await fc.assert(
      fc.asyncProperty(
        boundaryArb.chain((boundary) =>
          fc.record({
            boundary: fc.constant(boundary),
            parts: fc.array(
              fc.record({ name: nameArb, filename: fc.option(nameArb, { nil: undefined }), body: bytesArb(boundary) }),
              { maxLength: 6 },
            ),
            lfOnly: fc.boolean(),
            cuts: cutsArb,
          }),
        ),
        async ({ boundary, parts, lfOnly, cuts }) => {
          // A body holding the delimiter itself is not a valid body for this boundary.
          fc.pre(parts.every((p) => !Buffer.from(p.body).includes(`\n--${boundary}`)));
          // With LF-only line endings, a part ending in CR cannot be told apart from CRLF.
          fc.pre(!lfOnly || parts.every((p) => p.body[p.body.length - 1] !== 0x0d));
          const body = build(boundary, parts, lfOnly);
          const whole = await outcome(chunked(body, body.length || 1), boundary);
          // Names are sent as written, so the three escapes browsers use (%22, %0D, %0A) come back
          // decoded, as they would from a browser.
          const sent = (name: string) => name.replace(/%22|%0D|%0A/gi, (e) => decodeURIComponent(e));
          const expected = JSON.stringify([
            parts.filter((p) => p.filename === undefined).map((p) => [sent(p.name), new TextDecoder().decode(p.body)]),
            parts
              .filter((p) => p.filename !== undefined)
              .map((p) => [sent(p.name), sent(p.filename!), Buffer.from(p.body).toString('hex')]),
          ]);
          expect(whole).toBe(expected);
          expect(await outcome(splitAt(body, cuts), boundary)).toBe(expected);
          expect(await outcome(chunked(body, 1), boundary)).toBe(expected);
          expect(await streamedOutcome(splitAt(body, cuts), boundary)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: mutated bodies', () => {
  const seeds = [
    fixture('firefox3-2pnglongtext/request.http').subarray(0, 3000),
    fixture('ie7_full_path_request.http').subarray(0, 2500),
    build('xyz', [{ name: 'a', body: enc('hello') }, { name: 'f', filename: 'f.txt', body: enc('--xy\r\n--xyz-') }], false),
  ];
  const boundaries = ['---------------------------14904044739787191031754711748', '---------------------------7da36d1b4a0164', 'xyz'];

  const mutationArb = fc.array(
    fc.record({
      kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'dup'),
      at: fc.nat(),
      byte: fc.constantFrom(0x0d, 0x0a, 0x2d, 0x22, 0x3a, 0x3b, 0x00, 0x20, 0x41, 0xff),
      len: fc.integer({ min: 1, max: 80 }),
    }),
    { minLength: 1, maxLength: 5 },
  );

  function mutate(seed: Uint8Array, mutations: Array<{ kind: string; at: number; byte: number; len: number }>): Uint8Array {
    let body = Buffer.from(seed);
    for (const m of mutations) {
      const at = body.length ? m.at % body.length : 0;
      if (m.kind === 'flip') body[at] = m.byte;
      else if (m.kind === 'insert') body = Buffer.concat([body.subarray(0, at), Buffer.from([m.byte]), body.subarray(at)]);
      else if (m.kind === 'delete') body = Buffer.concat([body.subarray(0, at), body.subarray(at + m.len)]);
      else if (m.kind === 'truncate') body = body.subarray(0, at);
      else body = Buffer.concat([body.subarray(0, at), body.subarray(at, at + m.len), body.subarray(at)]);
    }
    return body;
  }

  it('throw only HTTPException, finish quickly, and agree across chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), mutationArb, cutsArb, async (which, mutations, cuts) => {
        const body = mutate(seeds[which], mutations);
        const boundary = boundaries[which];
        const started = performance.now();
        const reference = await outcome(chunked(body, 65536), boundary);
        expect(await outcome(splitAt(body, cuts), boundary)).toBe(reference);
        expect(await outcome(chunked(body, 7), boundary)).toBe(reference);
        expect(await streamedOutcome(splitAt(body, cuts), boundary)).toBe(reference);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 250 },
    );
  });

  it('random bytes with a random boundary: only HTTPException', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), boundaryArb, cutsArb, async (body, boundary, cuts) => {
        const reference = await outcome(chunked(body, 1 << 16), boundary);
        expect(await outcome(splitAt(body, cuts), boundary)).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});
