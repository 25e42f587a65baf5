/**
 * Node entry through the Fetch adapter: the same `toFetchHandler` as on Bun and Deno, bridged to
 * `node:http` in a few lines. For production on Node, use `serve` from 'tsgi/node' (or
 * `tsgi serve`), which runs the app without the Web Request/Response round trip.
 */
import { createServer, type Server } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pathToFileURL } from 'node:url';
import { toFetchHandler, type FetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

/**
 * A `node:http` server that answers through a Fetch handler.
 *
 * @example
 * ```ts
 * fetchBridge(toFetchHandler(app)).listen(8000, '127.0.0.1');
 * ```
 */
export function fetchBridge(handler: FetchHandler): Server {
  return createServer(async (req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    // request.signal becomes tsgi.signal: aborted when the client leaves before the response ends.
    const left = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) left.abort();
    });
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      signal: left.signal,
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
      ),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request, { remoteAddr: req.socket.remoteAddress ?? null });
    const headers: string[] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers.push(name, value);
    });
    for (const cookie of response.headers.getSetCookie()) headers.push('set-cookie', cookie);
    res.writeHead(response.status, response.statusText, headers);
    if (!response.body) return void res.end();
    // pipeline keeps back-pressure, and a client that leaves destroys the source, which cancels
    // the Web stream, which calls the app body's return().
    pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res, () => undefined);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = fetchBridge(toFetchHandler(app));
  server.listen(Number(process.env.PORT ?? 8000), process.env.HOST ?? '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}/`);
  });
}
