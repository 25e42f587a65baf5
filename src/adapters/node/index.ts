/**
 * `tsgi/node`: run tsgi apps on Node's `http`, `https` and `http2` servers.
 * @module
 */
export { toNodeListener, type NodeListener, type NodeListenerOptions } from './listener.js';
export { toNodeUpgradeListener, type NodeUpgradeListener, type NodeUpgradeListenerOptions } from './upgrade-listener.js';
export { serve, type ServeOptions, type Http2ServeOptions, type RunningServer, type CloseOptions, type NodeServer } from './serve.js';
export type { Http2Options } from './http2/server.js';
export { CONNECTION_LIMITS, type ConnectionLimits } from './limits.js';
export type { IdleConnections } from './drain.js';
export { buildEnviron, type EnvironContext } from './environ.js';
export { NodeInput, ClientDisconnected } from './input.js';
export { decodePath } from '../../request/decode-path.js';
export { formatAccessLog, type AccessLogEntry } from './access-log.js';
export { sendFile, type SendFileOptions, type PrecompressedEncoding } from './send-file.js';
export { staticFiles, type StaticFilesOptions } from './static-files.js';
export { diskStorage, TEMP_PREFIX, type DiskStorageOptions } from '../../request/multipart/temp-storage.node.js';
export { nodeDecoders } from '../../request/content-encoding.node.js';
export { compressNode, nodeCodecs } from '../../middleware/compress.node.js';
