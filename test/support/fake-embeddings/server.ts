import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { listenLoopback } from "../loopback.js";
import {
  type EmbedRequest,
  embedReply,
  errorReply,
  type Protocol,
  parseRequest,
  type Reply,
  ROUTES,
  unknownModel,
} from "./protocols.js";

/** A failure a test arms for the next embedding requests. */
export type Failure =
  /** Answer with this HTTP status (and the protocol's error body; `retryAfter` in seconds). */
  | { status: number; message?: string; retryAfter?: number }
  /** Never answer (until the server closes). */
  | { hang: true }
  /** Answer 200 with one vector fewer than texts sent. */
  | { missing: true };

/** Options of `FakeEmbeddingServer.start`. */
export interface StartOptions {
  protocol: Protocol;
  /** Vector size (default 256). */
  dimensions?: number;
  /** Models the server has; others get the real 404 (default: any model). */
  models?: string[];
  /** OpenAI only: the API key the server accepts (`Authorization: Bearer …`); others get 401. */
  apiKey?: string;
}

/** One embedding request as the server received it. */
export interface Received extends EmbedRequest {
  path: string;
  authorization: string | undefined;
}

/**
 * A local server speaking Ollama's or OpenAI's embedding protocol with deterministic vectors, so
 * the real LangChain clients can be tested against it. It records every request and can fail on demand.
 */
export class FakeEmbeddingServer {
  /** Every embedding request, in arrival order. */
  readonly received: Received[] = [];
  private armed: { failure: Failure; remaining: number }[] = [];

  private constructor(
    private readonly server: Server,
    private readonly options: Required<Omit<StartOptions, "models" | "apiKey">> &
      Pick<StartOptions, "models" | "apiKey">,
    /** The base URL to give the client (EMBEDDINGS_BASE_URL). */
    readonly url: string,
  ) {}

  /** Starts a server on a free port of 127.0.0.1. */
  static async start(options: StartOptions): Promise<FakeEmbeddingServer> {
    const holder: { fake?: FakeEmbeddingServer } = {};
    const { server, base } = await listenLoopback((req, res) => {
      void holder.fake?.handle(req, res);
    });
    const url = options.protocol === "openai" ? `${base}/v1` : base;
    holder.fake = new FakeEmbeddingServer(server, { dimensions: 256, ...options }, url);
    return holder.fake;
  }

  /** Makes the next `times` embedding requests (default 1; `Infinity` for all) fail this way. */
  fail(failure: Failure, times = 1): void {
    this.armed.push({ failure, remaining: times });
  }

  /** Texts received for embedding, over all requests. */
  get textsEmbedded(): number {
    return this.received.reduce((n, r) => n + r.inputs.length, 0);
  }

  /** Stops listening and drops open connections, hung requests included. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { protocol, dimensions, models, apiKey } = this.options;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await readBody(req);
    if (req.method !== "POST" || path !== ROUTES[protocol]) {
      return send(res, errorReply(protocol, 404, `no route ${req.method} ${path}`));
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, errorReply(protocol, 400, "invalid JSON body"));
    }
    const parsed = parseRequest(protocol, body);
    if ("status" in parsed) return send(res, parsed);
    this.received.push({ ...parsed, path, authorization: req.headers.authorization });
    if (protocol === "openai" && apiKey !== undefined && req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(res, errorReply(protocol, 401, "Incorrect API key provided."));
    }
    const failure = this.take();
    if (failure && "hang" in failure) return; // the socket stays open until close()
    if (failure && "status" in failure) {
      const headers =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : undefined;
      return send(res, errorReply(protocol, failure.status, failure.message ?? "injected failure", headers));
    }
    if (models && !models.includes(parsed.model)) return send(res, unknownModel(protocol, parsed.model));
    const inputs = failure && "missing" in failure ? parsed.inputs.slice(1) : parsed.inputs;
    send(res, embedReply(protocol, { ...parsed, inputs }, dimensions));
  }

  private take(): Failure | undefined {
    const armed = this.armed[0];
    if (!armed) return undefined;
    if (--armed.remaining <= 0) this.armed.shift();
    return armed.failure;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(JSON.stringify(reply.body));
}
