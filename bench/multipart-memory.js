// Peak memory of a large multipart upload through the node adapter with spill to disk.
//   npm run build && node --expose-gc bench/multipart-memory.js [sizes in MiB, default "64 1024"]
// Server and client run in this process; the client writes one reused 64 KiB buffer with
// back-pressure, so the growth measured is the server side: node:http, tsgi.input, the parser
// and diskStorage(). RSS is sampled every 10 ms; growth = peak RSS - RSS before the upload.
import { createServer, request } from 'node:http';
import { diskStorage, toNodeListener } from '../dist/adapters/node/index.js';
import { Request, Response, withCleanup } from '../dist/index.js';

const sizes = (process.argv[2] ?? '64 1024').split(/[ ,]+/).map(Number);
const MiB = 1024 * 1024;
const B = 'MemoryBenchBoundary';

class UploadRequest extends Request {
  maxContentLength = 4 * 1024 * MiB;
  fileStorage = diskStorage();
}
const handler = UploadRequest.application(async (req) => {
  const file = (await req.files()).get('file');
  return Response.json({ size: file.size, onDisk: file.path !== undefined });
});
const server = createServer(toNodeListener(async (environ, sr) => withCleanup(await handler(environ, sr), environ)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

function upload(size) {
  const head = Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${B}--\r\n`);
  const piece = Buffer.alloc(64 * 1024, 0x5a);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': head.length + size + tail.length },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(piece.length, size - sent);
        sent += n;
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

await upload(8 * MiB); // warm-up: code paths compiled, pools allocated
console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log('| upload | RSS before | peak RSS | growth | time | MB/s |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const mib of sizes) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const result = await upload(mib * MiB);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const parsed = JSON.parse(result.body);
  if (result.status !== 200 || parsed.size !== mib * MiB || !parsed.onDisk) throw new Error(`bad result ${result.status} ${result.body}`);
  const fmt = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
  console.log(`| ${mib} MiB | ${fmt(before)} | ${fmt(peak)} | ${fmt(peak - before)} | ${seconds.toFixed(2)} s | ${((mib * MiB) / 1e6 / seconds).toFixed(0)} |`);
}
server.close();
