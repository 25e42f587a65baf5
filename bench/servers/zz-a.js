import { Request, Response } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
const prebuilt = new Response('Hello, World!');
const app = Request.application((req) => (req.path === '/hello' ? prebuilt : prebuilt));
report((await serve(app, { port: 0 })).server);
