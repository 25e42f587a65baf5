// Fastify 5 with the 12 routes of bench/servers/router-tsgi.js, each answering its params as JSON.
import Fastify from 'fastify';
import { HELLO, report } from './listen.js';

const app = Fastify({ logger: false });
const hello = (_req, reply) => {
  reply.type('text/plain; charset=utf-8').send(HELLO);
};
const params = (req) => req.params;

app.get('/user', hello);
app.get('/user/comments', hello);
app.get('/user/avatar', hello);
app.get('/user/lookup/username/:username', params);
app.get('/user/lookup/email/:address', params);
app.get('/event/:id', params);
app.get('/event/:id/comments', params);
app.post('/event/:id/comment', params);
app.get('/map/:location/events', params);
app.get('/status', hello);
app.get('/very/deeply/nested/route/hello/there', hello);
app.get('/static/*', params);
await app.listen({ port: 0, host: '127.0.0.1' });
report(app.server);
