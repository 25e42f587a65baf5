/**
 * What every toolchain test checks: a module with a `MyRequest` subclass and a class whose
 * methods are decorated with `@MyRequest.application` (standard/site.ts, and the same module in legacy/),
 * served through `Client` in every form `Request.application` has. `probe` answers plain JSON so
 * a child process (tsx, Bun, Deno, node on tsc's output) can print it for the test to compare.
 * This file has no decorators: it runs the same whatever the toolchain does with them.
 */
import { Request, Response, asApp, type HandlerResult } from '../../src/index.js';
import { Client } from '../../src/adapters/test/index.js';
import { Router } from '../../src/routing/index.js';

/** What a handler of the fixture answers about the request it got. */
export interface Seen {
  who: string;
  subclass: boolean;
  tenant: string | null;
  path: string;
}

/** A module like site.ts: the subclass and the class with decorated methods. */
export interface SiteModule {
  MyRequest: typeof Request & (new (environ: Request['environ']) => Request & { tenant: string });
  Site: (new () => { handle(req: never): HandlerResult }) & { version(req: never): HandlerResult };
  Todos: new () => object;
}

/** The JSON a handler answers: who answered, and whether it got a `MyRequest`. */
export function seen(req: Request, subclass: boolean, tenant: string | null, who: string): Response {
  const body: Seen = { who, subclass, tenant, path: req.path };
  return Response.json(body);
}

async function get(app: Parameters<typeof asApp>[0] | ReturnType<typeof asApp>, path: string): Promise<unknown> {
  const res = await new Client(app as ReturnType<typeof asApp>).get(path);
  return res.statusCode === 200 ? res.json() : { status: res.status, text: await res.text() };
}

/** A controller's @route methods served by a Router: params, `this`, the subclass, urlFor, 405. */
async function routed(router: Router<Request>): Promise<unknown> {
  const client = new Client(router);
  const created = await client.post('/todos');
  return {
    show: await get(router, '/todos/3'),
    created: [created.statusCode, created.headers.get('Location')],
    notAllowed: [(await client.delete('/todos/3')).headers.get('Allow')],
  };
}

/** Runs every form; the result must equal `EXPECTED`. */
export async function probe({ MyRequest, Site, Todos }: SiteModule): Promise<Record<string, unknown>> {
  const site = new Site();
  const descriptor = Object.getOwnPropertyDescriptor(Site.prototype, 'handle');
  const answer = (who: string) => (req: Request) =>
    seen(req, req instanceof MyRequest, req instanceof MyRequest ? (req as InstanceType<typeof MyRequest>).tenant : null, who);
  const detached = MyRequest.application;
  const direct = site.handle(MyRequest.blank('/direct') as never) as Response;
  return {
    // A standard decorator leaves a method on the prototype; a legacy one here, a getter.
    form: descriptor && 'value' in descriptor ? 'standard' : 'legacy',
    decorated: await get(asApp(site.handle), '/decorated'),
    direct: await direct.json(),
    static: await get(asApp(Site.version), '/static'),
    plain: await get(MyRequest.application(answer('plain')), '/plain'),
    detached: await get(detached(answer('detached')), '/detached'),
    base: await get(Request.application(answer('base')), '/base'),
    memoised: MyRequest.application === MyRequest.application && MyRequest.application !== Request.application,
    routed: await routed(new Router({ request: MyRequest }).controller(new Todos())),
  };
}

/** What `probe` answers in every toolchain, but for `form`. */
export const EXPECTED = {
  decorated: { who: 'Hello', subclass: true, tenant: 'acme', path: '/decorated' },
  direct: { who: 'Hello', subclass: true, tenant: 'acme', path: '/direct' },
  static: { who: 'static', subclass: true, tenant: 'acme', path: '/static' },
  plain: { who: 'plain', subclass: true, tenant: 'acme', path: '/plain' },
  detached: { who: 'detached', subclass: true, tenant: 'acme', path: '/detached' },
  base: { who: 'base', subclass: false, tenant: null, path: '/base' },
  memoised: true,
  routed: {
    show: { id: 3, label: 'todo 3', tenant: 'acme', self: '/todos/4' },
    created: [201, '/todos/1'],
    notAllowed: ['GET, HEAD, OPTIONS'],
  },
};
