// The demo site that `npm start` serves: a static page linking to small dynamic pages.
import { fileURLToPath } from 'node:url';
import { BadRequest, Response, abort, escapeHtml } from 'tsgi';
import { staticFiles } from 'tsgi/node';
import { Router } from 'tsgi/routing';
import { liveEvents, livePage, liveSocket } from './live.js';

const ITEMS = [
  { id: 1, name: 'Werkzeug', language: 'Python' },
  { id: 2, name: 'WebOb', language: 'Python' },
  { id: 3, name: 'Rack', language: 'Ruby' },
  { id: 4, name: 'tsgi', language: 'TypeScript' },
];

function page(title, body) {
  return new Response(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<link rel="stylesheet" href="/style.css"></head><body><h1>${escapeHtml(title)}</h1>${body}` +
      `<p><a href="/">Back to the start</a></p></body></html>`,
    { mimetype: 'text/html' },
  );
}

// The dynamic pages, routed by path and method; every path the router does not know falls
// through to a 404, and a known path asked with another method to a 405 with `Allow`.
const dynamic = new Router()
  .get('/time', () => page('The current time', `<p>It is <time>${new Date().toISOString()}</time> on the server.</p>`))

  .get('/greet', (req) => {
    const name = req.args.get('name') || 'stranger';
    return page('A greeting', `<p>Hello, ${escapeHtml(name)}!</p>`);
  })

  .get('/api/items', (req) => {
    const limit = Number(req.args.get('limit') ?? ITEMS.length);
    if (!Number.isInteger(limit) || limit < 0) throw new BadRequest('limit must be a whole number.');
    const items = ITEMS.slice(0, limit).map((item) => ({ ...item, url: req.urlFor('item', { id: item.id }) }));
    return Response.json({ items, total: ITEMS.length });
  })

  // `<int:id>` converts: `id` is a number, and `/api/items/x` is a 404 without reaching the handler.
  .get('/api/items/<int:id>', { name: 'item' }, (req, { id }) => Response.json(ITEMS.find((item) => item.id === id) ?? abort(404)))

  .route('/form', { methods: ['GET', 'POST'] }, async (req) => {
    let echo = '';
    if (req.method === 'POST') {
      const form = await req.form();
      echo = `<p>You sent: <strong>${escapeHtml(form.get('message') ?? '')}</strong></p>`;
    }
    return page(
      'A form that posts back',
      `${echo}<form method="post"><label>Message <input name="message"></label> <button>Send</button></form>`,
    );
  })

  .route('/upload', { methods: ['GET', 'POST'] }, async (req) => {
    let echo = '';
    if (req.method === 'POST') {
      const files = await req.files();
      const rows = [];
      for (const [field, file] of files) {
        rows.push(`<li>${escapeHtml(field)}: ${escapeHtml(file.filename ?? '')} (${file.size} bytes, ${escapeHtml(file.mimetype)})</li>`);
      }
      echo = `<p>Received:</p><ul>${rows.join('') || '<li>no file</li>'}</ul>`;
    }
    return page(
      'A file upload',
      `${echo}<form method="post" enctype="multipart/form-data"><input type="file" name="file" multiple> <button>Upload</button></form>`,
    );
  })

  // A bug on purpose: `npm start` serves with --debug, so this page shows the development error
  // page (the error, the stack with these lines, the request) to a browser on this machine.
  .get('/oops', (req) => {
    const id = Number(req.args.get('id') ?? 5);
    const item = ITEMS.find((candidate) => candidate.id === id); // there is no item 5: undefined
    return page(item.name, `<p>${escapeHtml(item.language)}</p>`); // a TypeError on item.name
  })

  .get('/counter', (req) => {
    const visits = (Number.parseInt(req.cookies.visits ?? '0', 10) || 0) + 1;
    const res = page('A visit counter', `<p>You have been here ${visits} time${visits === 1 ? '' : 's'}.</p>`);
    res.setCookie('visits', String(visits), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
    return res;
  })

  // The live page (live.js): a WebSocket echo, each line also posted to a server-sent event feed.
  // A `websocket: true` route matches only a WebSocket handshake (plain HTTP gets a 400).
  .get('/live', livePage)
  .get('/live/events', liveEvents)
  .get('/live/socket', { websocket: true }, liveSocket);

// Files under public/ are served from the root (index.html for `/`); other paths fall through.
export default staticFiles(dynamic, { '/': fileURLToPath(new URL('./public', import.meta.url)) });
