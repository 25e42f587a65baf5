# workerd config for examples/runtimes/worker.ts. Bundle first, next to this file:
#   bun build examples/runtimes/worker.ts --target=browser --format=esm --outfile=examples/runtimes/worker.js
#   workerd serve examples/runtimes/workerd.capnp
# No compatibilityFlags: tsgi's core needs no nodejs_compat.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .tsgiWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8000", http = (), service = "main") ],
);

const tsgiWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-06-01",
);
