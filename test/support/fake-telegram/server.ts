import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Core } from "./core.js";
import { ApiError } from "./errors.js";
import { type FailureQueue, failureError } from "./failures.js";
import { readParams, writeError, writeJson } from "./http-io.js";
import { findMethod, type Handler } from "./methods.js";
import { Described } from "./methods-bot.js";
import { Params } from "./params.js";
import type { CallRecord, Failure } from "./types.js";

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The HTTP side of the fake: `/bot<token>/<method>` routing, 401/404 like Telegram, injected
 * failures, call recording, and the long-lived requests (long polls, hangs) that must end on close.
 */
export class ApiServer {
  /** Bugs in the fake itself (a handler threw something other than an ApiError). */
  readonly internalErrors: Error[] = [];
  private readonly server: Server;
  private readonly hung = new Set<ServerResponse>();

  constructor(
    private readonly core: Core,
    private readonly token: string,
    private readonly failures: FailureQueue,
    private readonly callLog: CallRecord[],
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
        writeJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      });
    });
  }

  /** Listens on 127.0.0.1 with an ephemeral port; resolves to the `apiRoot` (no trailing slash). */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]*)\/([^/]*)\/?$/.exec(url.pathname);
    let raw: Record<string, unknown>;
    try {
      raw = await readParams(req, url);
    } catch (error) {
      if (error instanceof ApiError) return writeError(res, error);
      throw error;
    }
    if (!route) return writeError(res, new ApiError(404, "Not Found"));
    if (route[1] !== this.token) return writeError(res, new ApiError(401, "Unauthorized"));
    const name = route[2] ?? "";
    const method = findMethod(name);
    const record: CallRecord = {
      method: method?.name ?? name,
      params: raw,
      at: this.core.clock.now(),
      via: "http",
      ok: false,
    };
    this.callLog.push(record);
    if (!method) {
      const error = new ApiError(404, "Not Found");
      this.fill(record, { status: 404, body: error.toJSON() });
      return writeError(res, error);
    }

    // grammY aborts the fetch on bot.stop() and on its own timeout; a waiting long poll must notice
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    const failure = this.failures.take(method.name, raw);
    if (failure) record.injected = failure;
    if (failure && "code" in failure) {
      const error = failureError(failure);
      this.fill(record, { status: error.code, body: error.toJSON() });
      return writeError(res, error);
    }
    if (failure && "status" in failure) {
      record.errorCode = failure.status;
      this.core.changed();
      res.writeHead(failure.status, { "content-type": "text/html" });
      res.end(failure.body);
      return;
    }
    if (failure && !failure.execute) return this.misbehave(req, res, failure);

    const outcome = await this.run(method.fn, raw, abort.signal, record);
    if (failure) return this.misbehave(req, res, failure);
    writeJson(res, outcome.status, outcome.body);
  }

  /** Runs one method and records the outcome; used for HTTP calls and webhook replies alike. */
  async run(
    fn: Handler,
    raw: Record<string, unknown>,
    signal: AbortSignal,
    record: CallRecord,
  ): Promise<Outcome> {
    let outcome: Outcome;
    try {
      const value = await fn(this.core, new Params(raw), signal);
      outcome =
        value instanceof Described
          ? { status: 200, body: { ok: true, result: value.result, description: value.description } }
          : { status: 200, body: { ok: true, result: value } };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcome = { status: error.code, body: error.toJSON() };
    }
    this.fill(record, outcome);
    return outcome;
  }

  /** Executes a method named in a webhook answer's body (Telegram's "webhook reply"). */
  async runWebhookReply(call: Record<string, unknown>): Promise<void> {
    const { method: name, ...raw } = call;
    const method = findMethod(String(name));
    const record: CallRecord = {
      method: method?.name ?? String(name),
      params: raw,
      at: this.core.clock.now(),
      via: "webhook-reply",
      ok: false,
    };
    this.callLog.push(record);
    if (!method) return this.fill(record, { status: 404, body: new ApiError(404, "Not Found").toJSON() });
    try {
      await this.run(method.fn, raw, new AbortController().signal, record);
    } catch (error) {
      this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fill(record: CallRecord, outcome: Outcome): void {
    const body = outcome.body;
    record.ok = body.ok === true;
    if (record.ok) record.result = JSON.parse(JSON.stringify(body.result ?? null));
    else {
      record.errorCode = body.error_code as number;
      record.description = body.description as string;
    }
    this.core.changed();
  }

  private misbehave(req: IncomingMessage, res: ServerResponse, failure: Failure): void {
    this.core.changed();
    if ("reset" in failure) {
      req.socket.destroy();
      return;
    }
    this.hung.add(res);
    res.on("close", () => this.hung.delete(res));
  }

  /** Stops listening and drops every open connection, hung requests included. */
  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
