// tsgi through `serve`, with Request/Response and Request.application, from the built package.
import { Request, Response } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { HELLO, MESSAGE, report } from './listen.js';

const notFound = () => new Response('Not Found', { status: 404 });

const app = Request.application((req) => {
  const method = req.method;
  switch (req.path) {
    case '/hello':
      return method === 'GET' ? new Response(HELLO) : notFound();
    case '/json':
      return method === 'GET' ? Response.json(MESSAGE) : notFound();
    case '/query':
      return method === 'GET' ? Response.json(req.args.toRecord()) : notFound();
    case '/form':
      return method === 'POST' ? req.form().then((form) => Response.json(form.toRecord())) : notFound();
    default:
      return notFound();
  }
});

const running = await serve(app, { port: 0 });
report(running.server);
