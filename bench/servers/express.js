// Express 5.
import express from 'express';
import { HELLO, MESSAGE, report } from './listen.js';

const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.get('/hello', (_req, res) => {
  res.type('text/plain; charset=utf-8').send(HELLO);
});
app.get('/json', (_req, res) => res.json(MESSAGE));
app.get('/query', (req, res) => res.json(req.query));
app.post('/form', express.urlencoded({ extended: false }), (req, res) => res.json(req.body));
const server = app.listen(0, '127.0.0.1', () => report(server));
