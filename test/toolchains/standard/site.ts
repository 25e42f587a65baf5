// A user's module: a Request subclass and handlers decorated with it. Each toolchain test compiles
// it its own way (legacy/site.ts is the same module under experimentalDecorators).
import { Request, Response } from '../../../src/index.js';
import { route } from '../../../src/routing/index.js';
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

// A controller: its @route methods are collected by `new Router().controller(new Todos())`.
export class Todos {
  label = 'todo';

  @route('/todos/<int:id>', { name: 'todo' })
  show(req: MyRequest, { id }: { id: number }): Response {
    return Response.json({ id, label: `${this.label} ${id}`, tenant: req.tenant, self: req.urlFor('todo', { id: id + 1 }) });
  }

  @route('/todos', { methods: ['POST'] })
  create(req: MyRequest): Response {
    return new Response(null, { status: 201, headers: { Location: req.urlFor('todo', { id: 1 }) } });
  }
}
