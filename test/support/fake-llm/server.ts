import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { listenLoopback } from "../loopback.js";
import {
  CHAT_ROUTES,
  type ChatProtocol,
  type ChatRequest,
  chatError,
  ollamaLines,
  openaiCompletion,
  openaiEvents,
  parseChatRequest,
} from "./protocols.js";

/** What the fake does with one chat request. */
export type Script =
  /** Answer with this content (streamed when the client asked for a stream). */
  | { text: string }
  /** Answer with this HTTP status and the protocol's error body. */
  | { status: number; message?: string }
  /** Answer 200 with this body as it is (malformed output). */
  | { raw: string; contentType?: string }
  /** Never answer (until the server closes). */
  | { hang: true };

/** Decides the reply to a request (the default when nothing is queued). */
export type Responder = (req: Received) => Script;

/** One chat request as the server received it. */
export interface Received extends ChatRequest {
  path: string;
  authorization: string | undefined;
  /** The messages' contents joined, for assertions on the prompt. */
  prompt: string;
}

/** Options of `FakeChatServer.start`. */
export interface ChatServerOptions {
  protocol: ChatProtocol;
  /** The reply when no script is queued (default: 500 "no script"). */
  respond?: Responder;
}

/**
 * A local server speaking OpenAI's or Ollama's chat protocol, scripted per test, so the real
 * LangChain chat clients can be run against it. It records every request.
 */
export class FakeChatServer {
  /** Every chat request, in arrival order. */
  readonly received: Received[] = [];
  private readonly queue: Script[] = [];
  private respond: Responder;

  private constructor(
    private readonly server: Server,
    readonly protocol: ChatProtocol,
    /** The base URL to give the client (LLM_BASE_URL). */
    readonly url: string,
    respond: Responder | undefined,
  ) {
    this.respond = respond ?? (() => ({ status: 500, message: "no script" }));
  }

  /** Starts a server on a free port of 127.0.0.1. */
  static async start(options: ChatServerOptions): Promise<FakeChatServer> {
    const holder: { fake?: FakeChatServer } = {};
    const { server, base } = await listenLoopback((req, res) => {
      void holder.fake?.handle(req, res);
    });
    const url = options.protocol === "openai" ? `${base}/v1` : base;
    holder.fake = new FakeChatServer(server, options.protocol, url, options.respond);
    return holder.fake;
  }

  /** Queues replies for the next requests, in order. */
  script(...replies: Script[]): void {
    this.queue.push(...replies);
  }

  /** Sets the reply for requests when nothing is queued. */
  otherwise(respond: Responder): void {
    this.respond = respond;
  }

  /** Forgets the requests received and the replies still queued. */
  reset(): void {
    this.received.length = 0;
    this.queue.length = 0;
  }

  /** Stops listening and drops open connections, hung requests included. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await readBody(req);
    const { protocol } = this;
    if (req.method !== "POST" || path !== CHAT_ROUTES[protocol]) {
      return sendJson(res, 404, chatError(protocol, 404, `no route ${req.method} ${path}`));
    }
    let parsed: ChatRequest | string;
    try {
      parsed = parseChatRequest(protocol, JSON.parse(raw));
    } catch {
      parsed = "invalid JSON body";
    }
    if (typeof parsed === "string") return sendJson(res, 400, chatError(protocol, 400, parsed));
    const received: Received = {
      ...parsed,
      path,
      authorization: req.headers.authorization,
      prompt: parsed.messages.map((m) => m.content).join("\n"),
    };
    this.received.push(received);
    const script = this.queue.shift() ?? this.respond(received);
    if ("hang" in script) return; // the socket stays open until close()
    if ("status" in script) {
      return sendJson(
        res,
        script.status,
        chatError(protocol, script.status, script.message ?? "injected failure"),
      );
    }
    if ("raw" in script) {
      res.writeHead(200, { "content-type": script.contentType ?? "application/json" });
      return void res.end(script.raw);
    }
    if (protocol === "openai" && !parsed.stream)
      return sendJson(res, 200, openaiCompletion(parsed, script.text));
    if (protocol === "openai") return stream(res, "text/event-stream", openaiEvents(parsed, script.text));
    if (!parsed.stream) return sendJson(res, 200, JSON.parse(ollamaLines(parsed, script.text)[0] ?? "{}"));
    return stream(res, "application/x-ndjson", ollamaLines(parsed, script.text));
  }
}

/** Writes the parts one by one, as a server streaming tokens does. */
async function stream(res: ServerResponse, contentType: string, parts: string[]): Promise<void> {
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-cache" });
  for (const part of parts) {
    res.write(part);
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The request `received` is an answer request (prompts/answer.md), not a query rewrite. */
export function isAnswerRequest(r: Received): boolean {
  return r.prompt.includes("<passages>");
}
