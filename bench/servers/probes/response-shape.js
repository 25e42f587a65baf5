// Shared by the callable-response and plain-response probes: a minimal Response (one private
// state object, a `serve` method) built per request on tsgi's adapter. `Base` is the only thing
// the two probes change, so their ratio is the cost of making each response callable.
import { serve } from '../../../dist/adapters/node/index.js';
import { TextBody } from '../../../dist/gateway.js';
import { HELLO, report } from '../listen.js';

const TYPE = ['Content-Type', 'text/plain; charset=utf-8'];

export async function serveResponses(Base, callable) {
  class Response extends Base {
    #state;
    constructor(text) {
      super();
      this.#state = { status: '200 OK', body: new TextBody(text) };
    }
    get status() {
      return this.#state.status;
    }
    serve(_environ, startResponse) {
      const state = this.#state;
      startResponse(state.status, [TYPE, ['Content-Length', String(state.body.byteLength)]]);
      return state.body;
    }
  }
  const app = callable
    ? (environ, startResponse) => new Response(HELLO)(environ, startResponse)
    : (environ, startResponse) => new Response(HELLO).serve(environ, startResponse);
  const running = await serve(app, { port: 0 });
  report(running.server);
}
