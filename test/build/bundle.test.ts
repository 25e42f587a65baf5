// dist/ as scripts/build.js lays it out (bundled entries, layers, lazily loaded parts), checked
// in fresh processes without vite in between: what each entry exports and how it is named, that
// the entries share one Request and Response, that the lazy parts (qs, mime, Node modules) load
// when used and not before, and that it runs on Deno and Bun as well.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
/** `tsgi/node` -> `dist/adapters/node/index.js`, for every JavaScript entry of package.json. */
const entries = Object.entries(manifest.exports)
  .filter(([, target]) => typeof target !== 'string')
  .map(([subpath, target]) => [`tsgi${subpath.slice(1)}`, (target as { default: string }).default.slice(2)] as const);

/** Runs an ES module script with Node in the repository root; its JSON output. */
function runNode(script: string, args: string[] = []): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd: root, encoding: 'utf8' }));
}

/** The files a module loads through static imports, itself included. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{][^"']*?from\s*)?["'](\.[^"']+)["']/g)) {
    staticGraph(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

const APP = `
  const { Request, Response, BadRequest } = await import('./dist/index.js');
  const { Client } = await import('./dist/adapters/test/index.js');
  const { staticFiles } = await import('./dist/adapters/node/index.js');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const dir = mkdtempSync((await import('node:os')).tmpdir() + '/tsgi-bundle-');
  writeFileSync(dir + '/site.css', 'body {}');
  const app = staticFiles(Request.application((req) => Response.json({ query: req.query, request: req instanceof Request })), { '/static': dir });
  const client = new Client(app);
  const nested = await client.get('/?user[name]=Ada&tags[]=a&tags[]=b');
  const deep = await client.get('/?a[b][c][d][e][f][g]=1');
  const css = await client.get('/static/site.css');
  (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({
    nested: [nested.statusCode, await nested.json(), nested instanceof Response],
    deep: deep.statusCode,
    css: [css.statusCode, css.headers.get('content-type')],
    badRequest: new BadRequest().code,
  }));
`;

describe.skipIf(!existsSync(join(root, 'dist/index.js')))('the built package (dist/)', () => {
  it('exports what the sources export, each function and class under its own name', async () => {
    const built = runNode(
      `const out = {};
      for (const [name, file] of JSON.parse(process.argv[1])) {
        out[name] = Object.fromEntries(Object.entries(await import('./' + file)).map(([key, value]) => [key, typeof value === 'function' ? value.name : typeof value]));
      }
      console.log(JSON.stringify(out));`,
      [JSON.stringify(entries)],
    ) as Record<string, Record<string, string>>;
    for (const [name] of entries) {
      // The vitest aliases map each subpath to its source.
      const source = (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
      const expected = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, typeof value === 'function' ? value.name : typeof value]));
      expect(built[name], name).toEqual(expected);
    }
  });

  it('shares Request and Response between entries, parses req.query with the bundled qs, and types files with the lazily loaded mime', () => {
    expect(runNode(APP)).toEqual({
      nested: [200, { query: { user: { name: 'Ada' }, tags: ['a', 'b'] }, request: true }, true],
      deep: 400,
      css: [200, 'text/css; charset=utf-8'],
      badRequest: 400,
    });
  });

  it('loads no node:http, node:http2, node:https, node:net, node:stream, node:cluster, node:os or node:fs/promises on import of tsgi/node', () => {
    const loaded = runNode(
      `const before = new Set(process.moduleLoadList);
      await import('./dist/adapters/node/index.js');
      console.log(JSON.stringify(process.moduleLoadList.filter((name) => !before.has(name)).map((name) => name.replace('NativeModule ', ''))));`,
    ) as string[];
    // node:http and node:net load with `serve` (or the first response), the others with what uses them.
    for (const lazy of ['http', 'net', 'stream', 'http2', 'https', 'tls', 'cluster', 'os', 'fs/promises']) expect(loaded).not.toContain(lazy);
  });

  it('keeps tsgi and tsgi/fetch to two files each, tsgi/node to three', () => {
    const count = (file: string) => staticGraph(join(root, file)).size;
    expect(count('dist/index.js')).toBe(2);
    // The entry re-exports the node layer (dist/chunks/node.js), which the HTTP/2 and WebSocket
    // chunks, loaded on first use, import from as well.
    expect(count('dist/adapters/node/index.js')).toBe(3);
    expect(count('dist/adapters/fetch/index.js')).toBe(2);
  });

  it('loads the multipart parser with the first multipart body, not on import', () => {
    const engine = join(root, 'dist/chunks/request_multipart_engine.js');
    expect(existsSync(engine)).toBe(true);
    for (const entry of ['dist/index.js', 'dist/adapters/node/index.js', 'dist/adapters/fetch/index.js']) {
      expect(staticGraph(join(root, entry)).has(engine), entry).toBe(false);
    }
    const parsed = runNode(`
      const { Request, Response } = await import('./dist/index.js');
      const { Client } = await import('./dist/adapters/test/index.js');
      const app = Request.application(async (req) => {
        if (req.path === '/parts') {
          const names = [];
          for await (const part of req.parts()) names.push(part.name);
          return Response.json(names);
        }
        const files = await req.files();
        return Response.json({ form: Object.fromEntries(await req.form()), file: await files.get('f')?.text() });
      });
      const body = ['--b', 'Content-Disposition: form-data; name="a"', '', '1', '--b', 'Content-Disposition: form-data; name="f"; filename="f.txt"', '', 'hi', '--b--', ''].join(String.fromCharCode(13, 10));
      const headers = { 'content-type': 'multipart/form-data; boundary=b' };
      const client = new Client(app);
      const form = await (await client.post('/', { body, headers })).json();
      const parts = await (await client.post('/parts', { body, headers })).json();
      console.log(JSON.stringify({ form, parts }));
    `);
    expect(parsed).toEqual({ form: { form: { a: '1' }, file: 'hi' }, parts: ['a', 'f'] });
  });

  it('has no require at run time (workerd has none in ES modules) and core.js imports no Node module', () => {
    const files = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    for (const file of files) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      // esbuild's stand-in for a require it could not bundle throws "Dynamic require of ...".
      expect(/Dynamic require of|(?<![\w$.])require\(/.test(text), file).toBe(false);
    }
    // Static or literal dynamic imports; runtime-fs.ts names node:fs/promises in a variable on purpose.
    expect(/(?:from|import)\s*\(?\s*["']node:/.test(readFileSync(join(root, 'dist/chunks/core.js'), 'utf8'))).toBe(false);
  });

  for (const [runtime, command] of [
    ['Deno', [join(root, 'node_modules/.bin/deno'), 'run', '--allow-read']],
    ['Bun', [join(root, 'node_modules/.bin/bun')]],
  ] as const) {
    it.skipIf(!existsSync(command[0]))(`runs on ${runtime}: tsgi parses a nested query, tsgi/fetch serves it`, () => {
      const script = join(root, 'test/build/fixtures/fetch-app.mjs');
      const out = execFileSync(command[0], [...command.slice(1), script], { cwd: root, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual({ status: 200, body: { user: { name: 'Ada' } } });
    });
  }
});
