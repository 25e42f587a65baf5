// One static-file server for bench/static.js, run in its own process:
//   node bench/static-server.js <tsgi|express|fastify> <directory>
// It serves <directory> under /static/ on 127.0.0.1 (a free port) and prints `READY <port>`.
import { createServer } from 'node:http';

const [kind, dir] = process.argv.slice(2);

async function start() {
  if (kind === 'tsgi') {
    const { serve, staticFiles } = await import('../dist/adapters/node/index.js');
    const app = staticFiles(null, { '/static': dir });
    const server = await serve(app, { host: '127.0.0.1', port: 0 });
    return server.port;
  }
  let server;
  if (kind === 'express') {
    const { default: express } = await import('express');
    const { default: serveStatic } = await import('serve-static');
    const app = express();
    app.use('/static', serveStatic(dir));
    server = createServer(app);
  } else if (kind === 'fastify') {
    const { default: Fastify } = await import('fastify');
    const { default: fastifyStatic } = await import('@fastify/static');
    const app = Fastify({ logger: false });
    await app.register(fastifyStatic, { root: dir, prefix: '/static/' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return app.server.address().port;
  } else {
    throw new Error(`unknown server kind ${kind}`);
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

const port = await start();
process.stdout.write(`READY ${port}\n`);
// The parent ends us with SIGTERM; exit promptly whatever the framework does with signals.
process.on('SIGTERM', () => process.exit(0));
