/**
 * `tsgi/node`: run tsgi apps on Node's `http` and `https` servers.
 * @module
 */
export { toNodeListener } from './listener.js';
export { serve } from './serve.js';
export { buildEnviron } from './environ.js';
export { NodeInput, ClientDisconnected } from './input.js';
export { decodePath } from '../../request/decode-path.js';
export { formatAccessLog } from './access-log.js';
export { sendFile } from './send-file.js';
export { staticFiles } from './static-files.js';
export { diskStorage, TEMP_PREFIX } from '../../request/multipart/temp-storage.node.js';
export { nodeDecoders } from '../../request/content-encoding.node.js';
export { compressNode, nodeCodecs } from '../../middleware/compress.node.js';
//# sourceMappingURL=index.js.map