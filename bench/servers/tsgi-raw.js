// tsgi's adapter alone: `serve` with apps written in the raw protocol, no Request/Response.
// Separates the adapter's cost from the wrappers' (bench/profile.js).
import { serve } from '../../dist/adapters/node/index.js';
import { HELLO, MESSAGE, pairsToObject, report } from './listen.js';

const encoder = new TextEncoder();
const hello = encoder.encode(HELLO);
const TEXT = [['Content-Type', 'text/plain; charset=utf-8']];
const JSON_TYPE = [['Content-Type', 'application/json']];

async function readAll(input) {
  const chunks = [];
  for await (const chunk of input) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const app = (environ, startResponse) => {
  switch (environ.PATH_INFO) {
    case '/hello':
      startResponse('200 OK', TEXT);
      return [hello];
    case '/json':
      startResponse('200 OK', JSON_TYPE);
      return [encoder.encode(JSON.stringify(MESSAGE))];
    case '/query':
      startResponse('200 OK', JSON_TYPE);
      return [encoder.encode(JSON.stringify(pairsToObject(new URLSearchParams(environ.QUERY_STRING))))];
    case '/form':
      return readAll(environ['tsgi.input']).then((text) => {
        startResponse('200 OK', JSON_TYPE);
        return [encoder.encode(JSON.stringify(pairsToObject(new URLSearchParams(text))))];
      });
    default:
      startResponse('404 Not Found', TEXT);
      return [encoder.encode('Not Found')];
  }
};

const running = await serve(app, { port: 0 });
report(running.server);
