// Hello world in the raw protocol: no library needed, just the types.
import type { App } from 'tsgi';

const app: App = (environ, startResponse) => {
  startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
  return [new TextEncoder().encode(`Hello from ${environ.PATH_INFO}!`)];
};

export default app;
