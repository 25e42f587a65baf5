// Issue 14, section 4: a misspelt option of the Node adapters and helpers is a TypeError naming it,
// not a silent default (`serve(app, { prot: 8123 })` served on 8000).
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { compressNode, diskStorage, sendFile, serve, staticFiles, toNodeListener } from '../../../src/adapters/node/index.js';
import { Request } from '../../../src/request/request.js';

const app: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

describe('unknown options of tsgi/node', () => {
  it("serve(app, { prot: 8123 }) throws instead of serving on 8000", async () => {
    // @ts-expect-error: the typo this test is about.
    await expect(serve(app, { prot: 8123 })).rejects.toThrow(new TypeError("serve: unknown option 'prot' (did you mean 'port'?)"));
  });

  it('serve still takes its own options and those of http.createServer', async () => {
    const server = await serve(app, { port: 0, host: '127.0.0.1', keepAliveTimeout: 1000, requestTimeout: 5000, accessLog: false });
    await server.close();
  });

  it('toNodeListener, sendFile, staticFiles, diskStorage and compressNode name the option', async () => {
    // @ts-expect-error: typos.
    expect(() => toNodeListener(app, { scriptname: '/app' })).toThrow("toNodeListener: unknown option 'scriptname' (did you mean 'scriptName'?)");
    // @ts-expect-error: typos.
    expect(() => staticFiles(app, { '/static': '.' }, { maxage: 60 })).toThrow("staticFiles: unknown option 'maxage' (did you mean 'maxAge'?)");
    // @ts-expect-error: sendFile's `root` names one file's directory; staticFiles has mounts instead.
    expect(() => staticFiles(app, { '/static': '.' }, { root: '.' })).toThrow("staticFiles: unknown option 'root'");
    // @ts-expect-error: typos.
    expect(() => diskStorage({ treshold: 10 })).toThrow("diskStorage: unknown option 'treshold' (did you mean 'threshold'?)");
    // @ts-expect-error: typos.
    expect(() => compressNode(app, { levle: 5 })).toThrow("compressNode: unknown option 'levle' (did you mean 'level'?)");
    // @ts-expect-error: typos.
    await expect(sendFile('a.txt', Request.blank('/'), { maxAg: 5 })).rejects.toThrow("sendFile: unknown option 'maxAg' (did you mean 'maxAge'?)");
  });
});
