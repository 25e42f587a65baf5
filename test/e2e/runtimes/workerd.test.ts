import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BIN, COMMANDS, ROOT, canRun, runtimeSuite, startPolling } from './suite.js';
import { freePort } from '../../support/free-port.js';

const run = promisify(execFile);

runtimeSuite(
  'Cloudflare workerd (no nodejs_compat)',
  async () => {
    if (!(await canRun(`${BIN}workerd`)) || !(await canRun(`${BIN}bun`))) return null;
    const dir = await mkdtemp(join(tmpdir(), 'tsgi-workerd-'));
    // The bundle and the config the deployment guide shows, with a free port instead of 8000.
    // The documented build command, writing next to the copied config instead of into examples/.
    const [bundler, ...buildArgs] = COMMANDS.workerdBuild;
    const outfile = buildArgs.map((arg) => (arg.startsWith('--outfile=') ? `--outfile=${join(dir, 'worker.js')}` : arg));
    await run(`${BIN}${bundler}`, outfile, { cwd: ROOT });
    const config = await readFile(join(ROOT, 'examples/runtimes/workerd.capnp'), 'utf8');
    if (/compatibilityFlags|nodejs_compat/.test(config.replace(/#.*$/gm, ''))) throw new Error('the workerd config must not use nodejs_compat');
    const port = await freePort();
    await writeFile(join(dir, 'workerd.capnp'), config.replace('127.0.0.1:8000', `127.0.0.1:${port}`));
    const [workerd, serve] = COMMANDS.workerd;
    const running = await startPolling(`${BIN}${workerd}`, [serve, join(dir, 'workerd.capnp')], `http://127.0.0.1:${port}`);
    return {
      base: running.base,
      stop: async () => {
        await running.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  {
    greeting: /^hello from Cloudflare-Workers/,
    remoteAddr: false,
    codecs: ['gzip', 'deflate'],
    // workerd tells a worker that its client left only when a write fails (request.signal, even
    // with enable_request_signal, did not abort in workerd serve): the next heartbeat finds it.
    sseIdleCleanup: { heartbeat: 250, withinMs: 1000 },
  },
);
