/**
 * The deployment guide and the runtimes page quote files and commands that the e2e tests run: this
 * keeps the quotes and the files identical.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, ROOT } from './suite.js';

/** The entry files as a project that installed tsgi writes them. */
function asPublished(source: string): string {
  return source.replace("'../../src/adapters/fetch/index.js'", "'tsgi/fetch'").trimEnd();
}

function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]);
}

describe('docs quote what the tests run', () => {
  it('deployment.md shows the example app and entry files verbatim', async () => {
    const guide = await readFile(join(ROOT, 'docs/deployment.md'), 'utf8');
    const quoted = [...blocks(guide, 'js'), ...blocks(guide, 'ts'), ...blocks(guide, 'capnp')];
    for (const file of ['site.js', 'bun.ts', 'deno.ts', 'worker.ts', 'workerd.capnp', 'lambda.js']) {
      const source = asPublished(await readFile(join(ROOT, 'examples/runtimes', file), 'utf8'));
      expect(quoted, `docs/deployment.md must quote examples/runtimes/${file} as it is`).toContain(source);
    }
    // Every fenced block in the guide is one of those, the nginx config, the tsgi serve commands,
    // the systemd unit or the restart loop, which test/e2e/nginx.test.ts reads from the guide and
    // runs (the last two as the equivalent signals and processes).
    // The Lambda section adds the handler file (lambda.js, above; test/adapters/lambda/emulator.test.ts
    // runs it) and its options block, compiled by test/docs/examples.test.ts. The HTTP/2 section
    // adds its tsgi serve commands (parsed by test/adapters/node/cli/http2-flags.test.ts) and its
    // serve() block (compiled by test/docs/examples.test.ts).
    const all = [...guide.matchAll(/```(\w+)\n/g)].map((m) => m[1]);
    expect(all.sort()).toEqual(['capnp', 'ini', 'js', 'js', 'nginx', 'sh', 'sh', 'sh', 'ts', 'ts', 'ts', 'ts', 'ts']);
  });

  it('runtimes.md gives the commands the runtime tests use', async () => {
    const page = await readFile(join(ROOT, 'docs/runtimes.md'), 'utf8');
    for (const command of Object.values(COMMANDS)) expect(page).toContain(`\`${command.join(' ')}\``);
    expect(blocks(page, 'sh')).toEqual(['npx vitest run test/e2e/runtimes']);
  });
});
