import { serve } from '../../dist/adapters/node/index.js';
import { report } from './listen.js';
class Base { constructor() { const f = (e, s) => f.serve(e, s); Object.setPrototypeOf(f, new.target.prototype); return f; } }
class R extends Base { #x = 1; constructor() { super(); this.headers = [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', '13']]; } serve(e, s) { s('200 OK', this.headers); return [hello]; } }
const hello = new TextEncoder().encode('Hello, World!');
const app = (environ, sr) => new R()(environ, sr);
report((await serve(app, { port: 0 })).server);
