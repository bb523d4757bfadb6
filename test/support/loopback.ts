import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP server listening on a free port of 127.0.0.1, and its base URL (`http://127.0.0.1:PORT`). */
export async function listenLoopback(handle: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}
