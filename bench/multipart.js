// Multipart throughput: tsgi's req.files() / req.form() against raw busboy and @fastify/busboy,
// on the same bodies fed in the same 64 KiB chunks (what node:http hands out).
//   npm run build && node bench/multipart.js
// Bodies: one 50 MB file of random bytes; 10,000 small text fields. Each run is timed from the
// first chunk to the parsed result; the figure is the median MB/s of ROUNDS interleaved runs,
// per second of CPU time used by the process (stable on a shared machine) and per wall second.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Busboy as FastifyBusboy } from '@fastify/busboy';
import { Request } from '../dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const B = '----WebKitFormBoundaryjdSFhcARk8fyGNy6';
const CONTENT_TYPE = `multipart/form-data; boundary=${B}`;

function fileBody(size) {
  const head = `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), randomBytes(size), Buffer.from(`\r\n--${B}--\r\n`)]);
}

function fieldsBody(count) {
  let text = '';
  for (let i = 0; i < count; i++) text += `--${B}\r\nContent-Disposition: form-data; name="field${i}"\r\n\r\nvalue number ${i}\r\n`;
  return Buffer.from(`${text}--${B}--\r\n`);
}

function split(body, size = 65536) {
  const chunks = [];
  for (let i = 0; i < body.length; i += size) chunks.push(Buffer.from(body.subarray(i, i + size)));
  return chunks;
}

const input = (chunks) => ({
  async *[Symbol.asyncIterator]() {
    for (const chunk of chunks) yield chunk;
  },
});

/** tsgi through the public API: Request over an environ, then files() (and form()). */
class BenchRequest extends Request {
  maxContentLength = Infinity;
  maxFormParts = Infinity;
}
async function viaTsgi(chunks, length) {
  const req = BenchRequest.blank('/', {
    method: 'POST',
    headers: { 'Content-Type': CONTENT_TYPE },
    environ: { 'tsgi.input': input(chunks), CONTENT_LENGTH: String(length) },
  });
  const [form, files] = await Promise.all([req.form(), req.files()]);
  return form.size + files.size;
}

/** Busboy with the file's chunks kept (as tsgi's memory storage keeps them) and fields collected. */
function viaBusboy(make) {
  return (chunks) =>
    new Promise((resolve, reject) => {
      const parser = make({
        headers: { 'content-type': CONTENT_TYPE },
        limits: { fields: Infinity, parts: Infinity, files: Infinity, fieldSize: 500_000 },
      });
      const fields = [];
      const files = [];
      parser.on('file', (name, stream) => {
        const parts = [];
        stream.on('data', (chunk) => parts.push(chunk));
        stream.on('end', () => files.push([name, parts]));
      });
      parser.on('field', (name, value) => fields.push([name, value]));
      parser.on(make === busboy ? 'close' : 'finish', () => resolve(fields.length + files.length));
      parser.on('error', reject);
      Readable.from(chunks, { objectMode: false }).pipe(parser);
    });
}

const contenders = {
  'tsgi req.files()': viaTsgi,
  busboy: viaBusboy(busboy),
  '@fastify/busboy': viaBusboy((options) => new FastifyBusboy(options)),
};

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function measure(label, body, expected) {
  const chunks = split(body);
  const cpu = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const wall = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const started = performance.now();
      const usage = process.cpuUsage();
      const count = await run(chunks, body.length);
      const used = process.cpuUsage(usage);
      const seconds = (performance.now() - started) / 1000;
      if (count !== expected) throw new Error(`${name} found ${count} parts in ${label}, expected ${expected}`);
      if (round < 2) continue; // two warm-up rounds
      cpu[name].push(body.length / 1e6 / ((used.user + used.system) / 1e6));
      wall[name].push(body.length / 1e6 / seconds);
    }
  }
  const base = median(cpu.busboy);
  const baseWall = median(wall.busboy);
  console.log(`\n${label} (${(body.length / 1e6).toFixed(1)} MB, median of ${ROUNDS})`);
  console.log('| parser | MB/s (CPU time) | vs busboy | MB/s (wall) | vs busboy |');
  console.log('|---|---:|---:|---:|---:|');
  for (const name of Object.keys(contenders)) {
    const rate = median(cpu[name]);
    const rateWall = median(wall[name]);
    console.log(
      `| ${name} | ${rate.toFixed(0)} | ${(rate / base).toFixed(2)}x | ${rateWall.toFixed(0)} | ${(rateWall / baseWall).toFixed(2)}x |`,
    );
  }
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
await measure('one 50 MB file', fileBody(50_000_000), 1);
await measure('10,000 small fields', fieldsBody(10_000), 10_000);
