// The package as users get it: `npm pack`, installed into a fresh project, imported by every
// subpath export from JavaScript, and type-checked from TypeScript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project = '';

describe.skipIf(!existsSync(join(root, 'dist/index.js')))('packed tarball in a fresh project', () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'tsgi-consumer-'));
    const packed = execFileSync(npm, ['pack', '--json', '--pack-destination', project], { cwd: root, encoding: 'utf8' });
    const [{ filename }] = JSON.parse(packed.slice(packed.indexOf('['))) as Array<{ filename: string }>;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', join(project, filename)], { cwd: project, stdio: 'pipe' });
    // The consumer type-checks with the same compiler the project uses.
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', `file:${join(root, 'node_modules/typescript')}`, '@types/node@20'], {
      cwd: project,
      stdio: 'pipe',
    });
  }, 180_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('ships dist, types and docs but no tests or sources', () => {
    const files = execFileSync('find', ['node_modules/tsgi', '-type', 'f'], { cwd: project, encoding: 'utf8' }).split('\n');
    expect(files).toContain('node_modules/tsgi/dist/index.js');
    expect(files).toContain('node_modules/tsgi/dist/index.d.ts');
    expect(files).toContain('node_modules/tsgi/docs/spec.md');
    expect(files.some((file) => file.startsWith('node_modules/tsgi/test/') || file.startsWith('node_modules/tsgi/src/'))).toBe(false);
    expect(files.some((file) => file.endsWith('.test.js'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/tsgi/package.json'), 'utf8'));
    expect(manifest.type).toBe('module');
  });

  it('imports every subpath export and serves a request', () => {
    writeFileSync(
      join(project, 'check.mjs'),
      `
      import { Request, Response, MultiDict, Headers, NotFound } from 'tsgi';
      import * as test from 'tsgi/test';
      import * as node from 'tsgi/node';
      import * as fetchAdapter from 'tsgi/fetch';
      import * as middleware from 'tsgi/middleware';
      import * as session from 'tsgi/session';
      import { toLambdaHandler } from 'tsgi/lambda';
      import { Rule, RuleMap } from 'tsgi/routing';
      const app = Request.application((req) => {
        if (req.path !== '/') throw new NotFound();
        return new Response('hi ' + req.args.get('n'));
      });
      const chunks = [];
      let status;
      const body = await app({ REQUEST_METHOD: 'GET', SCRIPT_NAME: '', PATH_INFO: '/', QUERY_STRING: 'n=1',
        SERVER_NAME: 'x', SERVER_PORT: '80', SERVER_PROTOCOL: 'HTTP/1.1', 'tsgi.version': [1, 0],
        'tsgi.url_scheme': 'http', 'tsgi.input': (async function* () {})(), 'tsgi.errors': console },
        (s) => { status = s; });
      for await (const chunk of body) chunks.push(chunk);
      const lambdaResult = await toLambdaHandler(app)({ version: '2.0', rawPath: '/', rawQueryString: 'n=2',
        headers: { host: 'example.com' }, requestContext: { http: { method: 'GET' } }, isBase64Encoded: false });
      console.log(JSON.stringify({
        status, text: Buffer.concat(chunks).toString(),
        exports: [typeof MultiDict, typeof Headers, Object.keys(test).length > 0, Object.keys(node).length > 0,
          Object.keys(fetchAdapter).length > 0, Object.keys(middleware).length > 0,
          await new session.Signer({ secrets: 'x'.repeat(32) }).sign('a'), lambdaResult.body,
          new RuleMap([new Rule('/t/<int:id>', { endpoint: 't' })]).bind('x').match('/t/3').params.id],
      }));
      `,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out).toEqual({ status: '200 OK', text: 'hi 1', exports: ['function', 'function', true, true, true, true, 'a.ExB7KAtDYtzSFPeKHXN4o26dZI1sdToyHGRypYPJzbQ', 'hi 2', 3] });
  });

  it('type-checks a TypeScript consumer under strict NodeNext', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: ['node'] } }),
    );
    writeFileSync(
      join(project, 'app.ts'),
      `
      import { Request, Response, type App, type Environ } from 'tsgi';
      import { toLambdaHandler, type LambdaResult } from 'tsgi/lambda';
      import { Rule, RuleMap } from 'tsgi/routing';
      const app: App = Request.application(async (req: Request) => {
        const body: unknown = req.isJson ? await req.json() : null;
        return Response.json({ body, path: req.path });
      });
      const res: Response = new Response('x', { status: 201 });
      const code: number = res.statusCode;
      const lambda: Promise<LambdaResult> = toLambdaHandler(app, { maxBodySize: 1024 })({});
      const matched = new RuleMap([new Rule('/t/<int:id>', { endpoint: 't' })]).bind('x').match('/t/3');
      const id: number = matched.params.id;
      export { app, code, lambda, id };
      export type E = Environ;
      `,
    );
    execFileSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, stdio: 'pipe' });
  });
});
