// Types only: the repository's tsc (standard decorators) checks this file; nothing runs it.
import { expectTypeOf } from 'vitest';
import { Request, Response, asApp, type App } from '../../../src/index.js';
import { route } from '../../../src/routing/index.js';

class MyRequest extends Request {
  readonly tenant = 'acme';
}

// The plain form: `req` is the class the function was read from.
expectTypeOf(MyRequest.application((req) => {
  expectTypeOf(req).toEqualTypeOf<MyRequest>();
  return new Response(req.tenant);
})).toEqualTypeOf<App>();

// Read first and called without `this`: TypeScript cannot know the class, so `req` is a Request
// unless annotated (at run time it is a MyRequest all the same).
const application = MyRequest.application;
application((req) => {
  expectTypeOf(req).toEqualTypeOf<Request>();
  return new Response('');
});
application((req: MyRequest) => new Response(req.tenant));

export class Site {
  @MyRequest.application
  handle(req: MyRequest): Response {
    return new Response(req.tenant);
  }

  @Request.application
  any(req: Request): Response {
    return new Response(req.path);
  }

  // @ts-expect-error -- Request.application builds Requests, not MyRequests
  @Request.application
  wrong(req: MyRequest): Response {
    return new Response(req.tenant);
  }

  // @ts-expect-error -- a handler returns a Response or an App
  @MyRequest.application
  notAnApp(req: MyRequest): string {
    return req.tenant;
  }
}

expectTypeOf(asApp(new Site().handle)).toEqualTypeOf<App>();
// The decorated method keeps its declared type: callable with a request in unit tests.
expectTypeOf(new Site().handle(MyRequest.blank('/'))).toEqualTypeOf<Response>();

// @route: the params a method takes must be those of the path.
export class Controller {
  @route('/todos/<int:id>')
  show(req: MyRequest, { id }: { id: number }): Response {
    return new Response(`${req.tenant} ${id}`);
  }

  // @ts-expect-error -- <int:id> gives a number
  @route('/todos/<int:id>/edit')
  edit(req: Request, { id }: { id: string }): Response {
    return new Response(id);
  }
}
