import type { AddressInfo } from 'node:net';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import { app } from '../../../examples/runtimes/app.js';
import { fetchBridge } from '../../../examples/runtimes/node.js';
import { runtimeSuite } from './suite.js';

runtimeSuite(
  'Node (toFetchHandler behind a node:http bridge)',
  async () => {
    const server = fetchBridge(toFetchHandler(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      base: `http://127.0.0.1:${port}`,
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  // The bridge hands toFetchHandler Web Requests only: no upgrade mechanism, so no WebSocket offer.
  { greeting: /^hello from Node\.js\/v\d/, remoteAddr: true, codecs: ['gzip', 'deflate'], websocket: false },
);
