// The floor: a hand-written node:http handler, no framework.
import http from 'node:http';
import { HELLO, MESSAGE, pairsToObject, report } from './listen.js';

const server = http.createServer((req, res) => {
  const url = req.url;
  const question = url.indexOf('?');
  const path = question === -1 ? url : url.slice(0, question);
  if (req.method === 'GET' && path === '/hello') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(HELLO) });
    res.end(HELLO);
  } else if (req.method === 'GET' && path === '/json') {
    const body = JSON.stringify(MESSAGE);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  } else if (req.method === 'GET' && path === '/query') {
    const args = pairsToObject(new URLSearchParams(question === -1 ? '' : url.slice(question + 1)));
    const body = JSON.stringify(args);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  } else if (req.method === 'POST' && path === '/form') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const form = pairsToObject(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const body = JSON.stringify(form);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  }
});
server.listen(0, '127.0.0.1', () => report(server));
