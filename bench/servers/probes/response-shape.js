// Shared by the response probes (plain-response, callable-response, real-response,
// application-minimal): a minimal Response (one private state object, a `serve` method) built per
// request on tsgi's adapter. `Base` is the only thing plain-response and callable-response change,
// so their ratio is the cost of making each response callable.
import { serve } from '../../../dist/adapters/node/index.js';
import { TextBody } from '../../../dist/index.js';
import { HELLO, report } from '../listen.js';

const TYPE = ['Content-Type', 'text/plain; charset=utf-8'];

/** The minimal Response on top of `Base`: one private state object and a `serve` method. */
export function responseClass(Base) {
  return class Response extends Base {
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
  };
}

/** The base that makes responses callable the way tsgi's `Response` is (`CallableApp`). */
export class CallableBase {
  constructor() {
    const serve = (environ, startResponse) => serve.serve(environ, startResponse);
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
}

/** Serves `app` on tsgi's adapter and reports its port to bench/ab.js. */
export async function serveApp(app) {
  const running = await serve(app, { port: 0 });
  report(running.server);
}

export async function serveResponses(Base, callable) {
  const Response = responseClass(Base);
  await serveApp(
    callable
      ? (environ, startResponse) => new Response(HELLO)(environ, startResponse)
      : (environ, startResponse) => new Response(HELLO).serve(environ, startResponse),
  );
}
