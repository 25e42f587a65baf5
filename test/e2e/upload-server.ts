/**
 * A small upload app served by the node adapter, shared by the Chromium and curl upload tests: it
 * serves a form and records exactly what each POST delivered (fields and file bytes).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, Environ } from '../../src/gateway.js';
import { toNodeListener } from '../../src/adapters/node/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { withCleanup } from '../../src/request/multipart/index.js';
import { diskStorage } from '../../src/request/multipart/temp-storage.node.js';

export interface Received {
  fields: Array<[string, string]>;
  files: Array<{ field: string; filename: string; contentType: string | undefined; bytes: Buffer; onDisk: boolean }>;
}

export const FORM_HTML = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>upload</title>
<form method="post" action="/upload" enctype="multipart/form-data">
  <input type="text" name="note">
  <textarea name="message"></textarea>
  <input type="file" name="doc">
  <input type="file" name="pic">
  <button type="submit" id="send">Send</button>
</form>
</html>`;

export async function startUploadServer(
  directory: string,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  // A small threshold, so that the bigger test files go through a temporary file.
  const storage = diskStorage({ threshold: 64 * 1024, directory });
  class UploadRequest extends Request {
    override fileStorage = storage;
  }
  const received: Received[] = [];
  const handler = UploadRequest.application(async (req) => {
    if (req.method === 'GET') return new Response(FORM_HTML, { mimetype: 'text/html' });
    const [form, files] = await Promise.all([req.form(), req.files()]);
    const entry: Received = { fields: [...form], files: [] };
    for (const [field, file] of files) {
      entry.files.push({
        field,
        filename: file.filename,
        contentType: file.contentType,
        bytes: Buffer.from(await file.bytes()),
        onDisk: file.path !== undefined,
      });
    }
    received.push(entry);
    return Response.json({ ok: true, files: entry.files.map((f) => [f.field, f.filename, f.bytes.length]) });
  });
  const app: App = async (environ: Environ, startResponse) => withCleanup(await handler(environ, startResponse), environ);
  const server: Server = createServer(toNodeListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Bytes that stress a multipart parser: every byte value, CRLFs and boundary look-alikes. */
export function trickyBytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  const marks = ['\r\n--', '\r\n------WebKitFormBoundary', '\n--\r\n', '--\r\n\r\n'];
  for (let i = 0; i < 40; i++) Buffer.from(marks[i % marks.length]).copy(out, (i * 7919) % Math.max(1, size - 40));
  return out;
}
