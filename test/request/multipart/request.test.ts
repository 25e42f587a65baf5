import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { App, Body, Environ } from '../../../src/gateway.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import { runCleanup, withCleanup } from '../../../src/request/multipart/index.js';
import { diskStorage } from '../../../src/request/multipart/temp-storage.node.js';
import { chunked, expectHttpError, fixture, multipart, tempUploads, uploadDir } from './helpers.js';

const DIR = uploadDir();

const CT = (b: string) => `multipart/form-data; boundary=${b}`;

function post(body: Uint8Array, boundary: string, extra: Record<string, unknown> = {}) {
  return Request.blank('/upload?from=query', {
    method: 'POST',
    headers: { 'Content-Type': CT(boundary) },
    environ: { 'tsgi.input': chunked(body, 4096), CONTENT_LENGTH: String(body.length), ...extra },
  });
}

async function drain(body: Body): Promise<void> {
  for await (const chunk of body as AsyncIterable<Uint8Array>) void chunk;
}

describe('Request with multipart bodies', () => {
  it('form(), files() and values() share one parse', async () => {
    const body = multipart('rq', [
      { name: 'title', body: 'Hello' },
      { name: 'doc', filename: 'a.txt', type: 'text/plain', body: 'file body' },
    ]);
    const req = post(body, 'rq');
    const [form, files] = await Promise.all([req.form(), req.files()]);
    expect(form.toObject()).toEqual({ title: 'Hello' });
    expect(await files.get('doc')!.text()).toBe('file body');
    expect((await req.values()).toLists()).toEqual({ from: ['query'], title: ['Hello'] });
  });

  it('a browser capture through Request', async () => {
    const body = fixture('firefox3-2png1txt/request.http');
    const req = post(body, '---------------------------186454651713519341951581030105');
    expect((await req.files()).get('file1')!.filename).toBe('anchor.png');
    expect((await req.form()).get('text')).toBe('example text');
  });

  it('limits come from the request (subclass fields) and errors are HTTP errors', async () => {
    class Strict extends Request {
      override maxFiles = 1;
      override maxFileSize = 10;
    }
    const two = multipart('s', [
      { name: 'a', filename: 'a', body: 'x' },
      { name: 'b', filename: 'b', body: 'y' },
    ]);
    const make = (body: Uint8Array) =>
      Strict.blank('/', { method: 'POST', headers: { 'Content-Type': CT('s') }, environ: { 'tsgi.input': chunked(body, 100) } });
    await expectHttpError(make(two).files(), 413, /more than 1 files/);
    await expectHttpError(make(multipart('s', [{ name: 'a', filename: 'a', body: 'x'.repeat(11) }])).files(), 413, /file in field "a" is larger than 10 bytes/);
    const req = make(two);
    req.maxFiles = 5; // per request
    expect((await req.files()).size).toBe(2);
  });

  it('files() is empty and parts() a 415 for other bodies; a missing boundary is a 400', async () => {
    const req = Request.blank('/', { method: 'POST', form: { a: '1' } });
    expect((await req.files()).size).toBe(0);
    expect(() => Request.blank('/', { method: 'POST', json: {} }).parts()).toThrow(/Expected a multipart\/form-data body/);
    const bad = Request.blank('/', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'x' });
    await expectHttpError(bad.form(), 400, /no boundary parameter/);
  });

  it('parts() streams', async () => {
    const body = multipart('p', [{ name: 'a', body: '1' }, { name: 'f', filename: 'f', body: 'data' }]);
    const names: string[] = [];
    for await (const part of post(body, 'p').parts()) names.push(`${part.name}:${await part.text()}`);
    expect(names).toEqual(['a:1', 'f:data']);
  });

  it('temp files live until the response body is closed (withCleanup)', async () => {
    class DiskRequest extends Request {
      override fileStorage = diskStorage({ directory: DIR, threshold: 100 });
    }
    let seenPath = '';
    const inner = DiskRequest.application(async (req) => {
      const file = (await req.files()).get('f')!;
      seenPath = file.path!;
      expect(existsSync(seenPath)).toBe(true);
      return new Response(`${file.size}`);
    });
    const app: App = async (environ, startResponse) => withCleanup(await inner(environ, startResponse), environ);
    const body = multipart('t', [{ name: 'f', filename: 'big', body: 'z'.repeat(10_000) }]);
    const environ = post(body, 't').environ as Environ;
    const result = await app(environ, () => undefined);
    expect(existsSync(seenPath)).toBe(true); // still there while the body is being sent
    await drain(result);
    expect(existsSync(seenPath)).toBe(false);
    expect(tempUploads(DIR)).toEqual([]);
    await runCleanup(environ); // idempotent
  });

  it('the server-offered storage (environ tsgi.file_storage) is used when the app sets none', async () => {
    const body = multipart('o', [{ name: 'f', filename: 'big', body: 'q'.repeat(5000) }]);
    const req = post(body, 'o', { 'tsgi.file_storage': diskStorage({ directory: DIR, threshold: 10 }) });
    const file = (await req.files()).get('f')!;
    expect(file.path).toMatch(/tsgi-upload-/);
    await runCleanup(req.environ);
    expect(existsSync(file.path!)).toBe(false);
  });
});
