// Fastify 5; urlencoded bodies parsed with fast-querystring, as @fastify/formbody does.
import Fastify from 'fastify';
import querystring from 'fast-querystring';
import { HELLO, MESSAGE, report } from './listen.js';

const app = Fastify({ logger: false });
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
  done(null, querystring.parse(body));
});
app.get('/hello', (_req, reply) => {
  reply.type('text/plain; charset=utf-8').send(HELLO);
});
app.get('/json', () => MESSAGE);
app.get('/query', (req) => req.query);
app.post('/form', (req) => req.body);
await app.listen({ port: 0, host: '127.0.0.1' });
report(app.server);
