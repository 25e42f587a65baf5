// What the callable `Response` costs a routed request end to end. Makes a scratch copy of dist/
// whose `Response` is a plain object (CallableApp's constructor no longer returns a function, and
// `wrapHandler` calls `serve` on what a handler returns), serves bench/servers/router-tsgi.js's
// app from it, and runs bench/ab.js against the server given (the shipped build, or Fastify):
//
//   node bench/callable-cost.js router-fastify /event/abcd1234/comments
//   AB_SESSIONS=3 AB_ROUNDS=6 node bench/callable-cost.js router-tsgi /user
//
// The scratch build is not a product: it breaks every app that calls a response itself. DESIGN.md
// keeps `Response` callable; this measures what that decision costs (`npm run build` first).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [against = 'router-tsgi', route = '/event/abcd1234/comments'] = process.argv.slice(2);

// The two places, as `npm run build` writes them into dist/chunks/core.js.
const PATCHES = [
  {
    what: "CallableApp's constructor",
    from: /var CallableApp=class\{constructor\(\)\{.*?return serve\}\};/s,
    to: 'var CallableApp=class{};',
  },
  {
    what: "wrapHandler's test for an App",
    from: /if\(typeof result==="function"\)return serveWithCleanup\(result,environ,startResponse\);/,
    to: 'if(typeof result?.serve==="function")return result.serve(environ,startResponse);$&',
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'tsgi-plain-response-'));
try {
  cpSync(join(here, '..', 'dist'), join(scratch, 'dist'), { recursive: true });
  const core = join(scratch, 'dist', 'chunks', 'core.js');
  let text = readFileSync(core, 'utf8');
  for (const { what, from, to } of PATCHES) {
    if (!from.test(text)) throw new Error(`bench/callable-cost.js: ${what} is not in dist/chunks/core.js as expected; run \`npm run build\`, or update PATCHES to the build's output`);
    text = text.replace(from, to);
  }
  writeFileSync(core, text);
  // The benchmark's app, importing the scratch build.
  const app = readFileSync(join(here, 'servers', 'router-tsgi.js'), 'utf8')
    .replaceAll("'../../dist/", `'${join(scratch, 'dist')}/`)
    .replace("'./listen.js'", `'${join(here, 'servers', 'listen.js')}'`);
  const server = join(scratch, 'router-tsgi-plain-response.js');
  writeFileSync(server, app);
  execFileSync(process.execPath, [join(here, 'ab.js'), against, server, route], { stdio: 'inherit' });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
