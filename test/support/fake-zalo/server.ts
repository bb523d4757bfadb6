import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallRecord, Failure } from "./types.js";

/** An error in the Zalo Bot API's shape: `{ok:false, error_code, description}`, HTTP status = code. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** What a method handler returns: a result, or `undefined` for `{ok:true}` with no result. */
export type Handler = (params: Record<string, unknown>, ctx: { signal: AbortSignal }) => Promise<unknown>;

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  408: "Request timeout",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** The description the fake answers with for an injected code. */
export function describeCode(code: number): string {
  return DEFAULT_DESCRIPTIONS[code] ?? `Error ${code}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * The HTTP side of the fake: `POST /bot<TOKEN>/<method>` with a JSON body, 401 for another token,
 * 404 for an unknown method, injected failures, and a record of every call.
 */
export class ApiServer {
  readonly internalErrors: Error[] = [];
  private readonly server: Server;
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly token: string,
    private readonly methods: Map<string, Handler>,
    private readonly takeFailure: (method: string) => Failure | undefined,
    private readonly calls: CallRecord[],
    private readonly changed: () => void,
  ) {
    this.server = createServer((req, res) => {
      this.open.add(res);
      res.on("close", () => this.open.delete(res));
      this.handle(req, res).catch((error: unknown) => {
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
        send(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const raw = await readBody(req);
    const fail = (code: number, description = describeCode(code)) =>
      send(res, code, { ok: false, error_code: code, description });
    if (!route) return fail(404);
    if (route[1] !== this.token) return fail(401);
    let params: Record<string, unknown> = {};
    try {
      params = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
      if (typeof params !== "object" || params === null || Array.isArray(params)) throw new Error();
    } catch {
      return fail(400, "Bad Request: the body is not a JSON object");
    }
    const method = route[2] ?? "";
    const record: CallRecord = { method, params, errorCode: 0, at: Date.now() };
    this.calls.push(record);
    const done = (code: number, description?: string) => {
      record.errorCode = code;
      this.changed();
      if (code) fail(code, description);
    };
    const handler = this.methods.get(method);
    if (!handler) return done(404);
    const failure = this.takeFailure(method);
    if (failure && "network" in failure) {
      record.errorCode = -1;
      this.changed();
      req.socket.destroy();
      return;
    }
    if (failure) return done(failure.code, failure.description);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    try {
      const result = await handler(params, { signal: abort.signal });
      done(0);
      send(res, 200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      done(error.code, error.description);
    }
  }

  /** Ends open requests (long polls) and stops listening. */
  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
