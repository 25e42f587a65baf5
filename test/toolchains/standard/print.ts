// Prints what probe() answers for site.ts, for toolchains run as a child process.
import * as site from './site.js';
import { probe } from '../probe.js';

console.log(JSON.stringify(await probe(site)));
