/**
 * The runtime's file system, for the few core features that write files (`FileStorage.save(path)`).
 * `node:fs` is loaded only when such a feature runs, and only on a runtime that has one (Node, Bun
 * and Deno all provide `node:fs`), so the core still loads and runs where there is none (workerd).
 * @module
 */

/** The globals the runtime is recognised by (a parameter only so that tests can pose as another). */
export interface RuntimeGlobals {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

/**
 * The runtime this code runs on, by name and version, and whether it has a file system.
 *
 * @example
 * ```ts
 * detectRuntime(); // { name: 'Node 20.19.0', fileSystem: true }
 * detectRuntime({ navigator: { userAgent: 'Cloudflare-Workers' } }); // { name: 'Cloudflare-Workers', fileSystem: false }
 * ```
 */
export function detectRuntime(scope: RuntimeGlobals = globalThis as RuntimeGlobals): { name: string; fileSystem: boolean } {
  // Bun and Deno also define `process.versions.node`, so they are asked first.
  const deno = scope.Deno?.version?.deno;
  if (typeof deno === 'string') return { name: `Deno ${deno}`, fileSystem: true };
  const bun = scope.Bun?.version;
  if (typeof bun === 'string') return { name: `Bun ${bun}`, fileSystem: true };
  const node = scope.process?.versions?.node;
  if (typeof node === 'string') return { name: `Node ${node}`, fileSystem: true };
  const agent = scope.navigator?.userAgent;
  return { name: typeof agent === 'string' && agent !== '' ? agent : 'an unknown runtime', fileSystem: false };
}

// A variable, not a literal: bundlers for runtimes without `node:fs` (workerd) leave it alone.
const FS_MODULE = 'node:fs/promises';

/**
 * Writes `chunks` to a new file at `path` (replacing one that is there) with the runtime's file
 * system; an `Error` naming the runtime where there is none.
 *
 * @example
 * ```ts
 * await writeChunksToPath('/srv/uploads/a.txt', file.chunks());
 * ```
 */
export async function writeChunksToPath(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  scope: RuntimeGlobals = globalThis as RuntimeGlobals,
): Promise<void> {
  const runtime = detectRuntime(scope);
  let fs: typeof import('node:fs/promises') | undefined;
  if (runtime.fileSystem) {
    try {
      fs = (await import(/* @vite-ignore */ FS_MODULE)) as typeof import('node:fs/promises');
    } catch {
      // Reported below, with the runtime's name.
    }
  }
  if (fs === undefined) {
    throw new Error(
      `FileStorage.save(path) needs a file system, and this runtime (${runtime.name}) has none: ` +
        'pass a WritableStream or an object with write(chunk) to save() instead.',
    );
  }
  const handle = await fs.open(path, 'w');
  try {
    for await (const chunk of chunks) await writeFully(handle, chunk, chunk.byteLength);
  } finally {
    await handle.close();
  }
}

/** What `writeFully` writes to: a `node:fs` `FileHandle` (described here, so no Node types leak). */
export interface WritableHandle {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
}

/**
 * Writes the first `length` bytes of `data` to `handle`, however many calls that takes.
 *
 * @example
 * ```ts
 * await writeFully(handle, bytes, bytes.byteLength);
 * ```
 */
export async function writeFully(handle: WritableHandle, data: Uint8Array, length: number): Promise<void> {
  let offset = 0;
  while (offset < length) {
    const { bytesWritten } = await handle.write(data, offset, length - offset);
    offset += bytesWritten;
  }
}
