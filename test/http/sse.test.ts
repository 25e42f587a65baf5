/**
 * Server-sent events on the wire: formatting (WHATWG HTML 9.2), the parser (section 9.2.6,
 * "Interpreting an event stream"), and Last-Event-ID as untrusted input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatComment, formatEvent, MAX_LAST_EVENT_ID, parseLastEventId, type ServerSentEvent } from '../../src/http/sse.js';
import { EventStreamParser, parseEventStream } from '../../src/http/sse-parse.js';

describe('formatEvent', () => {
  it('writes event, id, retry and data lines, then the blank line', () => {
    expect(formatEvent({ data: 'hi' })).toBe('data: hi\n\n');
    expect(formatEvent({ event: 'note', id: '7', retry: 100, data: 'x' })).toBe('event: note\nid: 7\nretry: 100\ndata: x\n\n');
    expect(formatEvent({ id: '' })).toBe('id: \n\n'); // an empty id resets the browser's last id
    expect(formatEvent({ retry: 0 })).toBe('retry: 0\n\n');
    expect(formatEvent({ data: '' })).toBe('data: \n\n');
  });

  it('splits multi-line data on CR, LF and CRLF into data: lines', () => {
    expect(formatEvent({ data: 'a\nb\r\nc\rd' })).toBe('data: a\ndata: b\ndata: c\ndata: d\n\n');
    expect(formatEvent({ data: 'end\n' })).toBe('data: end\ndata: \n\n');
    expect(formatEvent({ data: '\r\n' })).toBe('data: \ndata: \n\n');
    // CR then LF is one break; LF then CR two.
    expect(formatEvent({ data: 'a\n\rb' })).toBe('data: a\ndata: \ndata: b\n\n');
  });

  it('keeps leading spaces and colons in values (the parser strips one space only)', () => {
    expect(parseEventStream(formatEvent({ event: ' spaced', data: '  two: spaces' }))).toEqual([{ event: ' spaced', data: '  two: spaces', id: '' }]);
  });

  it.each([
    ['LF in event', { event: 'a\nb', data: 'x' }],
    ['CR in event', { event: 'a\rb', data: 'x' }],
    ['NUL in event', { event: 'a\0b', data: 'x' }],
    ['LF in id', { id: '1\ndata: forged', data: 'x' }],
    ['CR in id', { id: '1\r', data: 'x' }],
    ['NUL in id', { id: '1\0', data: 'x' }],
    ['a fractional retry', { retry: 1.5 }],
    ['a negative retry', { retry: -1 }],
    ['a NaN retry', { retry: Number.NaN }],
    ['an infinite retry', { retry: Number.POSITIVE_INFINITY }],
    ['a string retry', { retry: '100' as unknown as number }],
    ['non-string data', { data: 42 as unknown as string }],
    ['a non-string id', { id: 7 as unknown as string }],
    ['no field at all', {}],
  ])('refuses %s with a TypeError', (_name, event) => {
    expect(() => formatEvent(event as ServerSentEvent)).toThrow(TypeError);
  });

  it('round-trips through the parser (property)', () => {
    const fieldText = fc.string({ unit: 'binary' }).map((s) => s.replace(/[\r\n\0]/g, ''));
    fc.assert(
      fc.property(
        fc.record(
          { data: fc.string({ unit: 'binary' }), event: fieldText, id: fieldText, retry: fc.nat() },
          { requiredKeys: ['data'] },
        ),
        (event) => {
          const [parsed] = parseEventStream(formatEvent(event));
          // The parser sees lines, so any line break in data comes back as LF.
          expect(parsed.data).toBe(event.data.replace(/\r\n|\r/g, '\n'));
          expect(parsed.event).toBe(event.event === undefined || event.event === '' ? 'message' : event.event);
          expect(parsed.id).toBe(event.id ?? '');
          expect(parsed.retry).toBe(event.retry);
        },
      ),
    );
  });
});

describe('formatComment', () => {
  it('prefixes every line with a colon', () => {
    expect(formatComment()).toBe(':\n');
    expect(formatComment('keep-alive')).toBe(': keep-alive\n');
    expect(formatComment('a\r\nb\n')).toBe(': a\n: b\n:\n');
    expect(parseEventStream(`${formatComment('x\ndata: forged')}\n`)).toEqual([]);
  });
});

describe('parseLastEventId', () => {
  it('returns the id as sent, and undefined for absent, empty, too long or NUL', () => {
    expect(parseLastEventId('41')).toBe('41');
    expect(parseLastEventId(' a b ')).toBe(' a b ');
    expect(parseLastEventId(undefined)).toBeUndefined();
    expect(parseLastEventId('')).toBeUndefined();
    expect(parseLastEventId('x'.repeat(MAX_LAST_EVENT_ID))).toHaveLength(1024);
    expect(parseLastEventId('x'.repeat(MAX_LAST_EVENT_ID + 1))).toBeUndefined();
    expect(parseLastEventId('1\0')).toBeUndefined();
    expect(parseLastEventId('12345', 4)).toBeUndefined();
  });
});

describe('EventStreamParser (WHATWG "Interpreting an event stream")', () => {
  it('ends lines at CRLF, LF or CR, also when a piece ends between CR and LF', () => {
    expect(parseEventStream('data: a\r\n\r\ndata: b\n\ndata: c\r\r')).toEqual([
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: 'b', id: '' },
      { event: 'message', data: 'c', id: '' },
    ]);
    const parser = new EventStreamParser();
    expect(parser.push('data: x\r')).toEqual([]);
    // The LF after the CR is the same line break, not an empty line: no dispatch yet.
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\r')).toEqual([{ event: 'message', data: 'x', id: '' }]);
    expect(parser.push('\ndata: y\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'y', id: '' }]);
  });

  it('parses a stream split at every character as it parses it whole', () => {
    const text = 'retry: 50\r\nevent: a\r\nid: 1\r\ndata: one\r\ndata:two\r\n\r\n: c\rdata: é\n\n';
    const whole = parseEventStream(text);
    const parser = new EventStreamParser();
    const pieces = [...text].flatMap((char) => parser.push(char));
    expect(pieces).toEqual(whole);
    expect(whole).toEqual([
      { event: 'a', data: 'one\ntwo', id: '1', retry: 50 },
      { event: 'message', data: 'é', id: '1', retry: 50 },
    ]);
  });

  it('follows the field rules: one space stripped, no colon means an empty value, unknown fields ignored', () => {
    expect(parseEventStream('data\n\ndata:\n\ndata:  x\nfoo: bar\n\n')).toEqual([
      { event: 'message', data: '', id: '' },
      { event: 'message', data: '', id: '' },
      { event: 'message', data: ' x', id: '' },
    ]);
  });

  it('ignores comments, an id with NUL, a non-digit retry; keeps the last id across events', () => {
    const parser = new EventStreamParser();
    const events = parser.push(': hello\nid: 5\ndata: a\n\nid: 6\0\nretry: 1.5\nretry: x\ndata: b\n\n');
    expect(events).toEqual([
      { event: 'message', data: 'a', id: '5' },
      { event: 'message', data: 'b', id: '5' },
    ]);
    expect(parser.lastEventId).toBe('5');
    expect(parser.retry).toBeUndefined();
  });

  it('does not dispatch a block without data, but takes its id and event type is reset', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: x\nid: 9\n\ndata: y\n\n')).toEqual([{ event: 'message', data: 'y', id: '9' }]);
  });

  it('drops an event that the stream ends before its blank line', () => {
    expect(parseEventStream('data: a\n\ndata: unfinished\n')).toEqual([{ event: 'message', data: 'a', id: '' }]);
  });

  it('parses long streams in linear time', () => {
    const text = 'data: x\n\n'.repeat(100_000) + 'data: ' + 'y'.repeat(1_000_000) + '\n\n';
    const started = performance.now();
    const events = parseEventStream(text);
    expect(events).toHaveLength(100_001);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
