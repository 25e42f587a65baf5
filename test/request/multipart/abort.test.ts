/**
 * A client that goes away mid-upload, over a real socket to the node adapter: the parse fails
 * with a 400, the temporary file is removed and no file descriptor stays open.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { HTTPException } from '../../../src/errors.js';
import { toNodeListener } from '../../../src/adapters/node/index.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import { withCleanup } from '../../../src/request/multipart/index.js';
import { diskStorage } from '../../../src/request/multipart/temp-storage.node.js';
import { noUploadsLeft, tempUploads, uploadDir } from './helpers.js';
import { Headers } from '../../../src/datastructures/headers.js';
import type { FileInfo } from '../../../src/datastructures/file-storage.js';

const DIR = uploadDir();
const openFds = () => readdirSync('/proc/self/fd').length;

describe('client abort mid-upload (real socket, node adapter)', () => {
  let outcome: (value: unknown) => void;
  const done = new Promise<unknown>((resolve) => (outcome = resolve));
  const storage = diskStorage({ threshold: 1024, directory: DIR });
  class DiskRequest extends Request {
    override fileStorage = storage;
  }
  const handler = DiskRequest.application(async (req) => {
    try {
      const files = await req.files();
      outcome(files);
    } catch (error) {
      outcome(error);
      throw error;
    }
    return new Response('unexpected');
  });
  const app: App = async (environ, startResponse) => withCleanup(await handler(environ, startResponse), environ);
  const server = createServer(toNodeListener(app));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('leaves no temp file and no open handle', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const baseline = openFds();
    const boundary = 'AbortBoundary';
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${10 * 1024 * 1024}\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n\r\n`,
    );
    const piece = Buffer.alloc(64 * 1024, 0x61);
    // Send until the upload has spilled to a temporary file, then vanish.
    const until = Date.now() + 5000;
    while (tempUploads(DIR).length === 0 && Date.now() < until) {
      socket.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(tempUploads(DIR)).toHaveLength(1);
    socket.destroy();

    const error = await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000))]);
    expect(error).toBeInstanceOf(HTTPException);
    expect((error as HTTPException).code).toBe(400);
    expect((error as HTTPException).description).toMatch(/could not be read to its end|ended after/);
    expect(await noUploadsLeft(DIR)).toEqual([]);
    const settle = Date.now() + 2000;
    while (openFds() > baseline && Date.now() < settle) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openFds()).toBeLessThanOrEqual(baseline);
  });
});

const FILE_INFO: FileInfo = { name: 'f', filename: 'a.txt', contentType: 'text/plain', headers: new Headers() };

describe('abort while the first spill to disk is under way', () => {
  it('removes the temporary directory the spill creates after abort() began', async () => {
    // The request's cleanup can run while a write is still creating its file (the client hung
    // up, the response ended): abort() waits for that write and removes what it made.
    const storage = diskStorage({ threshold: 16, directory: DIR });
    for (let round = 0; round < 20; round++) {
      const writer = storage.create(FILE_INFO);
      const writing = Promise.resolve(writer.write(new Uint8Array(4096).fill(97))).catch((error: unknown) => error);
      await writer.abort();
      await writing;
      expect(tempUploads(DIR)).toEqual([]);
    }
  });

  it('still writes and keeps a file when nothing aborts it', async () => {
    const storage = diskStorage({ threshold: 16, directory: DIR });
    const writer = storage.create(FILE_INFO);
    await writer.write(new Uint8Array(4096).fill(97));
    const data = await writer.finish();
    expect(tempUploads(DIR)).toHaveLength(1);
    expect((await data.bytes()).byteLength).toBe(4096);
    await data.dispose();
    expect(tempUploads(DIR)).toEqual([]);
  });
});
