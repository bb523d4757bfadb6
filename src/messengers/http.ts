import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * One small HTTP host for every adapter that receives pushes (Telegram webhooks, Slack events,
 * Zalo webhooks): each adapter contributes routes, `npm start` serves them all on one port.
 */

/** A path served by an adapter; the listener owns the response. */
export interface Route {
  path: string;
  listener(req: IncomingMessage, res: ServerResponse): void;
}

export interface Served {
  server: Server;
  /** `http://host:port` as actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** Serves `routes` on `port`; other paths get 404. Duplicate paths are a programming error. */
export async function serveRoutes(routes: Route[], opts: { port: number; host?: string }): Promise<Served> {
  const byPath = new Map<string, Route>();
  for (const route of routes) {
    if (byPath.has(route.path)) throw new Error(`two adapters want the same path ${route.path}`);
    byPath.set(route.path, route);
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = byPath.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    route.listener(req, res);
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
