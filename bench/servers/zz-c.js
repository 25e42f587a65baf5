import { Response } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
const app = (environ, sr) => new Response('Hello, World!')(environ, sr);
report((await serve(app, { port: 0 })).server);
