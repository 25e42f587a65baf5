import { Request } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
const hello = new TextEncoder().encode('Hello, World!');
const H = [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', '13']];
const app = (environ, sr) => { const req = new Request(environ); if (req.path === '/hello') { sr('200 OK', H); return [hello]; } sr('200 OK', H); return [hello]; };
report((await serve(app, { port: 0 })).server);
