// Shared by the benchmark servers: report the bound port to the parent (bench/run.js) over IPC.
export function report(server) {
  const { port } = server.address();
  if (process.send) {
    process.send({ port });
    // A server outlives a benchmark that crashed unless it leaves with its parent.
    process.on('disconnect', () => process.exit(0));
    // A clean exit on request, so `--cpu-prof` can write its profile (bench/profile.js).
    process.on('message', (message) => {
      if (message === 'exit') process.exit(0);
      // The server's own CPU time, so bench/run.js can report CPU per request: a figure that holds
      // even when the load generator and other work compete for the same cores.
      if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
    });
  }
  else console.log(`listening on http://127.0.0.1:${port}`);
}

// Objects that inherit nothing, as fast-querystring makes them (Fastify's query and form objects):
// Object.create(null) would start in V8's slower dictionary mode.
function Empty() {}
Empty.prototype = Object.create(null);

/** Query or form pairs as one object: a repeated key becomes an array, as node:querystring does. */
export function pairsToObject(pairs) {
  const out = new Empty();
  for (const [key, value] of pairs) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

export const HELLO = 'Hello, World!';
export const MESSAGE = { message: 'Hello, World!' };
