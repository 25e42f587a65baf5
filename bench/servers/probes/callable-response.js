// Probe: responses made callable the way tsgi's Response is (src/response/header-accessors.ts):
// the constructor returns an arrow function whose prototype is set to the subclass's.
import { CallableBase, serveResponses } from './response-shape.js';

await serveResponses(CallableBase, true);
