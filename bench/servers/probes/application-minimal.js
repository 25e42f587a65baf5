// Probe: `Request.application` and a `Request` (reading `method` and `path`, as the tsgi server
// does), answering with probes/callable-response's minimal callable response: what the request
// side costs. `node bench/ab.js probes/callable-response probes/application-minimal /hello`
import { Request } from '../../../dist/index.js';
import { HELLO } from '../listen.js';
import { CallableBase, responseClass, serveApp } from './response-shape.js';

const Response = responseClass(CallableBase);
await serveApp(
  Request.application((req) => (req.method === 'GET' && req.path === '/hello' ? new Response(HELLO) : new Response('Not Found'))),
);
