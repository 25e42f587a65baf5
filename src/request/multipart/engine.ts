/**
 * The multipart parser proper (scanner, part headers, limits accounting, collectors), one module
 * that `./lazy.ts` imports on the first multipart body: an app that reads no upload does not
 * compile it on start (bench/README.md, "Import time").
 * @module
 */
export { parseMultipart } from './parse.js';
export { iterateParts } from './parts.js';
