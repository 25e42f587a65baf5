import { realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBody } from '../../../src/adapters/node/send-file-body.js';
import { canListDescriptors, handlesTo, settledHandles } from '../../support/descriptors.js';

async function collect(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('latin1');
}

describe('FileBody', () => {
  let dir: string;
  let file: string;
  const content = 'abcdefghijklmnopqrstuvwxyz';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsgi-body-'));
    file = join(dir, 'letters.txt');
    await writeFile(file, content);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams the whole file in chunks of the chosen size', async () => {
    const body = new FileBody(file, 0, content.length, 5);
    const chunks: number[] = [];
    for await (const chunk of body) chunks.push(chunk.byteLength);
    expect(chunks).toEqual([5, 5, 5, 5, 5, 1]);
    expect(await collect(new FileBody(file, 0, content.length))).toBe(content);
  });

  it('slices without reading, relative to the slice it came from', async () => {
    const body = new FileBody(file, 0, content.length, 4);
    expect(body.size).toBe(26);
    const slice = body.slice(2, 12);
    expect(slice.size).toBe(10);
    expect(await collect(slice)).toBe('cdefghijkl');
    expect(await collect(slice.slice(3, 5))).toBe('fg');
    expect(await collect(body.slice(20, 100))).toBe('uvwxyz');
    expect(body.slice(30, 40).size).toBe(0);
    expect(await collect(body.slice(5, 5))).toBe('');
  });

  it('does not open the file until the first chunk is pulled', async () => {
    const body = new FileBody(join(dir, 'does-not-exist'), 0, 10);
    const iterator = body[Symbol.asyncIterator]();
    await iterator.return?.(); // abandoned before the start: nothing to open or close
    await expect(new FileBody(join(dir, 'does-not-exist'), 0, 10)[Symbol.asyncIterator]().next()).rejects.toThrow();
  });

  it('closes the file when the consumer abandons the body', async () => {
    const path = realpathSync(file);
    const before = handlesTo(path);
    const iterator = new FileBody(file, 0, content.length, 2)[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    if (canListDescriptors) expect(handlesTo(path)).toBe(before + 1);
    await iterator.return?.();
    expect(await settledHandles(path, before)).toBe(before);
    expect((await iterator.next()).done).toBe(true);
  });

  it('closes the file after the last chunk, before the consumer asks for more', async () => {
    const path = realpathSync(file);
    const before = handlesTo(path);
    const iterator = new FileBody(file, 0, content.length)[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.byteLength).toBe(26);
    expect(await settledHandles(path, before)).toBe(before);
    expect((await iterator.next()).done).toBe(true);
  });

  it('fails when the file shrank below the promised length', async () => {
    const shrinking = join(dir, 'shrinking.txt');
    await writeFile(shrinking, content);
    const body = new FileBody(shrinking, 0, content.length, 8);
    await truncate(shrinking, 10);
    await expect(collect(body)).rejects.toThrow(/shrank/);
  });

  it('rejects invalid ranges', () => {
    expect(() => new FileBody(file, 5, 2)).toThrow(RangeError);
    expect(() => new FileBody(file, -1, 2)).toThrow(RangeError);
  });
});
