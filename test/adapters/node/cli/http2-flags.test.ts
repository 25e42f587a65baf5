/**
 * `tsgi serve --http2 --key k.pem --cert c.pem`: the flags, and the command itself, run from the
 * sources (through tsx, so the test does not depend on a build of dist/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CliError, parseCommand, USAGE, type ServeCommand } from '../../../../src/adapters/node/cli/args.js';
import { connect, request, request1 } from '../http2-client.js';
import { makeTestCertificate } from '../tls-cert.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const FIXTURE = join(ROOT, 'test/cli/fixtures/app.mjs');
const parse = (...flags: string[]) => parseCommand(['serve', 'app.js', ...flags]) as ServeCommand;

describe('tsgi serve --http2, --key and --cert flags', () => {
  it('are off unless given; --key and --cert go together', () => {
    expect(parse()).toMatchObject({ http2: false });
    expect(parse()).not.toHaveProperty('key');
    expect(parse('--http2', '--key', 'k.pem', '--cert', 'c.pem')).toMatchObject({ http2: true, key: 'k.pem', cert: 'c.pem' });
    expect(() => parse('--key', 'k.pem')).toThrow(CliError);
    expect(() => parse('--cert', 'c.pem')).toThrow(/--key and --cert go together/);
  });

  it('are what docs/deployment.md shows in its HTTP/2 commands', () => {
    const guide = readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8');
    const block = [...guide.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1]).find((text) => text.includes('--http2'));
    const commands = block!.split('\n').filter((line) => line.startsWith('tsgi serve'));
    expect(commands).toHaveLength(2);
    const [tls, h2c] = commands.map((line) => parseCommand(line.split(/\s+/).slice(1)) as ServeCommand);
    expect(tls).toMatchObject({ http2: true, key: '/etc/ssl/tsgi/key.pem', cert: '/etc/ssl/tsgi/cert.pem', port: 8443 });
    expect(h2c).toMatchObject({ http2: true, host: '127.0.0.1', port: 8000 });
    expect(h2c).not.toHaveProperty('key');
  });

  it('are in the help', () => {
    expect(USAGE).toMatch(/--key <file> +serve HTTPS with this private key \(PEM\); needs --cert/);
    expect(USAGE).toMatch(/--cert <file> +the certificate chain/);
    expect(USAGE).toMatch(/--http2 +serve HTTP\/2: with --key and --cert, h2 to clients that offer it and\n\s+HTTP\/1\.1 to the others/);
  });
});

const certificate = makeTestCertificate();
afterAll(() => certificate?.cleanup());

const running: ChildProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
  }
});

/** Runs `tsgi serve` from the sources; resolves with the URL it prints, or with its exit. */
function start(flags: string[]): Promise<{ child: ChildProcess; url: string; line: string } | { code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'serve', FIXTURE, '--port', '0', '--no-access-log', ...flags], {
    cwd: ROOT,
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data));
  child.stderr.on('data', (data: Buffer) => (stderr += data));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`tsgi serve printed no URL: ${stdout} ${stderr}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /serving .* on (https?:\/\/\S+) .*/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({ child, url: match[1], line: match[0] });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr });
    });
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  return exited;
}

describe.skipIf(certificate === null)('tsgi serve --http2', () => {
  it('serves HTTP/2 and HTTP/1.1 over TLS with --key and --cert, and drains on SIGTERM', async () => {
    const started = await start(['--http2', '--key', certificate!.keyPath, '--cert', certificate!.certPath]);
    if (!('url' in started)) throw new Error(`exited with ${started.code}: ${started.stderr}`);
    expect(started.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(started.line).toContain('HTTP/2 and HTTP/1.1');
    const session = await connect(started.url, certificate!.cert);
    try {
      const h2 = await request(session, { ':path': '/over-h2' });
      expect([h2.status, JSON.parse(h2.body.toString()).path]).toEqual([200, '/over-h2']);
    } finally {
      session.close();
    }
    const h1 = await request1(`${started.url}/over-h1`, certificate!.cert);
    expect(JSON.parse(h1.body.toString()).path).toBe('/over-h1');
    expect(await stop(started.child)).toBe(0);
  });

  it('serves cleartext h2c with --http2 alone, and HTTPS/1.1 with --key and --cert alone', async () => {
    const h2c = await start(['--http2']);
    if (!('url' in h2c)) throw new Error(`exited with ${h2c.code}: ${h2c.stderr}`);
    expect(h2c.line).toContain('HTTP/2 cleartext (h2c) only');
    const session = await connect(h2c.url);
    try {
      expect((await request(session, { ':path': '/h2c' })).status).toBe(200);
    } finally {
      session.close();
    }
    const https = await start(['--key', certificate!.keyPath, '--cert', certificate!.certPath]);
    if (!('url' in https)) throw new Error(`exited with ${https.code}: ${https.stderr}`);
    expect(https.url).toMatch(/^https:/);
    expect((await request1(`${https.url}/tls`, certificate!.cert)).status).toBe(200);
  });

  it('names a key file it cannot read, and exits with 2', async () => {
    const failed = await start(['--http2', '--key', 'missing-key.pem', '--cert', certificate!.certPath]);
    expect(failed).toMatchObject({ code: 2 });
    expect('stderr' in failed && failed.stderr).toMatch(/tsgi serve: cannot read the --key file: .*missing-key\.pem/);
  });
});
