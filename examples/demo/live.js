// The demo's live page: a WebSocket echo (subprotocol `echo.v1`) whose lines are also posted to a
// server-sent event feed that every open page shows, with a small inline script.
import { Response, escapeHtml } from 'tsgi';

const PROTOCOL = 'echo.v1';
const KEEP = 20; // lines a page that opens (or reconnects) is sent first
const MAX_LINE = 500; // characters of a line the feed shows; the echo is the whole message

const history = []; // the last KEEP lines, { id, data }
const feeds = new Set(); // the open event streams
let lastId = 0;

function post(line) {
  const event = { event: 'message', id: String(++lastId), data: line.slice(0, MAX_LINE) };
  history.push(event);
  if (history.length > KEEP) history.shift();
  for (const stream of feeds) void stream.send(event); // not awaited: a slow page drops its oldest
}

/** GET /live/events: the feed. A reconnecting EventSource sends the last id it saw; it gets what came after. */
export function liveEvents(req) {
  const after = Number(req.lastEventId ?? 0);
  return Response.eventStream((stream) => {
    for (const event of history) if (!(Number(event.id) <= after)) void stream.send(event);
    feeds.add(stream);
    stream.onClose(() => feeds.delete(stream));
  });
}

/** GET /live/socket (WebSocket, `echo.v1`): every text message comes back as it is and goes to the feed. */
export function liveSocket(req) {
  return req.acceptWebSocket({ protocol: PROTOCOL }, async (ws) => {
    for await (const message of ws) {
      ws.send(message);
      if (typeof message === 'string') post(message);
    }
  });
}

/** GET /live: the page. Text from the network goes in with textContent, never as HTML. */
export function livePage() {
  const title = 'Live: a WebSocket echo and a server-sent event feed';
  return new Response(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/style.css"></head>
<body><h1>${escapeHtml(title)}</h1>
<form id="send"><label>Line <input name="line" autocomplete="off" required></label> <button disabled>Send</button></form>
<p>WebSocket (<code>/live/socket</code>, subprotocol <code>${PROTOCOL}</code>): <span id="state">connecting</span></p>
<h2>Echoes</h2><ul id="echoes"></ul>
<h2>Feed (<code>/live/events</code>, every open page sees it)</h2><ul id="feed"></ul>
<p><a href="/">Back to the start</a></p>
<script>
const $ = (id) => document.getElementById(id);
const show = (list, text) => list.appendChild(document.createElement('li')).textContent = text;
const source = new EventSource('/live/events');
source.addEventListener('message', (event) => show($('feed'), event.data));
const ws = new WebSocket(\`\${location.protocol === 'https:' ? 'wss' : 'ws'}://\${location.host}/live/socket\`, '${PROTOCOL}');
ws.addEventListener('open', () => {
  $('state').textContent = \`open, subprotocol \${ws.protocol}\`;
  $('send').querySelector('button').disabled = false;
});
ws.addEventListener('message', (event) => show($('echoes'), event.data));
ws.addEventListener('close', (event) => {
  $('state').textContent = \`closed (\${event.code}\${event.reason ? ' ' + event.reason : ''})\`;
  $('send').querySelector('button').disabled = true;
});
$('send').addEventListener('submit', (event) => {
  event.preventDefault();
  ws.send(event.target.line.value);
  event.target.line.value = '';
});
</script>
</body></html>
`,
    { mimetype: 'text/html' },
  );
}
