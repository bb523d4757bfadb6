import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeRequest, readBody, str } from "./params.js";
import type { FailureQueue, Recorder } from "./recorder.js";
import { fail, type MethodHandler } from "./reply.js";
import type { ApiReply, Failure, Json } from "./types.js";
import { chatMethods } from "./web-api-chat.js";
import { otherMethods } from "./web-api-other.js";
import type { Workspace } from "./workspace.js";

const METHODS: Record<string, MethodHandler> = { ...chatMethods, ...otherMethods };

/** Methods that take an app-level token (xapp-…); every other method here takes the bot token. */
const APP_TOKEN_METHODS = new Set(["apps.connections.open"]);

/** Optional per-channel posting limit, like Slack's "about one message per second per channel". */
export interface ChannelRateLimit {
  max: number;
  windowMs: number;
}

/** Everything the Web API endpoint needs from the fake. */
export interface WebApiDeps {
  ws: Workspace;
  recorder: Recorder;
  failures: FailureQueue;
  botToken: string;
  appToken: string;
  openSocketUrl: () => string;
  channelRateLimit?: ChannelRateLimit;
}

/** Serves `POST /api/<method>`: auth, injected failures, the method, and a record of the call. */
export class WebApi {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly recentPosts = new Map<string, number[]>();

  constructor(private readonly deps: WebApiDeps) {}

  /** Handles one request; `method` is the path segment after `/api/`. */
  async handle(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const { params, token, contentType } = decodeRequest(req, await readBody(req));
    const record = (status: number, response: Json | undefined, injected: boolean): void => {
      const { ws, recorder } = this.deps;
      recorder.calls.push({ method, params, token, contentType, at: ws.now(), status, response, injected });
      recorder.changed();
    };
    const failure = this.deps.failures.take(method);
    if (failure?.hang === true) {
      record(0, undefined, true); // never answered; close() destroys the socket
      return;
    }
    if (typeof failure?.hang === "number") await this.delay(failure.hang);
    const injected = failure && failure.hang === undefined ? injectedReply(failure) : undefined;
    const reply = injected ?? this.answer(method, params, token);
    record(reply.status, reply.raw === undefined ? reply.body : undefined, injected !== undefined);
    if (reply.body.error === undefined && method === "chat.postMessage") this.notePost(params);
    send(res, reply);
  }

  /** Cancels pending delayed answers (used by close()). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private answer(method: string, params: Json, token: string | undefined): ApiReply {
    const handler = METHODS[method];
    if (!handler) return fail("unknown_method", { req_method: method });
    const authError = this.checkToken(method, token);
    if (authError) return fail(authError);
    const limited = method === "chat.postMessage" ? this.rateLimited(params) : undefined;
    if (limited) return limited;
    const { ws, openSocketUrl } = this.deps;
    return handler({ ws, params, openSocketUrl });
  }

  private checkToken(method: string, token: string | undefined): string | undefined {
    if (!token) return "not_authed";
    const { botToken, appToken } = this.deps;
    if (token !== botToken && token !== appToken) return "invalid_auth";
    const wantsApp = APP_TOKEN_METHODS.has(method);
    if (wantsApp !== (token === appToken)) return "not_allowed_token_type";
    return undefined;
  }

  private rateLimited(params: Json): ApiReply | undefined {
    const limit = this.deps.channelRateLimit;
    const channel = str(params, "channel");
    if (!limit || !channel) return undefined;
    const now = this.deps.ws.now();
    const recent = (this.recentPosts.get(channel) ?? []).filter((t) => now - t < limit.windowMs);
    this.recentPosts.set(channel, recent);
    if (recent.length < limit.max) return undefined;
    const waitMs = recent[0]! + limit.windowMs - now;
    return rateLimitedReply(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  private notePost(params: Json): void {
    const channel = str(params, "channel");
    if (!this.deps.channelRateLimit || !channel) return;
    this.recentPosts.set(channel, [...(this.recentPosts.get(channel) ?? []), this.deps.ws.now()]);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** Slack's rate-limit answer: HTTP 429, Retry-After in seconds, `{ok:false,error:"ratelimited"}`. */
function rateLimitedReply(retryAfter: number): ApiReply {
  return {
    status: 429,
    body: { ok: false, error: "ratelimited" },
    headers: { "Retry-After": String(retryAfter) },
  };
}

function injectedReply(failure: Failure): ApiReply {
  if (failure.status === 429) return rateLimitedReply(failure.retryAfter ?? 1);
  if (failure.error !== undefined) return { ...fail(failure.error), status: failure.status ?? 200 };
  return { status: failure.status ?? 500, body: {}, raw: failure.body ?? "" };
}

function send(res: ServerResponse, reply: ApiReply): void {
  if (reply.raw !== undefined) {
    // A gateway-style failure: not JSON, just a status and maybe some text.
    res.writeHead(reply.status, { "content-type": "text/plain" });
    res.end(reply.raw);
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
  res.end(JSON.stringify(reply.body));
}
