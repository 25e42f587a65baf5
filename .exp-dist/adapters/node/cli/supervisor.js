/**
 * The primary process of `tsgi serve --workers N` and `--reload`: forks workers with node:cluster,
 * replaces crashed ones with a back-off, restarts them on file changes, and shuts them down.
 * @module
 */
import cluster, {} from 'node:cluster';
import { dirname } from 'node:path';
import { parseTarget, shownPath } from './load-app.js';
import { SHUTDOWN_MESSAGE } from './run.js';
import { watchTree } from './watch.js';
/** A worker that lived this long after listening is healthy: its crash restarts the back-off. */
const HEALTHY_MS = 10_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
function log(message) {
    process.stderr.write(`tsgi: ${message}\n`);
}
/**
 * Runs the supervisor until SIGTERM/SIGINT.
 *
 * @example
 * ```ts
 * if (cluster.isPrimary) superviseWorkers({ ...command, workers: 2 }, process.cwd());
 * ```
 */
export function superviseWorkers(command, cwd) {
    const count = Math.max(command.workers, 1);
    const target = parseTarget(command.target, cwd);
    const shown = shownPath(target.file, cwd);
    const workers = new Map();
    const failures = new Array(count).fill(0);
    const timers = new Set();
    let generation = 0;
    let everListened = false;
    let shuttingDown = false;
    let stopWatching;
    const fork = (slot) => {
        const worker = cluster.fork();
        workers.set(worker, { slot, generation, listening: false, listenedAt: 0, retired: false });
    };
    const retire = (worker, info) => {
        info.retired = true;
        if (!info.listening) {
            // Still loading the app: nothing in flight to wait for.
            worker.process.kill('SIGTERM');
            return;
        }
        try {
            if (worker.isConnected())
                worker.send(SHUTDOWN_MESSAGE);
            else
                worker.process.kill('SIGTERM');
        }
        catch {
            worker.process.kill('SIGTERM');
        }
    };
    cluster.on('listening', (worker, address) => {
        const info = workers.get(worker);
        if (!info)
            return;
        info.listening = true;
        info.listenedAt = Date.now();
        if (!everListened) {
            everListened = true;
            const host = command.host.includes(':') ? `[${command.host}]` : command.host;
            process.stdout.write(`tsgi: serving ${shown} on http://${host}:${address.port} ` +
                `(${count} worker${count === 1 ? '' : 's'}${command.reload ? ', reloading on change' : ''}; primary pid ${process.pid})\n`);
        }
        if (info.generation < generation) {
            retire(worker, info); // a newer reload overtook it
            return;
        }
        for (const [other, otherInfo] of workers) {
            if (other !== worker && otherInfo.slot === info.slot && otherInfo.generation < info.generation && !otherInfo.retired) {
                retire(other, otherInfo);
            }
        }
    });
    cluster.on('exit', (worker, code, signal) => {
        const info = workers.get(worker);
        workers.delete(worker);
        if (shuttingDown) {
            if (workers.size === 0)
                process.exit(0);
            return;
        }
        if (!info || info.retired)
            return;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (!info.listening) {
            if (command.reload) {
                log(`worker ${worker.process.pid} failed to start (${how}); waiting for a file change`);
                return;
            }
            if (!everListened) {
                log(`worker ${worker.process.pid} failed to start (${how}); giving up`);
                shutdown(1);
                return;
            }
        }
        if (info.listening && Date.now() - info.listenedAt >= HEALTHY_MS)
            failures[info.slot] = 0;
        const delay = failures[info.slot] === 0 ? 0 : Math.min(FIRST_BACKOFF_MS * 2 ** (failures[info.slot] - 1), MAX_BACKOFF_MS);
        failures[info.slot] += 1;
        log(`worker ${worker.process.pid} exited (${how}); starting a replacement${delay ? ` in ${delay} ms` : ''}`);
        const timer = setTimeout(() => {
            timers.delete(timer);
            if (!shuttingDown)
                fork(info.slot);
        }, delay);
        timers.add(timer);
    });
    const shutdown = (exitCode) => {
        if (shuttingDown)
            return;
        shuttingDown = true;
        stopWatching?.();
        for (const timer of timers)
            clearTimeout(timer);
        if (workers.size === 0)
            process.exit(exitCode);
        for (const [worker, info] of workers)
            retire(worker, info);
        setTimeout(() => {
            for (const worker of workers.keys())
                worker.process.kill('SIGKILL');
            process.exit(1);
        }, command.shutdownTimeout + 3000).unref();
    };
    let interrupts = 0;
    const onSignal = (name) => {
        interrupts += 1;
        if (interrupts > 1 && name === 'SIGINT') {
            for (const worker of workers.keys())
                worker.process.kill('SIGKILL');
            process.exit(130);
        }
        shutdown(0);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    if (command.reload) {
        const root = dirname(target.file);
        stopWatching = watchTree(root, (path) => {
            if (shuttingDown)
                return;
            log(`${path || root} changed; restarting`);
            generation += 1;
            for (let slot = 0; slot < count; slot++) {
                failures[slot] = 0;
                fork(slot);
            }
        });
    }
    for (let slot = 0; slot < count; slot++)
        fork(slot);
}
//# sourceMappingURL=supervisor.js.map