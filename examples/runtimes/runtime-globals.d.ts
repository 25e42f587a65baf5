// The few Bun and Deno globals the entry files use. Their full type packages are not installed
// here; in your project, `@types/bun` or Deno's own types provide them.
interface BunServer {
  requestIP(request: Request): { address: string; port: number } | null;
  upgrade(request: Request, options?: { data?: unknown; headers?: HeadersInit }): boolean;
}

declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch(request: Request, server: BunServer): Promise<Response>;
    websocket?: { open(ws: never): void; message(ws: never, message: string | Uint8Array): void; close(ws: never, code: number, reason: string): void };
  }): { port: number; stop(): void };
};

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: { remoteAddr: { hostname: string; port: number } }) => Promise<Response>,
  ): unknown;
};
