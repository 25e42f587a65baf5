import { BIN, COMMANDS, canRun, runtimeSuite, startPrinting } from './suite.js';

const [bin, ...args] = COMMANDS.deno;

runtimeSuite(
  'Deno (Deno.serve)',
  async () => ((await canRun(`${BIN}${bin}`)) ? startPrinting(`${BIN}${bin}`, args) : null),
  { greeting: /^hello from Deno\/\d/, remoteAddr: true, codecs: ['gzip', 'deflate', 'br'] },
);
