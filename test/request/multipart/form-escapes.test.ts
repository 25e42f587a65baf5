/**
 * Names and file names as browsers escape them in multipart/form-data (HTML standard: `"` as
 * `%22`, CR as `%0D`, LF as `%0A`), decoded as Werkzeug 2.3+ does, and nothing else decoded.
 */
import { describe, expect, it } from 'vitest';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import { Client } from '../../../src/adapters/test/client.js';
import { parseMultipart, parseOptions } from '../../../src/request/multipart/index.js';
import { chunked, enc } from './helpers.js';

const B = 'b0undary';
const part = (headers: string, body: string) => `--${B}\r\n${headers}\r\n\r\n${body}\r\n`;

async function filesOf(body: string) {
  return parseMultipart(chunked(enc(body), 7), B);
}

describe('multipart names and file names', () => {
  it('decodes %22, %0D and %0A in quoted name and filename', async () => {
    const { files, form } = await filesOf(
      part('Content-Disposition: form-data; name="up%22load"; filename="a %22b%22.txt"', 'x') +
        part('Content-Disposition: form-data; name="f2"; filename="line%0D%0Abreak%0a.txt"', 'y') +
        part('Content-Disposition: form-data; name="say %22hi%22"', 'z') +
        `--${B}--\r\n`,
    );
    expect(files.get('up"load')!.filename).toBe('a "b".txt');
    expect(files.get('f2')!.filename).toBe('line\r\nbreak\n.txt');
    expect(form.get('say "hi"')).toBe('z');
  });
  it('leaves every other escape, bare values and filename* alone', async () => {
    const { files } = await filesOf(
      part('Content-Disposition: form-data; name="a"; filename="100%.txt"', '1') +
        part('Content-Disposition: form-data; name="b"; filename="%41%20%2522.txt"', '2') +
        part('Content-Disposition: form-data; name="c"; filename*=UTF-8\'\'a%2522.txt', '3') +
        part('Content-Disposition: form-data; name="d"; filename=bare%22.txt', '4') +
        `--${B}--\r\n`,
    );
    expect(files.get('a')!.filename).toBe('100%.txt');
    expect(files.get('b')!.filename).toBe('%41%20%2522.txt');
    expect(files.get('c')!.filename).toBe('a%22.txt');
    expect(files.get('d')!.filename).toBe('bare%22.txt');
  });
  it('a backslash-escaped quote still works, and other headers are not touched', () => {
    expect(parseOptions('form-data; name="a"; filename="x \\"y\\".txt"', true).params.get('filename')).toBe('x "y".txt');
    expect(parseOptions('text/plain; charset="%22"').params.get('charset')).toBe('%22');
  });
  it("round-trips through tsgi's own client", async () => {
    const app = Request.application(async (req) => {
      const files = await req.files();
      const [name, file] = [...files][0];
      return Response.json({ name, filename: file.filename });
    });
    const res = await new Client(app).post('/', {
      form: { 'field "q"': new File(['data'], 'a "b".txt', { type: 'text/plain' }) },
    });
    expect(await res.json()).toEqual({ name: 'field "q"', filename: 'a "b".txt' });
  });
});
