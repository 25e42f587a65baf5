/**
 * Node-only upload storage: files stay in memory up to a threshold, then spill to a temporary file
 * (a private directory made with `fs.mkdtemp` under `os.tmpdir()`), removed by `dispose()`.
 * @module
 */
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  MemoryFileData,
  type FileData,
  type FileStorageFactory,
  type FileWriter,
} from '../../datastructures/file-storage.js';
import { optionsChecker } from '../../options.js';
import { writeFully } from '../../runtime-fs.js';
import { nodeFs, nodeFsPromises, nodeOs } from '../../node-builtins.node.js';

// node:fs, node:fs/promises and node:os load with the first file written or read (node-builtins.node.ts).
const fsp = async (): Promise<typeof import('node:fs/promises')> => nodeFsPromises.get() ?? nodeFsPromises.load();

/** Options of `diskStorage`. */
export interface DiskStorageOptions {
  /** Files up to this many bytes stay in memory. Default 1 MiB. */
  threshold?: number;
  /**
   * Bytes all in-memory uploads of this storage may hold together (across concurrent requests);
   * beyond it, new data spills to disk even under `threshold`. Default 64 MiB.
   */
  memoryBudget?: number;
  /** Where temporary directories are made. Default `os.tmpdir()`. */
  directory?: string;
}

const checkOptions = optionsChecker<DiskStorageOptions>('diskStorage', { threshold: true, memoryBudget: true, directory: true });

/** Prefix of the temporary directories (one per spilled file). */
export const TEMP_PREFIX = 'tsgi-upload-';

const STAGE_SIZE = 256 * 1024;

class Budget {
  used = 0;
  constructor(readonly limit: number) {}
}

class NodeMemoryFileData extends MemoryFileData {
  readonly #release: () => void;
  #released = false;

  constructor(chunks: Uint8Array[], size: number, release: () => void) {
    super(chunks, size);
    this.#release = release;
  }

  async saveTo(target: string): Promise<void> {
    await (await fsp()).writeFile(target, await this.bytes());
  }

  override async dispose(): Promise<void> {
    if (!this.#released) {
      this.#released = true;
      this.#release();
    }
    await super.dispose();
  }
}

class TempFileData implements FileData {
  readonly size: number;
  readonly path: string;
  readonly #dir: string;
  #disposed = false;

  constructor(dir: string, file: string, size: number) {
    this.#dir = dir;
    this.path = file;
    this.size = size;
  }

  async *chunks(): AsyncIterable<Uint8Array> {
    this.#check();
    // createReadStream is an async iterable of Buffers; closing early closes the file.
    const fs = nodeFs.get() ?? (await nodeFs.load());
    yield* fs.createReadStream(this.path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>;
  }

  async bytes(): Promise<Uint8Array> {
    this.#check();
    return new Uint8Array(await (await fsp()).readFile(this.path));
  }

  async saveTo(target: string): Promise<void> {
    this.#check();
    await (await fsp()).copyFile(this.path, target);
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await (await fsp()).rm(this.#dir, { recursive: true, force: true });
  }

  #check(): void {
    if (this.#disposed) throw new Error('The uploaded file was already removed (after the response, or by close()).');
  }
}

/** `threshold` resolved; `directory` undefined for `os.tmpdir()`. */
interface SpillOptions {
  threshold: number;
  directory: string | undefined;
}

class SpillWriter implements FileWriter {
  readonly #options: SpillOptions;
  readonly #budget: Budget;
  #chunks: Uint8Array[] = [];
  #memory = 0;
  #size = 0;
  #dir: string | undefined;
  #file: string | undefined;
  #handle: FileHandle | undefined;
  #stage: Uint8Array | undefined;
  #staged = 0;
  #ended = false;
  // The write still running, if any: `abort()` (the request's cleanup, which may run while a
  // write is under way, as when the client hangs up) waits for it, so a temporary directory
  // created by that write is still removed.
  #inflight: Promise<void> | undefined;

  constructor(options: SpillOptions, budget: Budget) {
    this.#options = options;
    this.#budget = budget;
  }

  write(chunk: Uint8Array): void | Promise<void> {
    const pending = this.#write(chunk);
    if (pending === undefined) return;
    const tracked = (this.#inflight = pending.finally(() => {
      if (this.#inflight === tracked) this.#inflight = undefined;
    }));
    return tracked;
  }

  #write(chunk: Uint8Array): Promise<void> | undefined {
    this.#size += chunk.length;
    if (!this.#stage) {
      const budget = this.#budget;
      if (this.#memory + chunk.length <= this.#options.threshold && budget.used + chunk.length <= budget.limit) {
        budget.used += chunk.length;
        this.#memory += chunk.length;
        // Copied: a view would pin a whole body chunk and could outlive a reused buffer.
        this.#chunks.push(Uint8Array.prototype.slice.call(chunk));
        return;
      }
      return this.#spill(chunk);
    }
    if (this.#staged + chunk.length <= STAGE_SIZE) {
      this.#stage.set(chunk, this.#staged);
      this.#staged += chunk.length;
      if (this.#staged < STAGE_SIZE) return;
      return this.#flush();
    }
    return this.#writeThrough(chunk);
  }

  async #spill(chunk: Uint8Array): Promise<void> {
    this.#stage = new Uint8Array(STAGE_SIZE);
    const directory = this.#options.directory ?? (nodeOs.get() ?? (await nodeOs.load())).tmpdir();
    this.#dir = await (await fsp()).mkdtemp(path.join(directory, TEMP_PREFIX));
    // Aborted meanwhile: `abort()` waits for this write and then removes the directory.
    if (this.#ended) return;
    this.#file = path.join(this.#dir, 'upload');
    this.#handle = await (await fsp()).open(this.#file, 'wx', 0o600);
    if (this.#ended) return;
    const buffered = this.#chunks;
    this.#chunks = [];
    this.#release();
    for (const piece of buffered) {
      await this.#handle.write(piece);
      if (this.#ended) return;
    }
    await this.#writeThrough(chunk);
  }

  async #flush(): Promise<void> {
    if (this.#staged === 0) return;
    const length = this.#staged;
    this.#staged = 0;
    await writeFully(this.#handle!, this.#stage!, length);
  }

  async #writeThrough(chunk: Uint8Array): Promise<void> {
    await this.#flush();
    if (chunk.length >= STAGE_SIZE / 2) {
      await writeFully(this.#handle!, chunk, chunk.length);
    } else {
      this.#stage!.set(chunk, 0);
      this.#staged = chunk.length;
    }
  }

  #release(): void {
    this.#budget.used -= this.#memory;
    this.#memory = 0;
  }

  async finish(): Promise<FileData> {
    this.#ended = true;
    if (!this.#handle) {
      const budget = this.#budget;
      const held = this.#memory;
      this.#memory = 0;
      return new NodeMemoryFileData(this.#chunks, this.#size, () => {
        budget.used -= held;
      });
    }
    try {
      await this.#flush();
    } finally {
      await this.#handle.close();
    }
    this.#stage = undefined;
    return new TempFileData(this.#dir!, this.#file!, this.#size);
  }

  async abort(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#inflight?.catch(() => undefined);
    this.#release();
    this.#chunks = [];
    this.#stage = undefined;
    await this.#handle?.close().catch(() => undefined);
    if (this.#dir) await (await fsp()).rm(this.#dir, { recursive: true, force: true });
  }
}

/**
 * Upload storage for Node: small files in memory, larger ones in temporary files that
 * `FileStorage.save(path)` copies and the request's cleanup removes. The node adapter installs one
 * as `environ['tsgi.file_storage']`.
 *
 * @example
 * ```ts
 * class UploadRequest extends Request { fileStorage = diskStorage({ threshold: 256 * 1024 }); }
 * ```
 */
export function diskStorage(options: DiskStorageOptions = {}): FileStorageFactory {
  checkOptions(options);
  const resolved = {
    threshold: options.threshold ?? 1024 * 1024,
    // os.tmpdir() when the first file spills, so that creating a storage loads no node:os.
    directory: options.directory,
  };
  const budget = new Budget(options.memoryBudget ?? 64 * 1024 * 1024);
  return { create: () => new SpillWriter(resolved, budget) };
}
