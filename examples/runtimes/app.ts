/**
 * The app every runtime serves in `test/e2e/runtimes`: the same code on Node, Bun, Deno and
 * Cloudflare workerd. Web-standard imports only (no `tsgi/node`), so it bundles for Workers without
 * Node compatibility flags.
 * @module
 */
import { Request, Response, redirect } from '../../src/index.js';
import { compress, dispatcher, webCodecs } from '../../src/middleware/index.js';
import type { App } from '../../src/gateway.js';
import { feed } from '../realtime/sse.js';
import { chat } from '../realtime/chat.js';

const encoder = new TextEncoder();

/** Which runtime answers: `navigator.userAgent` where there is one (Bun, Deno, workerd, Node 21+). */
function runtimeName(): string {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return agent ?? `Node.js/${(globalThis as { process?: { version?: string } }).process?.version ?? '?'}`;
}

const main = Request.application(async (req) => {
  switch (req.path) {
    case '/':
      return new Response(`hello from ${runtimeName()}\n`);
    case '/query':
      return Response.json({ name: req.args.get('name') ?? null, tags: req.args.getAll('tag') });
    case '/json':
      return Response.json({ received: await req.json(), method: req.method });
    case '/form': {
      const form = await req.form();
      const files = [];
      for (const [name, file] of await req.files()) {
        files.push({ name, filename: file.filename, type: file.mimetype, size: file.size, text: await file.text() });
      }
      return Response.json({ fields: [...form], files });
    }
    case '/stream': {
      const count = Number(req.args.get('n') ?? '5');
      const lines = (async function* () {
        for (let i = 0; i < count; i++) {
          yield encoder.encode(`line ${i}\n`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      return new Response(lines, { mimetype: 'text/plain' });
    }
    case '/cookies': {
      const res = Response.json({ got: req.cookies });
      res.setCookie('first', 'one', { path: '/', httpOnly: true });
      res.setCookie('second', 'two words', { path: '/', sameSite: 'lax' });
      return res;
    }
    case '/big':
      return new Response('tsgi compresses this line on every runtime.\n'.repeat(2000), { mimetype: 'text/plain' });
    case '/where':
      return Response.json({ url: req.url, scheme: req.scheme, host: req.host, remoteAddr: req.remoteAddr ?? null });
    case '/codecs':
      return Response.json(Object.keys(webCodecs()));
    case '/redirect':
      return redirect('/query?name=redirected');
    default:
      return new Response('not found\n', { status: 404 });
  }
});

/** Mounted under `/api` by `dispatcher`: sees the prefix in `SCRIPT_NAME`. */
const api = Request.application((req) => Response.json({ rootPath: req.rootPath, path: req.path, url: req.url }));

/**
 * The whole site: `/api/*` goes to `api`, `/sse/*` to the server-sent events feed of
 * `examples/realtime/sse.ts`, `/chat/*` to the chat room of `examples/realtime/chat.ts` (a
 * WebSocket and an event stream), everything else to `main`, all compressed when worth it (which
 * event streams and WebSocket handshakes never are).
 */
export const app: App = compress(dispatcher(main, { '/api': api, '/sse': feed, '/chat': chat }));
