// Probe: tsgi's real Response (`new Response(HELLO)`) served by a bare protocol app, no Request:
// against probes/callable-response, what the real class costs beyond the minimal callable one.
// `node bench/ab.js probes/callable-response probes/real-response /hello`
import { Response } from '../../../dist/index.js';
import { HELLO } from '../listen.js';
import { serveApp } from './response-shape.js';

await serveApp((environ, startResponse) => new Response(HELLO)(environ, startResponse));
