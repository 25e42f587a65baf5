/**
 * The test client's cookie jar (tough-cookie, about 60 ms to load) is not loaded by
 * `import 'tsgi/test'`: the first response that sets a cookie loads it, and the synchronous jar
 * methods still work before any request did.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../../src/gateway.js';

/** Counts the loads of tough-cookie in a fresh module graph, and gives that graph's Client. */
async function freshClient(): Promise<{ Client: typeof import('../../../src/adapters/test/index.js').Client; loads: () => number }> {
  vi.resetModules();
  let loads = 0;
  vi.doMock('tough-cookie', async (importOriginal) => {
    loads++;
    return importOriginal();
  });
  const { Client } = await import('../../../src/adapters/test/index.js');
  return { Client, loads: () => loads };
}

const app: App = (environ, startResponse) => {
  const headers: Array<[string, string]> = [['Content-Type', 'text/plain']];
  if (environ.PATH_INFO === '/set') headers.push(['Set-Cookie', 'session=abc; Path=/']);
  startResponse('200 OK', headers);
  return [new TextEncoder().encode(String(environ.HTTP_COOKIE ?? ''))];
};

afterEach(() => {
  vi.doUnmock('tough-cookie');
  vi.resetModules();
});

describe('the test client loads its cookie jar on first use', () => {
  it('not on import, nor for responses without cookies; with the first Set-Cookie', async () => {
    const { Client, loads } = await freshClient();
    const client = new Client(app);
    expect(loads()).toBe(0);
    expect(await (await client.get('/plain')).text()).toBe('');
    expect(client.cookies!.all()).toEqual([]);
    expect(loads()).toBe(0);
    await client.get('/set');
    expect(loads()).toBe(1);
    expect(client.cookies!.get('session')?.value).toBe('abc');
    expect(await (await client.get('/plain')).text()).toBe('session=abc');
  });

  it('a cookie set synchronously before any request is sent with the first one', async () => {
    const { Client } = await freshClient();
    const client = new Client(app);
    client.cookies!.set('theme', 'dark');
    expect(client.cookies!.get('theme')?.value).toBe('dark');
    expect(await (await client.get('/plain')).text()).toBe('theme=dark');
    await client.get('/set');
    expect(client.cookies!.forUrl('/')).toEqual({ theme: 'dark', session: 'abc' });
  });

  it('load() makes the jar ahead of use', async () => {
    const { Client, loads } = await freshClient();
    const client = new Client(app);
    await client.cookies!.load();
    expect(loads()).toBe(1);
    expect(client.cookies!.jar.getCookiesSync('http://localhost/')).toEqual([]);
  });
});
