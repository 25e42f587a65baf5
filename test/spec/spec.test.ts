// Keeps docs/spec.md honest: every rule lint cites exists, and the examples in section 12 run and
// obey the protocol (checked by lint on both sides).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint, LintError } from '../../src/middleware/lint.js';
import { Client } from '../../src/adapters/test/index.js';
import type { App } from '../../src/gateway.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const spec = readFileSync(join(root, 'docs/spec.md'), 'utf8');
const definedRules = new Set([...spec.matchAll(/^- \*\*(\d+\.\d+)\*\*/gm)].map((match) => match[1]));

describe('docs/spec.md', () => {
  it('numbers its rules section.rule, without gaps or repeats', () => {
    const listed = [...spec.matchAll(/^- \*\*(\d+\.\d+)\*\*/gm)].map((match) => match[1]);
    expect(new Set(listed).size).toBe(listed.length);
    const bySection = new Map<number, number[]>();
    for (const rule of listed) {
      const [section, index] = rule.split('.').map(Number);
      bySection.set(section, [...(bySection.get(section) ?? []), index]);
    }
    for (const [section, indexes] of bySection) {
      expect(indexes, `section ${section}`).toEqual(indexes.map((_, i) => i + 1));
    }
    expect(listed.length).toBeGreaterThan(50);
  });

  it('defines every rule that lint cites', () => {
    const sources = ['src/middleware/lint.ts', 'src/middleware/lint-rules.ts', 'src/middleware/lint-websocket.ts'].map((file) => readFileSync(join(root, file), 'utf8'));
    const cited = new Set(sources.flatMap((source) => [...source.matchAll(/report\('(\d+\.\d+)'/g)].map((match) => match[1])));
    expect(cited.size).toBeGreaterThan(30);
    for (const rule of cited) expect(definedRules, `rule ${rule}`).toContain(rule);
  });

  it('runs the examples of section 12: both apps under lint, through the example server', async () => {
    const blocks = [...spec.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    const appsBlock = blocks.find((block) => block.includes('export const hello'));
    const serverBlock = blocks.find((block) => block.includes('async function serveOnce'));
    expect(appsBlock && serverBlock).toBeTruthy();
    const gateway = JSON.stringify(join(root, 'src/gateway.ts'));
    const dir = mkdtempSync(join(tmpdir(), 'tsgi-spec-'));
    const load = async (name: string, code: string): Promise<Record<string, unknown>> => {
      const file = join(dir, name);
      writeFileSync(file, code.replace(/from 'tsgi'/g, `from ${gateway}`));
      return (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    };
    const apps = (await load('apps.ts', appsBlock!)) as { hello: App; ticks: App };
    const server = await load('server.ts', `${serverBlock}\nexport { serveOnce };\n`);
    const examples = {
      ...apps,
      serveOnce: server.serveOnce as (app: App, write: (head: string | null, chunk: Uint8Array) => Promise<void>) => Promise<void>,
    };

    // The example server, with lint between it and the app: neither side breaks a rule.
    const heads: Array<string | null> = [];
    let text = '';
    await examples.serveOnce(lint(examples.hello), async (head, chunk) => {
      heads.push(head);
      text += new TextDecoder().decode(chunk);
    });
    expect(heads).toEqual(['200 OK']);
    expect(text).toBe('Hello from /\n');

    // The server answers 500 for an app that throws before its headers (rule 9.1).
    const failing: App = () => {
      throw new Error('no');
    };
    const failedHeads: Array<string | null> = [];
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      await examples.serveOnce(failing, async (head) => void failedHeads.push(head));
    } finally {
      console.error = originalError;
    }
    expect(failedHeads).toEqual(['500 Internal Server Error']);
    expect(errors.join('')).toContain('no');

    // Both example apps through the test client (lint on by default).
    const client = new Client(examples.hello);
    expect(await (await client.get('/x')).text()).toBe('Hello from /x\n');
    const stream = await new Client(examples.ticks).get('/', { buffered: false });
    const chunks = stream.chunks();
    expect(new TextDecoder().decode((await chunks.next()).value as Uint8Array)).toBe('data: 0\n\n');
    await chunks.return!();
    expect(stream.isOpen).toBe(false);
  });

  it('names the rule in every lint error message', () => {
    const error = new LintError('7.2', 'app', 'the body yielded a string');
    expect(error.message).toBe('tsgi lint: rule 7.2 (app): the body yielded a string');
    expect(definedRules).toContain(error.rule);
  });
});
