// A user's module: a Request subclass and handlers decorated with it. Each toolchain test compiles
// it its own way (legacy/site.ts is the same module under experimentalDecorators).
import { Request, Response } from '../../../src/index.js';
import { seen } from '../probe.js';

export class MyRequest extends Request {
  readonly tenant = 'acme';
}

export class Site {
  greeting = 'Hello';

  @MyRequest.application
  handle(req: MyRequest): Response {
    return seen(req, req instanceof MyRequest, req.tenant, this.greeting);
  }

  @MyRequest.application
  static version(req: MyRequest): Response {
    return seen(req, req instanceof MyRequest, req.tenant, 'static');
  }
}
