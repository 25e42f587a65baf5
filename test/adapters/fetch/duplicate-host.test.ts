/**
 * Fetch runtimes hand over a Headers object, which joins repeated fields with ", ": two Host
 * lines arrive as one value with a comma (no valid Host has one), answered 400 before the app runs.
 */
import { describe, expect, it } from 'vitest';
import { toFetchHandler } from '../../../src/adapters/fetch/to-fetch.js';
import type { App } from '../../../src/gateway.js';

let calls = 0;
const app: App = (_environ, startResponse) => {
  calls++;
  startResponse('200 OK', [['Content-Type', 'text/plain']]);
  return [new TextEncoder().encode('ok')];
};

describe('duplicate Host headers through the Fetch adapter', () => {
  it('a Host joined with a comma is a 400 before the app runs', async () => {
    calls = 0;
    const headers = new Headers();
    headers.append('Host', 'a.example');
    headers.append('Host', 'b.example');
    const res = await toFetchHandler(app)(new Request('http://a.example/', { headers }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('more than one Host header');
    expect(calls).toBe(0);
    const ok = await toFetchHandler(app)(new Request('http://a.example/'));
    expect(ok.status).toBe(200);
  });
});
