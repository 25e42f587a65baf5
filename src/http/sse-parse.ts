/**
 * Reading `text/event-stream`: the WHATWG HTML parsing algorithm (section 9.2.6, "Interpreting
 * an event stream"), fed text in pieces as it arrives. No I/O: decode the bytes (UTF-8) first.
 * @module
 */

/**
 * An event as a browser's `EventSource` dispatches it.
 *
 * @example
 * ```ts
 * const [event] = parseEventStream('id: 1\ndata: hi\n\n');
 * event; // { event: 'message', data: 'hi', id: '1' }
 * ```
 */
export interface ParsedEvent {
  /** The event type: the `event:` field, else `'message'`. */
  event: string;
  /** The `data:` lines joined with LF. */
  data: string;
  /** The last event id when the event was dispatched (ids carry over to later events), `''` when none. */
  id: string;
  /** The reconnection time the stream last set with `retry:`, when it set one so far. */
  retry?: number;
}

const DIGITS = /^[0-9]+$/;

/**
 * An incremental event-stream parser: {@link EventStreamParser.push} takes text as it arrives (a
 * line may be split anywhere between pieces, a CRLF too) and returns the events completed by it;
 * {@link EventStreamParser.end} drops an unfinished event, as the standard says. Comments, unknown
 * fields, an `id` holding NUL and a `retry` that is not all digits are ignored.
 *
 * @example
 * ```ts
 * const parser = new EventStreamParser();
 * parser.push('data: a\r');      // []
 * parser.push('\n\r\ndata: b');  // [{ event: 'message', data: 'a', id: '' }]
 * parser.end();                  // 'data: b' never ended: dropped
 * ```
 */
export class EventStreamParser {
  /** The last event id seen (what a browser would send as `Last-Event-ID`). */
  lastEventId = '';
  /** The reconnection time in milliseconds, once the stream set one. */
  retry: number | undefined = undefined;
  #line = '';
  #afterCR = false;
  #data = '';
  #type = '';

  /** Parses `text` and returns the events it completes, oldest first. */
  push(text: string): ParsedEvent[] {
    const events: ParsedEvent[] = [];
    let start = 0;
    const length = text.length;
    // A CR ended the previous piece: an LF right after it belongs to the same line break.
    if (this.#afterCR) {
      this.#afterCR = false;
      if (length > 0 && text.charCodeAt(0) === 10) start = 1;
    }
    for (let i = start; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      const line = this.#line + text.slice(start, i);
      this.#line = '';
      this.#processLine(line, events);
      if (code === 13) {
        if (i + 1 < length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#afterCR = true;
        }
      }
      start = i + 1;
    }
    if (start < length) this.#line += text.slice(start);
    return events;
  }

  /** Ends the stream: an event without its closing blank line is dropped, state is reset. */
  end(): void {
    this.#line = '';
    this.#afterCR = false;
    this.#data = '';
    this.#type = '';
  }

  #processLine(line: string, events: ParsedEvent[]): void {
    if (line === '') {
      this.#dispatch(events);
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) return; // a comment
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (DIGITS.test(value)) this.retry = Number.parseInt(value, 10);
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  #dispatch(events: ParsedEvent[]): void {
    // No data line since the last dispatch (a `data:` line with no value still counts: it adds an LF).
    if (this.#data === '') {
      this.#type = '';
      return;
    }
    const event: ParsedEvent = {
      event: this.#type === '' ? 'message' : this.#type,
      data: this.#data.slice(0, -1),
      id: this.lastEventId,
    };
    if (this.retry !== undefined) event.retry = this.retry;
    events.push(event);
    this.#data = '';
    this.#type = '';
  }
}

/**
 * Every complete event in a whole `text/event-stream` text (an unfinished last event is dropped).
 *
 * @example
 * ```ts
 * parseEventStream('event: a\ndata: 1\n\n: comment\ndata: 2\ndata: 3\n\n');
 * // [{ event: 'a', data: '1', id: '' }, { event: 'message', data: '2\n3', id: '' }]
 * ```
 */
export function parseEventStream(text: string): ParsedEvent[] {
  const parser = new EventStreamParser();
  const events = parser.push(text);
  parser.end();
  return events;
}
