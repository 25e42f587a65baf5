/** Shared helpers for the multipart tests: fixtures, chunked inputs, temp-dir checks. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { HTTPException } from '../../../src/errors.js';

/** The Werkzeug browser captures, byte-exact copies (licence notice in the folder's README.md). */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/werkzeug-multipart/', import.meta.url));

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** `body` as an async iterable of chunks of `size` bytes (a fresh view each time). */
export function chunked(body: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < body.length; i += size) yield body.slice(i, i + size);
    },
  };
}

/** `body` split at the given offsets. */
export function splitAt(body: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(body.length, c))))].sort((a, b) => a - b);
  return {
    async *[Symbol.asyncIterator]() {
      let start = 0;
      for (const point of [...points, body.length]) {
        if (point > start) yield body.slice(start, point);
        start = Math.max(start, point);
      }
    },
  };
}

export const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Builds a multipart body with CRLF line endings. */
export function multipart(
  boundary: string,
  parts: Array<{ name: string; filename?: string; type?: string; headers?: string[]; body: string | Uint8Array }>,
  { preamble = '', epilogue = '' } = {},
): Uint8Array {
  const chunks: Uint8Array[] = [enc(preamble)];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.type) head += `Content-Type: ${part.type}\r\n`;
    for (const line of part.headers ?? []) head += `${line}\r\n`;
    chunks.push(enc(`${head}\r\n`), typeof part.body === 'string' ? enc(part.body) : part.body, enc('\r\n'));
  }
  chunks.push(enc(`--${boundary}--\r\n${epilogue}`));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Awaits `promise`, expecting an HTTPException with `code` whose description matches `message`. */
export async function expectHttpError(promise: Promise<unknown>, code: number, message: RegExp): Promise<HTTPException> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an HTTPException').toBeInstanceOf(HTTPException);
  const error = caught as HTTPException;
  expect(error.code).toBe(code);
  expect(error.description).toMatch(message);
  return error;
}

/** A private parent directory for one test file's uploads (test files run in parallel). */
export function uploadDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsgi-test-uploads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The tsgi temporary upload directories left in `dir`. */
export function tempUploads(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('tsgi-upload-'));
}

/**
 * Waits (up to `ms`) until no upload directory is left in `dir`: after a response, cleanup runs
 * when the server closes the body, which may be just after the client got its last byte.
 */
export async function noUploadsLeft(dir: string, ms = 2000): Promise<string[]> {
  const until = Date.now() + ms;
  let left = tempUploads(dir);
  while (left.length && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    left = tempUploads(dir);
  }
  return left;
}
