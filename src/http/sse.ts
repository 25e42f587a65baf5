/**
 * Server-sent events on the wire (WHATWG HTML, section 9.2 "Server-sent events"): formatting an
 * event into `text/event-stream` lines, and the `Last-Event-ID` request header. The parser is in
 * `sse-parse.ts`. Pure functions on strings.
 * @module
 */

/**
 * One server-sent event, as an app sends it. Every field is optional, but an event needs one.
 *
 * @example
 * ```ts
 * const event: ServerSentEvent = { event: 'price', id: '42', data: JSON.stringify({ eur: 10 }) };
 * ```
 */
export interface ServerSentEvent {
  /** The message; may hold line breaks (CR, LF or CRLF), each line becomes one `data:` line. */
  data?: string;
  /** The event type (`addEventListener(type)` in the browser); `message` when absent. No CR, LF or NUL. */
  event?: string;
  /** The event's id, which the browser sends back as `Last-Event-ID` when it reconnects. No CR, LF or NUL. */
  id?: string;
  /** How long the browser waits before reconnecting, in milliseconds: a non-negative integer. */
  retry?: number;
}

/**
 * The longest `Last-Event-ID` that {@link parseLastEventId} accepts, in characters. Ids are the
 * app's own (a sequence number, a timestamp, a cursor): 1024 is room for any of them, and a longer
 * value is a client's invention, not one of ours.
 *
 * @example
 * ```ts
 * parseLastEventId(header, MAX_LAST_EVENT_ID / 4); // a feed whose ids are short
 * ```
 */
export const MAX_LAST_EVENT_ID = 1024;

const LINE_BREAK = /\r\n|\r|\n/;
const FORBIDDEN_IN_FIELD = /[\r\n\0]/;

function checkField(name: 'event' | 'id', value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`server-sent event ${name} must be a string, got ${typeof value}`);
  // A line break would end the field and start another one of the client's choosing; the parser
  // ignores an id holding NUL, so the browser would silently keep the previous one.
  if (FORBIDDEN_IN_FIELD.test(value)) {
    throw new TypeError(`server-sent event ${name} must not contain CR, LF or NUL: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * One event as `text/event-stream` text: `event:`, `id:`, `retry:`, one `data:` line per line of
 * `data` (CR, LF and CRLF all split), then the blank line that dispatches it. A `TypeError` for an
 * event that would not arrive as sent: CR, LF or NUL in `event` or `id`, a `retry` that is not a
 * non-negative integer, a `data` that is not a string, or no field at all.
 *
 * @example
 * ```ts
 * formatEvent({ event: 'note', id: '7', data: 'two\nlines' });
 * // 'event: note\nid: 7\ndata: two\ndata: lines\n\n'
 * ```
 */
export function formatEvent(event: ServerSentEvent): string {
  let out = '';
  if (event.event !== undefined) out += `event: ${checkField('event', event.event)}\n`;
  if (event.id !== undefined) out += `id: ${checkField('id', event.id)}\n`;
  const retry = event.retry;
  if (retry !== undefined) {
    if (typeof retry !== 'number' || !Number.isSafeInteger(retry) || retry < 0) {
      throw new TypeError(`server-sent event retry must be a non-negative integer of milliseconds, got ${String(retry)}`);
    }
    out += `retry: ${retry}\n`;
  }
  const data = event.data;
  if (data !== undefined) {
    if (typeof data !== 'string') throw new TypeError(`server-sent event data must be a string, got ${typeof data}`);
    // The fast path: most data is one line.
    if (!/[\r\n]/.test(data)) out += `data: ${data}\n`;
    else for (const line of data.split(LINE_BREAK)) out += `data: ${line}\n`;
  }
  if (out === '') throw new TypeError('a server-sent event needs data, event, id or retry');
  return `${out}\n`;
}

/**
 * A comment: lines starting with `:`, which clients ignore. Used as a heartbeat, to keep proxies
 * from closing an idle connection; `text` may hold line breaks (each line gets its own `:`).
 *
 * @example
 * ```ts
 * formatComment('keep-alive'); // ': keep-alive\n'
 * formatComment();             // ':\n'
 * ```
 */
export function formatComment(text = ''): string {
  if (typeof text !== 'string') throw new TypeError(`a server-sent event comment must be a string, got ${typeof text}`);
  let out = '';
  for (const line of text.split(LINE_BREAK)) out += line === '' ? ':\n' : `: ${line}\n`;
  return out;
}

/**
 * The `Last-Event-ID` a reconnecting client sent, as untrusted input: `undefined` when absent,
 * empty, longer than `max` characters ({@link MAX_LAST_EVENT_ID}) or holding NUL (which no id we
 * sent can hold). Anything else is returned as received: parse it as strictly as any other input
 * (a number, a known cursor) before using it, and scope what it replays to the client's own feed.
 *
 * @example
 * ```ts
 * parseLastEventId('41');            // '41'
 * parseLastEventId('x'.repeat(5000)); // undefined
 * ```
 */
export function parseLastEventId(value: string | undefined, max: number = MAX_LAST_EVENT_ID): string | undefined {
  if (value === undefined || value === '' || value.length > max || value.includes('\0')) return undefined;
  return value;
}
