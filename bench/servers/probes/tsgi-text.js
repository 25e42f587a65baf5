// Probe: tsgi's adapter (`serve`) with a bare protocol app returning a TextBody, the body a
// Response gives for a string. No Request, no Response: what the adapter costs on its own.
import { serve } from '../../../dist/adapters/node/index.js';
import { TextBody } from '../../../dist/index.js';
import { HELLO, report } from '../listen.js';

const TEXT = [['Content-Type', 'text/plain; charset=utf-8']];
const app = (_environ, startResponse) => {
  startResponse('200 OK', TEXT);
  return new TextBody(HELLO);
};
const running = await serve(app, { port: 0 });
report(running.server);
