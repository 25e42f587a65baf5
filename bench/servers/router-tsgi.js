// tsgi's Router through `serve`: the 12 routes of the standard router set (bench/routing-routes.js),
// each answering its params as JSON, from the built package. bench/servers/router-fastify.js is
// the same app in Fastify: `node bench/ab.js router-fastify router-tsgi /event/abcd1234/comments`.
import { Response } from '../../dist/index.js';
import { Router } from '../../dist/routing/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { HELLO, report } from './listen.js';

const hello = () => new Response(HELLO);
const params = (_req, values) => Response.json(values);

const app = new Router()
  .get('/user', hello)
  .get('/user/comments', hello)
  .get('/user/avatar', hello)
  .get('/user/lookup/username/<username>', params)
  .get('/user/lookup/email/<address>', params)
  .get('/event/<id>', params)
  .get('/event/<id>/comments', params)
  .post('/event/<id>/comment', params)
  .get('/map/<location>/events', params)
  .get('/status', hello)
  .get('/very/deeply/nested/route/hello/there', hello)
  .get('/static/<path:path>', params);

const running = await serve(app, { port: 0 });
report(running.server);
