/**
 * Clients for the node:http WebSocket tests: the `ws` package (a real client, as browsers behave),
 * and a raw TCP socket that does the handshake by hand, for peers that misbehave (never answer a
 * ping, stop reading) and for reading exactly what the server wrote.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

/** What the chat example's /stats answers. */
export interface ChatStats {
  open: number;
  finished: number;
  lastClose: null | { code: number; reason: string };
}

/** The chat example's /stats on the server at `url`. */
export async function chatStats(url: string): Promise<ChatStats> {
  return (await (await fetch(`${url}/stats`)).json()) as ChatStats;
}

/** A valid handshake request for `path`, written by hand (`host: null` leaves the Host header out). */
export function handshakeRequest(path: string, host: string | null = '127.0.0.1'): string {
  const hostLine = host === null ? '' : `Host: ${host}\r\n`;
  return `GET ${path} HTTP/1.1\r\n${hostLine}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

/** Resolves with the socket once open; rejects with the error, or the status of a refusal. */
export function openWebSocket(url: string, protocols: string[] = [], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, protocols, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${String(res.statusCode)}`)));
  });
}

/** The next message of `ws`: text as a string, binary as a Buffer. */
export function nextMessage(ws: WebSocket): Promise<string | Buffer> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer, isBinary: boolean) => resolve(isBinary ? data : data.toString()));
  });
}

/** How `ws` closed, as the client saw it. */
export async function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) throw new Error('already closed: call closeOf before the close');
  const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
  return { code, reason: reason.toString() };
}

/** The answer to a handshake the `ws` client did not accept: status, headers, body. */
export function refusalOf(url: string, protocols: string[] = [], options: WebSocket.ClientOptions = {}): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const ws = new WebSocket(url, protocols, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the handshake was accepted')));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
  });
}

/** A WebSocket handshake done by hand over TCP. */
export interface RawWebSocket {
  socket: Socket;
  /** The response head, up to the empty line. */
  head: string;
  /** Everything received after the head so far (frames). */
  received(): Buffer;
}

/**
 * Sends a handshake for `path` with `headers` (and `early` bytes right behind it, in the same
 * write) and resolves once the response head has arrived.
 */
export function rawHandshake(port: number, path: string, headers: Record<string, string> = {}, early?: Buffer): Promise<RawWebSocket> {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let head: string | undefined;
    const request = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    const socket = connect(port, '127.0.0.1', () => socket.write(early === undefined ? request : Buffer.concat([request, early])));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (head !== undefined) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      head = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 4);
      resolve({ socket, head, received: () => buffer });
    });
  });
}

/** Sends `request` as it is and resolves with everything the server sent until it closed. */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

/** A frame from the server (never masked). */
export interface Frame {
  opcode: number;
  payload: Buffer;
}

/** The complete frames at the start of `data`. */
export function parseFrames(data: Buffer): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (data.length - at >= 2) {
    const opcode = data[at] & 0x0f;
    let length = data[at + 1] & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (data.length < at + 4) break;
      length = data.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      if (data.length < at + 10) break;
      length = Number(data.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (data.length < start + length) break;
    frames.push({ opcode, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

/** A short text frame from a client (masked, as RFC 6455 requires of clients). */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('maskedTextFrame: short texts only');
  const mask = randomBytes(4);
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x81;
  frame[1] = 0x80 | payload.length;
  mask.copy(frame, 2);
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i] ^ mask[i % 4];
  return frame;
}

/** The code and reason of a close frame's payload. */
export function closePayload(frame: Frame): { code: number; reason: string } {
  return { code: frame.payload.readUInt16BE(0), reason: frame.payload.subarray(2).toString() };
}
