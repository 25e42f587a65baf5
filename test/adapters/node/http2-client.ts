/** Small HTTP/2 and HTTPS/1.1 clients for the HTTP/2 tests (Node's http2.connect and https.request). */
import http2, { type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import https from 'node:https';

export interface Answer {
  status: number;
  /** Response headers, names in lower case, pseudo-headers removed. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Opens a session; `ca` is the test certificate (omit it for h2c). Fails the promise on a session error. */
export function connect(url: string, ca?: Buffer, options: http2.SecureClientSessionOptions = {}): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url, { ...(ca ? { ca } : {}), ...options });
    session.once('connect', () => {
      session.off('error', reject);
      // Errors after the connect are the test's to see through its requests.
      session.on('error', () => {});
      resolve(session);
    });
    session.once('error', reject);
  });
}

function plain(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(':') && value !== undefined) out[name] = value as string | string[];
  }
  return out;
}

/** One request on `session`; rejects when the stream is reset or errors. */
export function request(session: ClientHttp2Session, headers: OutgoingHttpHeaders, body?: Uint8Array | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': '/', ...headers }, { endStream: body === undefined });
    let status = 0;
    let responseHeaders: Record<string, string | string[]> = {};
    const chunks: Buffer[] = [];
    stream.on('response', (h) => {
      status = Number(h[':status']);
      responseHeaders = plain(h);
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve({ status, headers: responseHeaders, body: Buffer.concat(chunks) }));
    stream.on('error', (error: Error) => reject(Object.assign(error, { rstCode: stream.rstCode })));
    stream.on('close', () => {
      if (stream.rstCode !== http2.constants.NGHTTP2_NO_ERROR) reject(Object.assign(new Error(`stream reset with code ${stream.rstCode}`), { rstCode: stream.rstCode }));
    });
    if (body !== undefined) stream.end(body);
  });
}

/** One HTTP/1.1 request over TLS on a fresh connection. */
export function request1(url: string, ca: Buffer, options: https.RequestOptions = {}, body?: Uint8Array | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ca, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: plain(res.headers), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
