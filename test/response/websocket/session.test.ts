/**
 * `WebSocketSession`, the app's connection on every server: queueing before the handshake, the
 * close rules, the limits, and how the end reaches the app (spec rules 14.9 to 14.13).
 */
import { describe, expect, it } from 'vitest';
import { WebSocketSession, isSendableCloseCode, messageBytes, type WebSocketTransport } from '../../../src/response/websocket/session.js';
import { websocketLimits, WEBSOCKET_DEFAULTS } from '../../../src/response/websocket/limits.js';
import type { WebSocketMessage } from '../../../src/gateway-websocket.js';

/** A transport that records what the session does, with a settable bufferedAmount. */
class RecordingTransport implements WebSocketTransport {
  sent: Array<string | Uint8Array> = [];
  closes: Array<[number, string]> = [];
  bufferedAmount = 0;
  send(message: string | Uint8Array): void {
    this.sent.push(message);
  }
  close(code: number, reason: string): void {
    this.closes.push([code, reason]);
  }
}

async function drain(session: WebSocketSession): Promise<WebSocketMessage[]> {
  const messages: WebSocketMessage[] = [];
  for await (const message of session) messages.push(message);
  return messages;
}

describe('WebSocketSession', () => {
  it('queues sends before open and flushes them in order, before later sends', () => {
    const session = new WebSocketSession('chat');
    expect(session.readyState).toBe('connecting');
    session.send('a');
    session.send(new Uint8Array([1]));
    expect(session.bufferedAmount).toBe(3);
    const transport = new RecordingTransport();
    session.open(transport);
    session.send('b');
    expect(session.readyState).toBe('open');
    expect(transport.sent).toEqual(['a', new Uint8Array([1]), 'b']);
    expect(session.bufferedAmount).toBe(0);
    expect(session.protocol).toBe('chat');
  });

  it('delivers a close made before open right after the handshake, after the queued messages', () => {
    const session = new WebSocketSession();
    session.send('last words');
    session.close(4001, 'not now');
    session.close(4002, 'ignored: the first close wins');
    session.send('dropped: sent after close');
    expect(session.readyState).toBe('closing');
    const transport = new RecordingTransport();
    session.open(transport);
    expect(transport.sent).toEqual(['last words']);
    expect(transport.closes).toEqual([[4001, 'not now']]);
    expect(session.readyState).toBe('closing');
  });

  it('reports closing, then closed, when closed before the handshake completed (as the WHATWG WebSocket does)', async () => {
    const session = new WebSocketSession();
    const iteration = drain(session);
    session.close(4001, 'not now');
    expect(session.readyState).toBe('closing');
    expect(await iteration).toEqual([]);
    session.abandon();
    expect(session.readyState).toBe('closed');
    expect(await session.closed).toEqual({ code: 1006, reason: 'the WebSocket handshake did not complete', wasClean: false });

    const completed = new WebSocketSession();
    completed.close(4002, 'bye');
    const transport = new RecordingTransport();
    completed.open(transport);
    expect(completed.readyState).toBe('closing');
    completed.transportClosed(4002, 'bye', true);
    expect(completed.readyState).toBe('closed');
    completed.open(new RecordingTransport());
    expect(completed.readyState).toBe('closed');
    expect(transport.closes).toEqual([[4002, 'bye']]);
  });

  it('opens once: a second open is ignored', () => {
    const session = new WebSocketSession();
    const first = new RecordingTransport();
    const second = new RecordingTransport();
    session.open(first);
    session.open(second);
    session.send('x');
    expect(first.sent).toEqual(['x']);
    expect(second.sent).toEqual([]);
  });

  it('refuses close codes and reasons that cannot be sent, with a TypeError that lists the allowed ones', () => {
    const session = new WebSocketSession();
    session.open(new RecordingTransport());
    for (const code of [999, 1004, 1005, 1006, 1015, 2000, 2999, 5000, 1000.5, Number.NaN]) {
      expect(() => session.close(code), `code ${code}`).toThrow(TypeError);
    }
    expect(() => session.close(1005)).toThrow(/use 1000, 1001-1003, 1007-1014 or 3000-4999/);
    expect(() => session.close(1000, 'x'.repeat(124))).toThrow(/at most 123 bytes of UTF-8/);
    // 41 three-byte characters are 123 bytes; 42 are too many.
    expect(() => session.close(1000, '\u20ac'.repeat(42))).toThrow(TypeError);
    expect(() => session.close(1000, 7 as unknown as string)).toThrow(TypeError);
    expect(session.readyState).toBe('open');
    session.close(1000, '\u20ac'.repeat(41));
    expect(session.readyState).toBe('closing');
  });

  it('knows the sendable close codes', () => {
    expect([1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999].every(isSendableCloseCode)).toBe(true);
    expect([1004, 1005, 1006, 1015, 2999, 5000, -1].some(isSendableCloseCode)).toBe(false);
  });

  it('closes with 1009 on a message over maxMessageSize, text measured in UTF-8 bytes', () => {
    const limits = websocketLimits({ maxMessageSize: 6 });
    const bytes = new WebSocketSession('', limits);
    const transport = new RecordingTransport();
    bytes.open(transport);
    bytes.receive(new Uint8Array(6));
    expect(transport.closes).toEqual([]);
    bytes.receive(new Uint8Array(7));
    expect(transport.closes).toEqual([[1009, 'message too big: the limit is 6 bytes']]);

    const text = new WebSocketSession('', limits);
    const textTransport = new RecordingTransport();
    text.open(textTransport);
    text.receive('\u20ac\u20ac'); // 6 bytes of UTF-8
    expect(textTransport.closes).toEqual([]);
    text.receive('\u20ac\u20aca'); // 7
    expect(textTransport.closes[0][0]).toBe(1009);
  });

  it('closes with 1008 when the peer reads too slowly (bufferedAmount over maxBufferedAmount)', () => {
    const session = new WebSocketSession('', websocketLimits({ maxBufferedAmount: 10 }));
    const transport = new RecordingTransport();
    session.open(transport);
    transport.bufferedAmount = 10;
    session.send('x');
    expect(transport.closes).toEqual([]);
    transport.bufferedAmount = 11;
    session.send('y');
    expect(transport.closes).toEqual([[1008, 'the peer reads too slowly: too many bytes waiting to be sent']]);
    session.send('dropped');
    expect(transport.sent).toEqual(['x', 'y']);
  });

  it('closes with 1008 when the queue before the handshake grows past maxBufferedAmount', () => {
    const session = new WebSocketSession('', websocketLimits({ maxBufferedAmount: 4 }));
    session.send(new Uint8Array(4));
    session.send(new Uint8Array(1));
    const transport = new RecordingTransport();
    session.open(transport);
    expect(transport.closes[0][0]).toBe(1008);
  });

  it('closes with 1008 when the app does not read (unread messages over maxQueuedBytes)', async () => {
    const session = new WebSocketSession('', websocketLimits({ maxQueuedBytes: 8 }));
    const transport = new RecordingTransport();
    session.open(transport);
    session.receive(new Uint8Array(5));
    session.receive(new Uint8Array(3));
    expect(transport.closes).toEqual([]);
    session.receive(new Uint8Array(1));
    expect(transport.closes).toEqual([[1008, 'messages arrive faster than the app reads them']]);
    session.transportClosed(1008, 'messages arrive faster than the app reads them', true);
    // What arrived before the limit is still read, then the iteration ends.
    expect(await drain(session)).toEqual([new Uint8Array(5), new Uint8Array(3)]);
  });

  it('hands a message straight to a waiting reader, and ignores messages before open or after close', async () => {
    const session = new WebSocketSession();
    session.receive('before open');
    const transport = new RecordingTransport();
    session.open(transport);
    const iterator = session[Symbol.asyncIterator]();
    const next = iterator.next();
    session.receive('hello');
    expect(await next).toEqual({ done: false, value: 'hello' });
    session.close();
    session.receive('after close');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a pending iteration when the connection closes, and closed tells how', async () => {
    const session = new WebSocketSession();
    session.open(new RecordingTransport());
    const reading = drain(session);
    session.receive('one');
    session.transportClosed(4000, 'bye', true);
    expect(await reading).toEqual(['one']);
    expect(await session.closed).toEqual({ code: 4000, reason: 'bye', wasClean: true });
    expect(session.closeInfo).toEqual({ code: 4000, reason: 'bye', wasClean: true });
    expect(session.readyState).toBe('closed');
  });

  it('aborts signal exactly once, also when read after the close', async () => {
    const session = new WebSocketSession();
    session.open(new RecordingTransport());
    let aborts = 0;
    session.signal.addEventListener('abort', () => aborts++);
    session.transportClosed(1000, '', true);
    session.transportClosed(1006, 'again', false);
    session.abandon();
    expect(aborts).toBe(1);
    expect((await session.closed).code).toBe(1000);
    expect(String((session.signal.reason as Error).message)).toMatch(/WebSocket closed \(1000\)/);

    const late = new WebSocketSession();
    late.abandon('no handshake');
    expect(late.signal.aborted).toBe(true);
    expect(await late.closed).toEqual({ code: 1006, reason: 'no handshake', wasClean: false });
  });

  it('drops sends once closing or closed, as browsers do', () => {
    const session = new WebSocketSession();
    const transport = new RecordingTransport();
    session.open(transport);
    session.close(1000);
    session.send('dropped');
    session.transportClosed(1000, '', true);
    session.send('dropped too');
    session.close(4000); // closing twice does nothing
    expect(transport.sent).toEqual([]);
    expect(transport.closes).toEqual([[1000, '']]);
  });

  it('takes ArrayBuffers and every view as binary, without copying a Uint8Array', () => {
    const session = new WebSocketSession();
    const transport = new RecordingTransport();
    session.open(transport);
    const bytes = new Uint8Array([1, 2]);
    session.send(bytes);
    session.send(new Uint8Array([3, 4]).buffer);
    const backing = new Uint8Array([0, 5, 6, 0]);
    session.send(new DataView(backing.buffer, 1, 2) as unknown as Uint8Array);
    session.send(new Uint16Array([0x0807]) as unknown as Uint8Array);
    expect(transport.sent[0]).toBe(bytes);
    expect(transport.sent.slice(1)).toEqual([new Uint8Array([3, 4]), new Uint8Array([5, 6]), new Uint8Array([7, 8])]);
  });

  it('refuses to send objects and other values, suggesting JSON.stringify for objects', () => {
    const session = new WebSocketSession();
    session.open(new RecordingTransport());
    expect(() => session.send({ hello: 'world' } as unknown as string)).toThrow(/did you mean ws.send\(JSON.stringify\(value\)\)/);
    expect(() => session.send(42 as unknown as string)).toThrow(/takes a string or bytes, got number/);
    expect(() => session.send(null as unknown as string)).toThrow(/got null$/);
    // Even when closed: a wrong call is a bug, whatever the state.
    session.transportClosed(1000, '', true);
    expect(() => session.send([1, 2] as unknown as string)).toThrow(TypeError);
  });

  it('uses the defaults without limits given, and messageBytes encodes text', () => {
    expect(new WebSocketSession().limits).toBe(WEBSOCKET_DEFAULTS);
    expect(WEBSOCKET_DEFAULTS).toEqual({ maxMessageSize: 1048576, maxBufferedAmount: 8388608, maxQueuedBytes: 8388608, pingInterval: 30000 });
    expect(messageBytes('\u20ac')).toEqual(new Uint8Array([0xe2, 0x82, 0xac]));
    const bytes = new Uint8Array([1]);
    expect(messageBytes(bytes)).toBe(bytes);
  });
});

describe('websocketLimits', () => {
  it('applies options over the defaults and names unknown keys and bad values', () => {
    expect(websocketLimits({ maxMessageSize: 10, pingInterval: undefined })).toEqual({ ...WEBSOCKET_DEFAULTS, maxMessageSize: 10 });
    expect(() => websocketLimits({ maxMesageSize: 1 } as never)).toThrow(/unknown limit 'maxMesageSize' \(known: maxMessageSize/);
    expect(() => websocketLimits({ maxMessageSize: -1 })).toThrow(/maxMessageSize must be a non-negative number of bytes, got -1/);
    expect(() => websocketLimits({ pingInterval: Infinity })).toThrow(/pingInterval must be a non-negative number of milliseconds/);
    expect(() => websocketLimits({ maxQueuedBytes: '5' as unknown as number })).toThrow(TypeError);
  });
});
