import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { isRangeableBody, makeConditional, type RangeableBody } from '../../src/response/conditional.js';

const DATA = new TextEncoder().encode('0123456789');
const MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';
const BEFORE = 'Sun, 31 Dec 2023 00:00:00 GMT';
const AFTER = 'Tue, 02 Jan 2024 00:00:00 GMT';

function resource(body: Uint8Array | RangeableBody = DATA): Response {
  const res = new Response(body, { mimetype: 'application/octet-stream' });
  res.setEtag('v1');
  res.headers.set('Last-Modified', MODIFIED);
  return res;
}

function req(headers: Record<string, string>, method = 'GET'): Request {
  return Request.blank('/file', { method, headers });
}

async function run(headers: Record<string, string>, options = { acceptRanges: true }, method = 'GET', body?: RangeableBody) {
  const res = resource(body);
  await res.makeConditional(req(headers, method), options);
  return res;
}

/** A file-like body that records which slices were read. */
function fakeFile(data: Uint8Array): RangeableBody & { reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  return {
    size: data.byteLength,
    reads,
    async *slice(start: number, end: number) {
      reads.push([start, end]);
      yield data.slice(start, end);
    },
    async *[Symbol.asyncIterator]() {
      reads.push([0, data.byteLength]);
      yield data;
    },
  };
}

describe('preconditions (RFC 9110 13.2.2)', () => {
  it('If-Match: strong match passes, mismatch or weak gives 412, * passes', async () => {
    expect((await run({ 'If-Match': '"v1"' })).statusCode).toBe(200);
    expect((await run({ 'If-Match': '"v0", "v1"' })).statusCode).toBe(200);
    expect((await run({ 'If-Match': '"v2"' })).statusCode).toBe(412);
    expect((await run({ 'If-Match': 'W/"v1"' })).statusCode).toBe(412);
    expect((await run({ 'If-Match': '*' })).statusCode).toBe(200);
    expect((await run({ 'If-Match': '"v2"' }, undefined, 'PUT')).statusCode).toBe(412);
    const weakRes = new Response('x');
    weakRes.setEtag('v1', true);
    await weakRes.makeConditional(req({ 'If-Match': '"v1"' }));
    expect(weakRes.statusCode).toBe(412);
  });
  it('If-Unmodified-Since: 412 when modified after, ignored when If-Match is present', async () => {
    expect((await run({ 'If-Unmodified-Since': BEFORE })).statusCode).toBe(412);
    expect((await run({ 'If-Unmodified-Since': MODIFIED })).statusCode).toBe(200);
    expect((await run({ 'If-Unmodified-Since': AFTER })).statusCode).toBe(200);
    expect((await run({ 'If-Unmodified-Since': BEFORE, 'If-Match': '"v1"' })).statusCode).toBe(200);
    expect((await run({ 'If-Unmodified-Since': 'garbage' })).statusCode).toBe(200);
  });
  it('If-None-Match: weak comparison, 304 for GET/HEAD, 412 otherwise', async () => {
    expect((await run({ 'If-None-Match': '"v1"' })).statusCode).toBe(304);
    expect((await run({ 'If-None-Match': 'W/"v1"' })).statusCode).toBe(304);
    expect((await run({ 'If-None-Match': '"v0", "v1"' }, undefined, 'HEAD')).statusCode).toBe(304);
    expect((await run({ 'If-None-Match': '*' })).statusCode).toBe(304);
    expect((await run({ 'If-None-Match': '"v2"' })).statusCode).toBe(200);
    expect((await run({ 'If-None-Match': '"v1"' }, undefined, 'POST')).statusCode).toBe(412);
    expect((await run({ 'If-None-Match': '*' }, undefined, 'PUT')).statusCode).toBe(412);
  });
  it('If-Modified-Since: 304 when not modified since, ignored with If-None-Match or for POST', async () => {
    expect((await run({ 'If-Modified-Since': MODIFIED })).statusCode).toBe(304);
    expect((await run({ 'If-Modified-Since': AFTER })).statusCode).toBe(304);
    expect((await run({ 'If-Modified-Since': BEFORE })).statusCode).toBe(200);
    expect((await run({ 'If-Modified-Since': AFTER, 'If-None-Match': '"v2"' })).statusCode).toBe(200);
    expect((await run({ 'If-Modified-Since': AFTER }, undefined, 'POST')).statusCode).toBe(200);
    expect((await run({ 'If-Modified-Since': 'Sunday, 01-Jan-34 00:00:00 GMT' })).statusCode).toBe(304);
  });
  it('checks If-Match before If-None-Match and conditions before Range', async () => {
    expect((await run({ 'If-Match': '"v2"', 'If-None-Match': '"v1"' })).statusCode).toBe(412);
    const res = await run({ 'If-None-Match': '"v1"', Range: 'bytes=0-1' });
    expect(res.statusCode).toBe(304);
  });
  it('leaves non-2xx responses alone', async () => {
    const res = new Response('missing', { status: 404 });
    res.setEtag('v1');
    await res.makeConditional(req({ 'If-None-Match': '"v1"', Range: 'bytes=0-1' }), { acceptRanges: true });
    expect(res.statusCode).toBe(404);
  });
  it('serves a 304 without the body but with the validators', async () => {
    const res = await run({ 'If-None-Match': '"v1"' });
    const served = await Request.blank('/').getResponse(res);
    expect(served.statusCode).toBe(304);
    expect(served.headers.get('ETag')).toBe('"v1"');
    expect(await served.text()).toBe('');
  });
});

describe('ranges (RFC 9110 14)', () => {
  it('serves a single range as 206 with Content-Range and Content-Length', async () => {
    const res = await run({ Range: 'bytes=2-5' });
    expect(res.statusCode).toBe(206);
    expect(res.headers.get('Content-Range')).toBe('bytes 2-5/10');
    expect(res.headers.get('Content-Length')).toBe('4');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(await res.text()).toBe('2345');
    expect(await (await run({ Range: 'bytes=-3' })).text()).toBe('789');
    expect(await (await run({ Range: 'bytes=7-' })).text()).toBe('789');
    expect(await (await run({ Range: 'bytes=5-100' })).text()).toBe('56789');
  });
  it('serves several ranges as multipart/byteranges with an exact length', async () => {
    const res = await run({ Range: 'bytes=0-1,5-6' });
    expect(res.statusCode).toBe(206);
    const type = res.headers.get('Content-Type')!;
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)![1];
    const text = await res.text();
    expect(text).toBe(
      `--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-1/10\r\n\r\n01` +
        `\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 5-6/10\r\n\r\n56` +
        `\r\n--${boundary}--\r\n`,
    );
    expect(Number(res.headers.get('Content-Length'))).toBe(new TextEncoder().encode(text).byteLength);
    expect(res.headers.has('Content-Range')).toBe(false);
  });
  it('answers 416 with bytes */length when nothing is satisfiable', async () => {
    const res = await run({ Range: 'bytes=10-' });
    expect(res.statusCode).toBe(416);
    expect(res.headers.get('Content-Range')).toBe('bytes */10');
    expect(await res.text()).toBe('');
  });
  it('ignores malformed, abusive and overlapping ranges (full 200)', async () => {
    for (const range of ['bytes=5-1', 'bytes=x', 'items=0-1', `bytes=${'0-0,'.repeat(200)}0-0`, 'bytes=0-0,0-0', 'bytes=-5,0-9', 'bytes=0-,1-2']) {
      const res = await run({ Range: range });
      expect(res.statusCode, range).toBe(200);
      expect(await res.text()).toBe('0123456789');
    }
  });
  it('ignores Range without acceptRanges, for POST, and when If-Range is stale', async () => {
    expect((await run({ Range: 'bytes=0-1' }, { acceptRanges: false })).statusCode).toBe(200);
    expect((await run({ Range: 'bytes=0-1' }, { acceptRanges: true }, 'POST')).statusCode).toBe(200);
    expect((await run({ Range: 'bytes=0-1', 'If-Range': '"v1"' })).statusCode).toBe(206);
    expect((await run({ Range: 'bytes=0-1', 'If-Range': '"v0"' })).statusCode).toBe(200);
    expect((await run({ Range: 'bytes=0-1', 'If-Range': 'W/"v1"' })).statusCode).toBe(200);
    expect((await run({ Range: 'bytes=0-1', 'If-Range': MODIFIED })).statusCode).toBe(206);
    expect((await run({ Range: 'bytes=0-1', 'If-Range': AFTER })).statusCode).toBe(200);
    expect((await run({ 'If-Range': '"v0"' })).statusCode).toBe(200);
  });
  it('slices a file-like body without reading the rest', async () => {
    const file = fakeFile(DATA);
    expect(isRangeableBody(file)).toBe(true);
    const res = await run({ Range: 'bytes=3-4' }, { acceptRanges: true }, 'GET', file);
    expect(res.statusCode).toBe(206);
    expect(await res.text()).toBe('34');
    expect(file.reads).toEqual([[3, 5]]);
    const multi = fakeFile(DATA);
    const res2 = await run({ Range: 'bytes=0-0,8-9' }, { acceptRanges: true }, 'GET', multi);
    expect(await res2.text()).toContain('\r\n\r\n89\r\n');
    expect(multi.reads).toEqual([[0, 1], [8, 10]]);
  });
  it('ignores ranges of a stream that cannot slice itself', async () => {
    const res = new Response((async function* () { yield DATA; })());
    await res.makeConditional(req({ Range: 'bytes=0-1' }), { acceptRanges: true, completeLength: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
  });
  it('works from a bare environ', async () => {
    const res = resource();
    await makeConditional(res, req({ Range: 'bytes=0-0' }).environ, { acceptRanges: true });
    expect(res.statusCode).toBe(206);
    expect(await res.text()).toBe('0');
  });
});

describe('If-Range that cannot be read', () => {
  // RFC 9110 13.1.5: a validator that does not match means the Range is ignored; one we cannot
  // read matches nothing, so a resumed download is never stitched from two versions.
  it.each(['unquoted', '"unterminated', 'Mon, 01 Jan 2024 00:00:00 GMT trailing', 'Monday'])(
    'If-Range: %s answers the full 200',
    async (ifRange) => {
      const res = new Response(DATA);
      res.setEtag('v2');
      res.headers.set('Last-Modified', MODIFIED);
      await res.makeConditional(req({ Range: 'bytes=0-4', 'If-Range': ifRange }), { acceptRanges: true });
      expect(res.statusCode).toBe(200);
      expect(await res.text()).toBe('0123456789');
    },
  );
});

/** A stream and an iterator that record whether they were cancelled / returned. */
function trackedBodies(): { stream: ReadableStream<Uint8Array>; iterator: AsyncGenerator<Uint8Array>; closed: string[] } {
  const closed: string[] = [];
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(DATA);
    },
    cancel() {
      closed.push('stream');
    },
  });
  const iterator = (async function* () {
    try {
      for (;;) yield DATA;
    } finally {
      closed.push('iterator');
    }
  })();
  return { stream, iterator, closed };
}

describe('bodies that are not sent are closed', () => {
  it.each([
    ['412', { 'If-Match': '"nope"' }, 412],
    ['304', { 'If-None-Match': '"v1"' }, 304],
  ])('%s: the stream body is cancelled and dropped', async (_name, headers, status) => {
    const { stream, closed } = trackedBodies();
    const res = new Response(stream, { mimetype: 'text/plain' });
    res.setEtag('v1');
    await res.makeConditional(req(headers));
    expect(res.statusCode).toBe(status);
    expect(closed).toEqual(['stream']);
    expect(res.isStreamed).toBe(false);
  });
  it('412 drops the representation headers and answers an empty body', async () => {
    const res = resource();
    res.headers.set('Content-Encoding', 'gzip');
    res.headers.set('Content-Disposition', 'attachment');
    await res.makeConditional(req({ 'If-Match': '"nope"' }));
    expect(res.statusCode).toBe(412);
    for (const name of ['Content-Type', 'Content-Encoding', 'Content-Disposition']) expect(res.headers.has(name)).toBe(false);
    expect(res.headers.get('Content-Length')).toBe('0');
    expect(res.headers.get('ETag')).toBe('"v1"');
    const served = await Request.blank('/').getResponse(res);
    expect(served.statusCode).toBe(412);
    expect(await served.text()).toBe('');
  });
  it('304 keeps the Content-Length of the representation it stands for', async () => {
    const res = await run({ 'If-None-Match': '"v1"' });
    expect(res.statusCode).toBe(304);
    expect(res.headers.get('Content-Length')).toBe('10');
  });
  it('an iterator body turned into a 412 is returned once', async () => {
    const { iterator, closed } = trackedBodies();
    await iterator.next(); // mid-body: its finally is pending
    const res = new Response(iterator);
    res.setEtag('v1');
    await res.makeConditional(req({ 'If-Match': '"nope"' }));
    expect(closed).toEqual(['iterator']);
    const served = await Request.blank('/').getResponse(res);
    expect(served.statusCode).toBe(412);
    expect(closed).toEqual(['iterator']);
  });
  it.each([
    ['one range', 'bytes=2-4', '234'],
    ['several ranges', 'bytes=0-1,8-9', undefined],
  ])('206 (%s): the generator body the slices replace is closed: its finally runs', async (_name, range, text) => {
    const { iterator, closed } = trackedBodies();
    await iterator.next(); // mid-body, as after a peek at the first chunk: its finally is pending
    const body: RangeableBody = Object.assign(iterator, {
      size: DATA.byteLength,
      slice: (start: number, end: number) => [DATA.subarray(start, end)],
    });
    const res = await run({ Range: range }, { acceptRanges: true }, 'GET', body);
    expect(res.statusCode).toBe(206);
    expect(closed).toEqual(['iterator']);
    const served = await Request.blank('/').getResponse(res);
    if (text !== undefined) expect(await served.text()).toBe(text);
    else expect(await served.text()).toContain('Content-Range: bytes 8-9/10');
    expect(closed).toEqual(['iterator']);
  });
  it('416: the dropped body is closed', async () => {
    const file = fakeFile(DATA);
    let returned = 0;
    const body: RangeableBody = {
      size: file.size,
      slice: (start, end) => file.slice(start, end),
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: true, value: undefined }),
        return: async () => {
          returned++;
          return { done: true, value: undefined };
        },
      }),
    };
    const res = await run({ Range: 'bytes=50-' }, { acceptRanges: true }, 'GET', body);
    expect(res.statusCode).toBe(416);
    expect(returned).toBe(1);
    expect(file.reads).toEqual([]);
  });
});
