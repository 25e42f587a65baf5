import { BIN, COMMANDS, canRun, runtimeSuite, startPrinting } from './suite.js';

const [bin, ...args] = COMMANDS.bun;

runtimeSuite(
  'Bun (Bun.serve)',
  async () => ((await canRun(`${BIN}${bin}`)) ? startPrinting(`${BIN}${bin}`, args) : null),
  { greeting: /^hello from Bun\/\d/, remoteAddr: true, codecs: ['gzip', 'deflate', 'br', 'zstd'] },
);
