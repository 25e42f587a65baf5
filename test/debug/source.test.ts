import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTEXT_LINES, loadSources, MAX_FILE_BYTES, MAX_LINE_CHARS } from '../../src/debug/source.js';
import { errorChain, type StackFrame } from '../../src/debug/stack.js';
import { explode } from './fixtures/throws.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/throws.ts');
const frame = (file: string, line: number): StackFrame => ({ fn: 'f', file, line, column: 1, text: `at f (${file}:${line}:1)` });

// Scratch files inside the repository (a test reads nothing outside it), removed afterwards.
const scratch = mkdtempSync(join(import.meta.dirname, '.scratch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadSources', () => {
  it('shows the lines around the frame of a real file, by path or file: URL', async () => {
    const { contexts, note } = await loadSources([frame(FIXTURE, 4), frame(pathToFileURL(FIXTURE).href, 2)]);
    expect(note).toBeUndefined();
    expect(contexts[0]).toEqual({
      firstLine: 1,
      lines: [
        '// A module whose function throws on a known line (line 4), for the source-line tests.',
        'export function explode(message: string): never {',
        '  const reason = `exploded: ${message}`;',
        '  throw new Error(reason);',
        '}',
      ],
    });
    expect(contexts[1]?.firstLine).toBe(1);
  });

  it('finds the source of a frame of a thrown error', async () => {
    let error: unknown;
    try {
      explode('here');
    } catch (caught) {
      error = caught;
    }
    const frames = errorChain(error)[0].frames;
    const { contexts } = await loadSources(frames);
    const index = frames.findIndex((f) => f.file.endsWith('throws.ts'));
    expect(index).toBe(0);
    expect(contexts[0]!.lines[frames[0].line - contexts[0]!.firstLine]).toBe('  throw new Error(reason);');
  });

  it('keeps a window of CONTEXT_LINES around the line and cuts long lines', async () => {
    const file = join(scratch, 'long.js');
    writeFileSync(file, Array.from({ length: 40 }, (_, i) => (i === 19 ? 'x'.repeat(1000) : `line ${i + 1}`)).join('\n'));
    const context = (await loadSources([frame(file, 20)])).contexts[0]!;
    expect(context.firstLine).toBe(20 - CONTEXT_LINES);
    expect(context.lines).toHaveLength(2 * CONTEXT_LINES + 1);
    expect(context.lines[CONTEXT_LINES]).toHaveLength(MAX_LINE_CHARS + 1);
    expect((await loadSources([frame(file, 99)])).contexts[0]).toBeUndefined();
  });

  it('reads only source files under the working directory', async () => {
    const { contexts } = await loadSources([
      frame('/etc/passwd', 1),
      frame('/etc/hostname.js', 1),
      frame(resolve('package.json'), 1),
      frame(resolve('README.md'), 1),
      frame('node:internal/process/task_queues', 95),
      frame('native', 0),
      frame('relative/path.js', 1),
      frame('http://localhost:8000/app.js', 1),
      frame(`${resolve('..')}/elsewhere.js`, 1),
    ]);
    expect(contexts).toEqual(Array(9).fill(undefined));
  });

  it('does not follow a symlink out of the working directory, nor read an oversized file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'tsgi-debug-'));
    try {
      writeFileSync(join(outside, 'secret.js'), 'const secret = 1;\n');
      symlinkSync(join(outside, 'secret.js'), join(scratch, 'link.js'));
      const big = join(scratch, 'big.js');
      writeFileSync(big, `// ${'x'.repeat(MAX_FILE_BYTES)}\n`);
      const { contexts } = await loadSources([frame(join(scratch, 'link.js'), 1), frame(big, 1)]);
      expect(contexts).toEqual([undefined, undefined]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('shows frames only, with a note, where the runtime has no file system (workerd)', async () => {
    const { contexts, note } = await loadSources([frame(FIXTURE, 4)], { navigator: { userAgent: 'Cloudflare-Workers' } });
    expect(contexts).toEqual([undefined]);
    expect(note).toBe('Source lines are not shown: this runtime (Cloudflare-Workers) has no file system.');
  });
});
