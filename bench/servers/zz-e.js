import { Headers } from '../../dist/index.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
const hello = new TextEncoder().encode('Hello, World!');
const app = (environ, sr) => { const h = new Headers(); h.append('Content-Type', 'text/plain; charset=utf-8'); h.append('Content-Length', '13'); sr('200 OK', h.toList()); return [hello]; };
report((await serve(app, { port: 0 })).server);
