// Hono 4 on @hono/node-server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HELLO, MESSAGE, report } from './listen.js';

const app = new Hono();
const flatten = (lists) => {
  const out = Object.create(null);
  for (const key in lists) out[key] = lists[key].length === 1 ? lists[key][0] : lists[key];
  return out;
};
app.get('/hello', (c) => c.text(HELLO));
app.get('/json', (c) => c.json(MESSAGE));
app.get('/query', (c) => c.json(flatten(c.req.queries())));
app.post('/form', async (c) => c.json(await c.req.parseBody({ all: true })));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => report(server));
