// examples/runtimes/site.js: the app docs/deployment.md serves with `tsgi serve` behind nginx.
import { Request, Response, redirect } from 'tsgi';
import { compress, proxyFix } from 'tsgi/middleware';

const site = Request.application(async (req) => {
  switch (req.path) {
    case '/whoami':
      return Response.json({
        remoteAddr: req.remoteAddr,
        scheme: req.scheme,
        host: req.host,
        rootPath: req.rootPath,
        url: req.url,
        pid: process.pid,
      });
    case '/login':
      // An absolute URL built from what nginx forwarded: scheme, host, port and prefix.
      return redirect(new URL('welcome', req.rootUrl).href);
    case '/upload': {
      let size = 0;
      let hash = 2166136261;
      for await (const chunk of req.stream) {
        size += chunk.byteLength;
        for (const byte of chunk) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
      }
      return Response.json({ size, fnv1a: hash });
    }
    case '/chat/socket':
      // A WebSocket echo. nginx passes the handshake on from a location of its own (see the
      // config); the Origin is checked against the Host nginx forwards.
      return req.acceptWebSocket({ protocol: 'echo' }, async (ws) => {
        for await (const message of ws) ws.send(message);
      });
    case '/stream':
      return new Response(
        (async function* () {
          for (let i = 0; i < 3; i++) {
            yield new TextEncoder().encode(`tick ${i}\n`);
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        })(),
        { mimetype: 'text/plain' },
      );
    default:
      return new Response('not found\n', { status: 404 });
  }
});

// nginx is the one proxy in front: trust one hop of each header it sets (see the nginx config).
export const app = proxyFix(compress(site), { xFor: 1, xProto: 1, xHost: 1, xPrefix: 1 });
