// The decorator machinery called the way compilers call it: legacy `(target, key, descriptor)` as
// TypeScript's __decorate does, standard `(method, context)` with a context like tsc's. The same
// decorators compiled by each real toolchain are in test/toolchains/.
import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { asApp, decorateMethod, defineReceiverBound, methodDecorator, type Method } from '../../src/request/decorate.js';
import { Client } from '../../src/adapters/test/index.js';

class MyRequest extends Request {
  readonly tenant = 'acme';
}

/** What TypeScript's `__decorate` does for one legacy method decorator. */
function legacy(target: object, key: string, decorator: (...args: never[]) => unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  const result = (decorator as (...args: unknown[]) => unknown)(target, key, descriptor);
  Object.defineProperty(target, key, (result as PropertyDescriptor | undefined) ?? descriptor);
}

/** What tsc's `__esDecorate` does for one standard method decorator; returns the initializers. */
function standard(
  target: object,
  key: string,
  decorator: (...args: never[]) => unknown,
  flags: { static?: boolean; private?: boolean } = {},
): Array<(this: unknown) => void> {
  const initializers: Array<(this: unknown) => void> = [];
  const context = {
    kind: 'method',
    name: key,
    static: flags.static ?? false,
    private: flags.private ?? false,
    metadata: {},
    access: { has: () => true, get: (obj: Record<string, unknown>) => obj[key] },
    addInitializer: (fn: (this: unknown) => void) => initializers.push(fn),
  };
  const method = (target as Record<string, unknown>)[key];
  const replaced = (decorator as (...args: unknown[]) => unknown)(method, context);
  Object.defineProperty(target, key, { value: replaced, writable: true, configurable: true, enumerable: false });
  return initializers;
}

function siteClass() {
  return class Site {
    greeting = 'Hello';
    handle(req: MyRequest): Response {
      return new Response(`${this.greeting} ${req.constructor.name} ${req.tenant} ${req.path}`);
    }
  };
}

describe('Request.application as a legacy decorator', () => {
  it('serves requests of the subclass, bound to the instance, also without this', async () => {
    const Site = siteClass();
    const decorator = MyRequest.application; // read once, called without `this`, as __decorate does
    legacy(Site.prototype, 'handle', decorator);
    const site = new Site();
    const handle = site.handle;
    expect(site.handle).toBe(handle); // bound once, then cached on the instance
    expect(await (await new Client(asApp(handle)).get('/x')).text()).toBe('Hello MyRequest acme /x');
    expect(await handle(MyRequest.blank('/direct')).text()).toBe('Hello MyRequest acme /direct');
  });

  it('gives the prototype its unbound method and leaves a subclass override alone', async () => {
    const Site = siteClass();
    legacy(Site.prototype, 'handle', MyRequest.application);
    expect(() => asApp(Site.prototype.handle)).not.toThrow();
    class Loud extends Site {
      override handle(req: MyRequest): Response {
        return super.handle(req);
      }
    }
    const loud = new Loud();
    expect(await (await loud.handle(MyRequest.blank('/a'))).text()).toBe('Hello MyRequest acme /a');
    expect(Object.hasOwn(loud, 'handle')).toBe(false);
    expect(loud.handle).toBe(Loud.prototype.handle);
  });

  it('lets the method be replaced on an instance', () => {
    const Site = siteClass();
    legacy(Site.prototype, 'handle', MyRequest.application);
    const site = new Site();
    const other = () => new Response('other');
    site.handle = other;
    expect(site.handle).toBe(other);
  });

  it('refuses what is not a method', () => {
    expect(() => (MyRequest.application as unknown as (...a: unknown[]) => unknown)({}, 'field')).toThrow(TypeError);
    expect(() => (MyRequest.application as unknown as (...a: unknown[]) => unknown)({}, 'field', { value: 1 })).toThrow(
      /@MyRequest\.application decorates methods/,
    );
  });
});

describe('Request.application as a standard decorator', () => {
  it('binds to each instance through an initializer, also without this', async () => {
    const Site = siteClass();
    const initializers = standard(Site.prototype, 'handle', MyRequest.application);
    expect(initializers).toHaveLength(1);
    const site = new Site();
    for (const init of initializers) init.call(site);
    const handle = site.handle;
    expect(await (await new Client(asApp(handle)).get('/y')).text()).toBe('Hello MyRequest acme /y');
  });

  it('binds a static method to its class', async () => {
    class Api {
      static prefix = 'api';
      static handle(req: MyRequest): Response {
        return new Response(`${this.prefix} ${req.tenant}`);
      }
    }
    const initializers = standard(Api, 'handle', MyRequest.application, { static: true });
    for (const init of initializers) init.call(Api);
    const handle = Api.handle;
    expect(await (await new Client(asApp(handle)).get('/')).text()).toBe('api acme');
  });

  it('does not shadow a subclass override, and adds no initializer for a private method', () => {
    const Site = siteClass();
    const initializers = standard(Site.prototype, 'handle', MyRequest.application);
    class Loud extends Site {
      override handle(req: MyRequest): Response {
        return super.handle(req);
      }
    }
    const loud = new Loud();
    for (const init of initializers) init.call(loud);
    expect(Object.hasOwn(loud, 'handle')).toBe(false);
    expect(standard(siteClass().prototype, 'handle', MyRequest.application, { private: true })).toHaveLength(0);
  });

  it('refuses fields and accessors', () => {
    const context = { kind: 'field', name: 'x', static: false, private: false, addInitializer() {} };
    expect(() => (MyRequest.application as unknown as (...a: unknown[]) => unknown)(undefined, context)).toThrow(
      /decorates methods, not a field/,
    );
  });
});

describe('Request.application as a function', () => {
  it('is a getter that gives each class its own function, made once', () => {
    expect(typeof Object.getOwnPropertyDescriptor(Request, 'application')?.get).toBe('function');
    expect(MyRequest.application).toBe(MyRequest.application);
    expect(MyRequest.application).not.toBe(Request.application);
  });

  it('builds requests of the class it was read from, called with or without this', async () => {
    const answer = (req: Request) => new Response(req instanceof MyRequest ? req.tenant : 'plain Request');
    const application = MyRequest.application;
    expect(await (await new Client(application(answer)).get('/')).text()).toBe('acme');
    expect(await (await new Client(MyRequest.application(answer)).get('/')).text()).toBe('acme');
    expect(await (await new Client(Request.application(answer)).get('/')).text()).toBe('plain Request');
  });

  it('refuses what is not a handler', () => {
    expect(() => (Request.application as unknown as (x: unknown) => unknown)('nope')).toThrow(TypeError);
  });

  it('asApp refuses a function that was not decorated', () => {
    expect(() => asApp(() => new Response('x'))).toThrow(/asApp expects a method decorated/);
  });
});

describe('the reusable parts', () => {
  it('methodDecorator runs the plain form, or decorates', () => {
    const calls: string[] = [];
    const traced = methodDecorator(
      '@traced',
      (method: Method, name) =>
        function (this: unknown, ...args: never[]) {
          calls.push(String(name));
          return method.apply(this, args);
        },
      (label: string) => `plain ${label}`,
    );
    expect(traced('x')).toBe('plain x');
    class Counter {
      n = 1;
      next(): number {
        return ++this.n;
      }
    }
    legacy(Counter.prototype, 'next', traced);
    const next = new Counter().next;
    expect(next()).toBe(2);
    expect(calls).toEqual(['next']);
  });

  it('decorateMethod throws when not called as a decorator', () => {
    expect(() => decorateMethod([() => null], (m) => m, '@x')).toThrow(/@x was not called as a method decorator/);
  });

  it('defineReceiverBound binds to whatever it is read from, instances too', () => {
    class Router {
      constructor(readonly name: string) {}
    }
    defineReceiverBound(Router.prototype, 'route', (router: Router) => (path: string) => `${router.name}${path}`);
    const a = new Router('a') as Router & { route: (path: string) => string };
    const route = a.route;
    expect(route('/x')).toBe('a/x');
    expect(a.route).toBe(route);
  });
});
