// tsgi/lambda, issue 19 section 3: the handler file of docs/deployment.md, run by a Lambda emulator
// from the npm registry. `lambda-local` loads the file by path as Lambda does (an ES module, the
// export named by the handler setting), gives it a context with a request id and a deadline,
// enforces a timeout, and stands in for the runtime's `awslambda` streaming global (its own
// implementation, independent of fake-runtime.ts). It does not emulate API Gateway itself: the
// events are the samples of test/fixtures/lambda. The file imports `tsgi` from the built package
// (dist/), as a deployed function does: `npm test` builds it, `npm run build` when run alone. The
// last test bundles the file with `bun build` first, the other deployment the guide shows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import lambdaLocal from 'lambda-local';
import { loadEvent } from './support.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const HANDLER_FILE = join(ROOT, 'examples/runtimes/lambda.js');
const BUN = join(ROOT, 'node_modules/.bin/bun');
const built = existsSync(join(ROOT, 'dist/adapters/lambda/index.js'));
if (!built) console.warn('test/adapters/lambda/emulator.test.ts: skipped, dist/ is not built (npm run build)');

interface Result {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
  body: string | Readable;
  isBase64Encoded?: boolean;
}

function execute(lambdaHandler: string, event: unknown, lambdaPath = HANDLER_FILE): Promise<Result> {
  return lambdaLocal.execute({ event, lambdaPath, esm: true, lambdaHandler, timeoutMs: 5000, verboseLevel: 0 }) as Promise<Result>;
}

describe.skipIf(!built)('the documented handler file under lambda-local', () => {
  it('answers a REST API event with the stage in its URL and the context request id', async () => {
    const event = loadEvent('apigw-rest');
    event.path = '/';
    (event.requestContext as { path: string }).path = '/prod/';
    const result = await execute('handler', event);
    expect(result.statusCode).toBe(200);
    expect(result.multiValueHeaders?.['Content-Type']).toEqual(['application/json']);
    const body = JSON.parse(result.body as string) as { url: string; remoteAddr: string; requestId: string };
    expect(body.url).toBe('https://abc123.execute-api.us-east-1.amazonaws.com/prod/?tag=a&tag=b&q=caf%C3%A9%20au%20lait');
    expect(body.remoteAddr).toBe('203.0.113.7');
    expect(body.requestId).toMatch(/^[0-9a-f-]{30,}$/);
  });

  it('reads a base64 function URL body and answers 404 in the 2.0 shape', async () => {
    const upload = loadEvent('function-url');
    upload.rawPath = '/upload';
    upload.body = btoa(String.fromCharCode(...Uint8Array.from({ length: 1000 }, (_, i) => i % 256)));
    const result = await execute('handler', upload);
    expect([result.statusCode, result.body, result.cookies]).toEqual([200, '{"size":1000}', []]);
    const missing = await execute('handler', loadEvent('apigw-http-v2'));
    // The sample event accepts JSON, so the 404 is JSON.
    expect([missing.statusCode, missing.isBase64Encoded, missing.headers?.['Content-Type']]).toEqual([404, false, 'application/json']);
  });

  it('streams through the emulator’s awslambda.streamifyResponse', async () => {
    const event = loadEvent('function-url');
    event.rawPath = '/ticks';
    const result = await execute('streamingHandler', event);
    expect([result.statusCode, result.headers?.['Content-Type'], result.cookies]).toEqual([200, 'text/plain; charset=utf-8', []]);
    let text = '';
    for await (const chunk of result.body as Readable) text += new TextDecoder().decode(chunk as Uint8Array);
    expect(text).toBe('tick 0\ntick 1\ntick 2\n');
  });

  it('fails the invocation for an event that is no HTTP event', async () => {
    // The emulator reports a failed invocation as Lambda does: the error's type and message.
    await expect(execute('handler', loadEvent('sqs'))).rejects.toMatchObject({
      errorType: 'TypeError',
      errorMessage: expect.stringContaining('not an HTTP event') as unknown,
    });
  });

  it.skipIf(!existsSync(BUN))('runs bundled into one file by bun build, as docs/deployment.md says to deploy it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsgi-lambda-bundle-'));
    try {
      const bundle = join(dir, 'lambda.mjs');
      execFileSync(BUN, ['build', HANDLER_FILE, '--target=node', '--format=esm', `--outfile=${bundle}`], { cwd: ROOT, stdio: 'pipe' });
      expect(statSync(bundle).size).toBeLessThan(1024 * 1024);
      const event = loadEvent('apigw-http-v2');
      event.rawPath = '/';
      const result = await execute('handler', event, bundle);
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body as string)).toMatchObject({ url: 'https://r3pmxmplak.execute-api.us-east-2.amazonaws.com/?tag=a&tag=b&q=caf%C3%A9%20au%20lait' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
