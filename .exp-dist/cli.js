#!/usr/bin/env node
/**
 * The `tsgi` command: `tsgi serve <module>[:<export>] --host --port --workers --reload`.
 * @module
 */
import cluster from 'node:cluster';
import { CliError, parseCommand, USAGE } from './adapters/node/cli/args.js';
import { serveInProcess } from './adapters/node/cli/run.js';
import { superviseWorkers } from './adapters/node/cli/supervisor.js';
async function main(argv) {
    const command = parseCommand(argv);
    if (command === 'help') {
        process.stdout.write(USAGE);
        return;
    }
    if (cluster.isPrimary && (command.workers > 0 || command.reload)) {
        superviseWorkers(command, process.cwd());
        return;
    }
    await serveInProcess(command, process.cwd());
}
main(process.argv.slice(2)).catch((error) => {
    if (error instanceof CliError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(error.exitCode);
    }
    process.stderr.write(`tsgi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=cli.js.map