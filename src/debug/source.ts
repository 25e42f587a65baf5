/**
 * Source lines around stack frames, for the development error page. Files are read only where
 * the runtime has a file system (Node, Bun, Deno; `node:fs` is loaded on first use, as
 * `runtime-fs.ts` does), and only what a frame names: a source file (by extension) under the
 * working directory, after resolving symlinks, at most `MAX_FILE_BYTES` of it. Elsewhere (workerd)
 * the page shows the frames alone.
 * @module
 */
import { detectRuntime, type RuntimeGlobals } from '../runtime-fs.js';
import type { StackFrame } from './stack.js';

/** The lines shown around one frame. */
export interface SourceContext {
  /** The line number of `lines[0]`. */
  firstLine: number;
  lines: string[];
}

/** Lines shown before and after the frame's line. */
export const CONTEXT_LINES = 5;
/** Larger files are not read (bundles, generated code). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most distinct files read for one page. */
export const MAX_FILES = 40;
/** Longer lines are cut (minified code). */
export const MAX_LINE_CHARS = 240;

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

// Variables, not literals: bundlers for runtimes without `node:fs` (workerd) leave them alone.
const FS_MODULE = 'node:fs/promises';
const PATH_MODULE = 'node:path';
const URL_MODULE = 'node:url';
const PROCESS_MODULE = 'node:process';

interface NodeApis {
  fs: typeof import('node:fs/promises');
  path: typeof import('node:path');
  fileURLToPath: (url: string) => string;
  cwd: string;
}

/** What `loadSources` found: one entry per frame (undefined where no source is shown), and why not. */
export interface LoadedSources {
  contexts: Array<SourceContext | undefined>;
  /** Set when no file could be read at all: the runtime has no file system. */
  note?: string;
}

async function nodeApis(scope: RuntimeGlobals): Promise<NodeApis | string> {
  const runtime = detectRuntime(scope);
  if (!runtime.fileSystem) return `Source lines are not shown: this runtime (${runtime.name}) has no file system.`;
  try {
    const [fs, path, url, proc] = await Promise.all([
      import(/* @vite-ignore */ FS_MODULE) as Promise<typeof import('node:fs/promises')>,
      import(/* @vite-ignore */ PATH_MODULE) as Promise<typeof import('node:path')>,
      import(/* @vite-ignore */ URL_MODULE) as Promise<typeof import('node:url')>,
      import(/* @vite-ignore */ PROCESS_MODULE) as Promise<{ default?: { cwd(): string }; cwd?: () => string }>,
    ]);
    const cwd = await fs.realpath(proc.default ? proc.default.cwd() : proc.cwd!());
    return { fs, path, fileURLToPath: (u) => url.fileURLToPath(u), cwd };
  } catch {
    return `Source lines are not shown: the file system of ${runtime.name} could not be loaded.`;
  }
}

/**
 * The source lines around each frame that names a readable source file under the working
 * directory. Never throws: a file that cannot be read just has no lines.
 *
 * @example
 * ```ts
 * const { contexts } = await loadSources(errorChain(error)[0].frames);
 * contexts[0]?.lines; // the lines around the first frame
 * ```
 */
export async function loadSources(
  frames: readonly StackFrame[],
  scope: RuntimeGlobals = globalThis as RuntimeGlobals,
): Promise<LoadedSources> {
  const apis = await nodeApis(scope);
  if (typeof apis === 'string') return { contexts: frames.map(() => undefined), note: apis };
  const files = new Map<string, Promise<string[] | undefined>>();
  const contexts = await Promise.all(
    frames.map(async (frame) => {
      const path = localPath(frame.file, apis);
      if (path === undefined || frame.line < 1) return undefined;
      let lines = files.get(path);
      if (lines === undefined) {
        if (files.size >= MAX_FILES) return undefined;
        lines = readLines(path, apis);
        files.set(path, lines);
      }
      const all = await lines;
      return all && around(all, frame.line);
    }),
  );
  return { contexts };
}

/** The absolute path a frame names, when it is a source file under the working directory. */
function localPath(file: string, { path, fileURLToPath, cwd }: NodeApis): string | undefined {
  let absolute: string;
  if (file.startsWith('file://')) {
    try {
      absolute = fileURLToPath(file);
    } catch {
      return undefined;
    }
  } else if (path.isAbsolute(file)) {
    absolute = file;
  } else {
    return undefined; // node:internal/..., native, <anonymous>, http://...
  }
  absolute = path.normalize(absolute);
  if (!SOURCE_EXTENSION.test(absolute) || !isInside(absolute, cwd, path)) return undefined;
  return absolute;
}

function isInside(file: string, root: string, path: NodeApis['path']): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The file's lines, once its real path (symlinks resolved) is checked again; bounded in size. */
async function readLines(file: string, { fs, path, cwd }: NodeApis): Promise<string[] | undefined> {
  try {
    const real = await fs.realpath(file);
    if (!SOURCE_EXTENSION.test(real) || !isInside(real, cwd, path)) return undefined;
    const handle = await fs.open(real, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      const buffer = new Uint8Array(info.size);
      let read = 0;
      while (read < info.size) {
        const { bytesRead } = await handle.read(buffer, read, info.size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      const lines = new TextDecoder().decode(buffer.subarray(0, read)).split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop(); // the file's final newline ends a line; it starts none
      return lines;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function around(lines: readonly string[], line: number): SourceContext | undefined {
  if (line > lines.length) return undefined;
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const shown = lines.slice(first - 1, last).map((text) => (text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text));
  return { firstLine: first, lines: shown };
}
