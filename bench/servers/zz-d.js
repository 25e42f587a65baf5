import { encodeUtf8 } from '../../dist/http/utf8.js';
import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
const H = [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', '13']];
const app = (environ, sr) => { sr('200 OK', H); return [encodeUtf8('Hello, World!')]; };
report((await serve(app, { port: 0 })).server);
