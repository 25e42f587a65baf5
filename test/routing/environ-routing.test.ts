/**
 * `environ['tsgi.routing']` (spec rule 3.23): set by a router on request of the caller, read by
 * whoever needs the route, checked by lint.
 */
import { describe, expect, it } from 'vitest';
import type { App } from 'tsgi';
import { lint, type LintError } from 'tsgi/middleware';
import { Client, createEnviron } from 'tsgi/test';
import { getRouting, ROUTING_KEY, Rule, RuleMap, setRouting } from 'tsgi/routing';

const map = new RuleMap([new Rule('/todos/<int:id>', { endpoint: 'todo' }), new Rule('/todos/', { endpoint: 'todos' })]);

describe('tsgi.routing', () => {
  it('is stored by match() of the request itself when binding asks for it', () => {
    const environ = createEnviron('/todos/3');
    expect(map.bindToEnviron(environ).match().params).toEqual({ id: 3 });
    expect(getRouting(environ)).toBeUndefined();
    const urls = map.bindToEnviron(environ, { record: true });
    urls.match('/todos/');
    expect(environ[ROUTING_KEY]).toBeUndefined(); // another path than the request's
    urls.match();
    expect(getRouting(environ)).toEqual({ endpoint: 'todo', params: { id: 3 } });
  });

  it('is not stored for a miss or a redirect', () => {
    for (const path of ['/nope', '/todos']) {
      const environ = createEnviron(path);
      expect(map.bindToEnviron(environ, { record: true }).tryMatch()).toBeInstanceOf(Error);
      expect(getRouting(environ)).toBeUndefined();
    }
  });

  it('can be set by hand and is read back only when well-formed', () => {
    const environ = createEnviron('/');
    setRouting(environ, { endpoint: 'x', params: { a: 1 } });
    expect(getRouting(environ)).toEqual({ endpoint: 'x', params: { a: 1 } });
    environ[ROUTING_KEY] = { endpoint: 3, params: {} };
    expect(getRouting(environ)).toBeUndefined();
  });

  it('reaches the application and the middleware around it', async () => {
    const seen: unknown[] = [];
    const handler: App = (environ, startResponse) => {
      seen.push(getRouting(environ));
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [new TextEncoder().encode('ok')];
    };
    const router: App = (environ, startResponse) => {
      map.bindToEnviron(environ, { record: true }).match();
      return handler(environ, startResponse);
    };
    const logged: App = (environ, startResponse) => {
      const body = router(environ, startResponse);
      seen.push(getRouting(environ)?.endpoint);
      return body;
    };
    const res = await new Client(logged).get('/todos/7');
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([{ endpoint: 'todo', params: { id: 7 } }, 'todo']);
  });

  it('is checked by lint when present', () => {
    const broken = (value: unknown): string[] => {
      const errors: LintError[] = [];
      const app = lint((_e, startResponse) => (startResponse('200 OK', []), []), { onError: (error) => errors.push(error) });
      app(createEnviron('/', { environ: { [ROUTING_KEY]: value } }), () => undefined);
      return errors.map((error) => `${error.rule} ${error.side}`);
    };
    expect(broken({ endpoint: 'todo', params: { id: 1 } })).toEqual([]);
    expect(broken({ endpoint: undefined, params: {} })).toEqual([]);
    expect(broken(undefined)).toEqual([]);
    expect(broken('todo')).toEqual(['3.23 server']);
    expect(broken({ endpoint: 'todo' })).toEqual(['3.23 server']);
    expect(broken({ endpoint: 1, params: {} })).toEqual(['3.23 server']);
  });
});
