// Probe: responses made callable the way tsgi's Response is (src/response/header-accessors.ts):
// the constructor returns an arrow function whose prototype is set to the subclass's.
import { serveResponses } from './response-shape.js';

class CallableBase {
  constructor() {
    const serve = (environ, startResponse) => serve.serve(environ, startResponse);
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
}
await serveResponses(CallableBase, true);
