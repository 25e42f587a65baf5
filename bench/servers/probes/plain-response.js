// Probe: the same responses as plain class instances, served by calling their `serve` method.
// `node bench/ab.js probes/plain-response probes/callable-response /hello`
import { serveResponses } from './response-shape.js';

class PlainBase {}
await serveResponses(PlainBase, false);
