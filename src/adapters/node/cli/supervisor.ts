/**
 * The primary process of `tsgi serve --workers N` and `--reload`: forks workers with node:cluster,
 * replaces crashed ones with a back-off, restarts them on file changes, and shuts them down.
 * @module
 */
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { ServeCommand } from './args.js';
import { parseTarget, shownPath } from './load-app.js';
import { END_KEEP_ALIVE_MESSAGE, readTlsFiles, SHUTDOWN_MESSAGE, STOPPED_LISTENING_MESSAGE } from './run.js';
import { watchTree } from './watch.js';

interface WorkerInfo {
  slot: number;
  generation: number;
  listening: boolean;
  listenedAt: number;
  retired: boolean;
}

/** A worker that lived this long after listening is healthy: its crash restarts the back-off. */
const HEALTHY_MS = 10_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

/**
 * Lets each worker accept connections itself (`SCHED_NONE`) instead of the primary accepting and
 * handing them over (round-robin, Node's default except on Windows). With round-robin, a worker
 * that dies with connections handed to it but not yet taken leaves them open in the primary: each
 * crash under load leaked a descriptor there (5 crashes: 22 descriptors became 27) and the client
 * waited until its own timeout. With each worker accepting, a dying worker takes only the
 * connections it had, which fail at once. The cost is that the kernel, not the primary, spreads
 * connections over the workers, less evenly when there are few long-lived ones. Must run before the
 * first fork; `NODE_CLUSTER_SCHED_POLICY=rr` (or `none`) in the environment still decides.
 */
function useWorkerAccept(): void {
  if (process.env.NODE_CLUSTER_SCHED_POLICY === undefined) cluster.schedulingPolicy = cluster.SCHED_NONE;
}

function log(message: string): void {
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
export function superviseWorkers(command: ServeCommand, cwd: string): void {
  useWorkerAccept();
  const count = Math.max(command.workers, 1);
  const target = parseTarget(command.target, cwd);
  // Each worker reads them; a missing file is told once, here, instead of crashing every worker.
  readTlsFiles(command, cwd);
  const shown = shownPath(target.file, cwd);
  const workers = new Map<Worker, WorkerInfo>();
  const failures = new Array<number>(count).fill(0);
  const timers = new Set<NodeJS.Timeout>();
  // Workers that stopped listening during the shutdown, waiting to end keep-alive.
  const stoppedListening = new Set<Worker>();
  let generation = 0;
  let everListened = false;
  let shuttingDown = false;
  let stopWatching: (() => void) | undefined;

  const fork = (slot: number) => {
    const worker = cluster.fork();
    workers.set(worker, { slot, generation, listening: false, listenedAt: 0, retired: false });
  };

  const retire = (worker: Worker, info: WorkerInfo) => {
    info.retired = true;
    if (!info.listening) {
      // Still loading the app: nothing in flight to wait for.
      worker.process.kill('SIGTERM');
      return;
    }
    try {
      if (worker.isConnected()) worker.send(SHUTDOWN_MESSAGE);
      else worker.process.kill('SIGTERM');
    } catch {
      worker.process.kill('SIGTERM');
    }
  };

  cluster.on('listening', (worker: Worker, address: AddressInfo) => {
    const info = workers.get(worker);
    if (!info) return;
    info.listening = true;
    info.listenedAt = Date.now();
    if (!everListened) {
      everListened = true;
      const host = command.host.includes(':') ? `[${command.host}]` : command.host;
      process.stdout.write(
        `tsgi: serving ${shown} on http://${host}:${address.port} ` +
          `(${count} worker${count === 1 ? '' : 's'}${command.reload ? ', reloading on change' : ''}; primary pid ${process.pid})\n`,
      );
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

  const tell = (worker: Worker, message: string) => {
    try {
      if (worker.isConnected()) worker.send(message);
    } catch {
      // gone meanwhile
    }
  };

  // Cluster's own message that a worker let go of the shared socket comes before this one, on the
  // same channel: once every listening worker has sent it, the socket is closed, and a proxy told
  // to reconnect is refused (and tries the other instance) instead of waiting in its backlog.
  const endKeepAliveIfNoneListens = () => {
    if (!shuttingDown) return;
    for (const [worker, info] of workers) if (info.listening && !stoppedListening.has(worker)) return;
    for (const worker of stoppedListening) tell(worker, END_KEEP_ALIVE_MESSAGE);
    stoppedListening.clear();
  };
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (message !== STOPPED_LISTENING_MESSAGE) return;
    // Outside a shutdown (a reload retiring it), other workers keep the socket open.
    if (!shuttingDown) {
      tell(worker, END_KEEP_ALIVE_MESSAGE);
      return;
    }
    stoppedListening.add(worker);
    endKeepAliveIfNoneListens();
  });

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const info = workers.get(worker);
    workers.delete(worker);
    stoppedListening.delete(worker);
    if (shuttingDown) {
      if (workers.size === 0) process.exit(0);
      endKeepAliveIfNoneListens();
      return;
    }
    if (!info || info.retired) return;
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
    if (info.listening && Date.now() - info.listenedAt >= HEALTHY_MS) failures[info.slot] = 0;
    const delay = failures[info.slot] === 0 ? 0 : Math.min(FIRST_BACKOFF_MS * 2 ** (failures[info.slot] - 1), MAX_BACKOFF_MS);
    failures[info.slot] += 1;
    log(`worker ${worker.process.pid} exited (${how}); starting a replacement${delay ? ` in ${delay} ms` : ''}`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!shuttingDown) fork(info.slot);
    }, delay);
    timers.add(timer);
  });

  const shutdown = (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    stopWatching?.();
    for (const timer of timers) clearTimeout(timer);
    if (workers.size === 0) process.exit(exitCode);
    for (const [worker, info] of workers) retire(worker, info);
    setTimeout(() => {
      for (const worker of workers.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, command.shutdownTimeout + 3000).unref();
  };

  let interrupts = 0;
  const onSignal = (name: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1 && name === 'SIGINT') {
      for (const worker of workers.keys()) worker.process.kill('SIGKILL');
      process.exit(130);
    }
    shutdown(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  if (command.reload) {
    const root = dirname(target.file);
    stopWatching = watchTree(root, (path) => {
      if (shuttingDown) return;
      log(`${path || root} changed; restarting`);
      generation += 1;
      for (let slot = 0; slot < count; slot++) {
        failures[slot] = 0;
        fork(slot);
      }
    });
  }

  for (let slot = 0; slot < count; slot++) fork(slot);
}
