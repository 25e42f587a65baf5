/**
 * `@route` and `router.controller`, with the decorator applied by hand the way compiled code calls
 * it (vitest's transform lowers no standard decorators here): a standard call `(method, context)`
 * and a legacy one `(prototype, key, descriptor)`. test/toolchains runs real decorated classes
 * through every toolchain.
 */
import { describe, expect, it } from 'vitest';
import { Request, Response } from 'tsgi';
import { Client } from 'tsgi/test';
import { Router, route } from 'tsgi/routing';

type Show = (this: Todos, req: Request, params: { id: number }) => Response;

class Todos {
  label = 'todo';
  show(req: Request, { id }: { id: number }): Response {
    return new Response(`${this.label} ${id} ${req.urlFor('todo', { id: id + 1 })}`);
  }
}

function standardContext(name: string, initializers: Array<(this: unknown) => void>): ClassMethodDecoratorContext<Todos, Show> {
  return {
    kind: 'method',
    name,
    static: false,
    private: false,
    metadata: {},
    access: { has: () => true, get: (obj: Todos) => obj.show },
    addInitializer: (fn: (this: unknown) => void) => initializers.push(fn),
  } as unknown as ClassMethodDecoratorContext<Todos, Show>;
}

describe('@route and router.controller', () => {
  it('collects a method decorated the standard way, bound to the instance', async () => {
    class Standard extends Todos {}
    const initializers: Array<(this: unknown) => void> = [];
    const decorated = route('/todos/<int:id>', { name: 'todo' })(Todos.prototype.show as Show, standardContext('show', initializers));
    Object.defineProperty(Standard.prototype, 'show', { value: decorated, writable: true, configurable: true });
    const controller = new Standard();
    for (const init of initializers) init.call(controller);
    const router = new Router().controller(controller);
    expect(await (await new Client(router).get('/todos/3')).text()).toBe('todo 3 /todos/4');
    expect((await new Client(router).post('/todos/3')).statusCode).toBe(405); // GET by default
  });

  it('collects a method decorated the legacy way (a getter on the prototype)', async () => {
    class Legacy extends Todos {}
    const descriptor = Object.getOwnPropertyDescriptor(Todos.prototype, 'show')!;
    const replaced = route('/todos/<int:id>', { name: 'todo', methods: ['GET', 'PUT'] })(Legacy.prototype, 'show', descriptor as TypedPropertyDescriptor<Show>);
    Object.defineProperty(Legacy.prototype, 'show', replaced);
    const controller = new Legacy();
    controller.label = 'mine';
    const client = new Client(new Router().controller(controller));
    expect(await (await client.put('/todos/5')).text()).toBe('mine 5 /todos/6');
  });

  it('refuses an object without routes, and a second @route on one method', () => {
    expect(() => new Router().controller(new Todos())).toThrow(TypeError);
    const once = route('/a/<int:id>')(Todos.prototype.show as Show, standardContext('show', []));
    expect(() => route('/b/<int:id>')(once, standardContext('show', []))).toThrow(TypeError);
  });
});
