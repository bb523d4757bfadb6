import { createHmac } from "node:crypto";
import { request } from "node:http";
import { performance } from "node:perf_hooks";
import { type Delivery, EventSender, type SendOptions } from "./event-sender.js";
import type { PayloadContext } from "./payloads.js";
import type { EnvelopeType } from "./socket-mode.js";
import type { Clock, Json } from "./types.js";

/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with the
 * app's signing secret. Bolt recomputes it and refuses the request (401) on a mismatch or a timestamp
 * more than five minutes old.
 */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest("hex")}`;
}

/** Where and how to deliver HTTP requests to an app's Bolt HTTP receiver. */
export interface HttpTarget {
  /** e.g. `http://127.0.0.1:PORT/slack/events`. */
  url: string;
  signingSecret: string;
  /** Clock for X-Slack-Request-Timestamp; real time by default because Bolt checks against real time. */
  now?: Clock;
}

/**
 * Encodes a payload as Slack does on the wire: events as JSON; slash commands as form fields;
 * interactions as a form with one `payload` field holding JSON. Content types are exact because Bolt
 * compares them literally.
 */
function encode(kind: EnvelopeType, payload: Json): { body: string; contentType: string } {
  if (kind === "events_api") return { body: JSON.stringify(payload), contentType: "application/json" };
  const form =
    kind === "slash_commands"
      ? new URLSearchParams(payload as Record<string, string>)
      : new URLSearchParams({ payload: JSON.stringify(payload) });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

/** Delivers events, commands and interactions to a Bolt HTTP receiver, signed like Slack signs them. */
export class HttpEventSender extends EventSender {
  constructor(
    ctx: PayloadContext,
    private readonly target: HttpTarget,
  ) {
    super(ctx);
  }

  /** Slack's URL check when an Events API URL is saved: the app must echo `challenge`. */
  urlVerification(challenge: string, options?: SendOptions): Promise<Delivery> {
    const payload = { token: this.ctx.ws.identity.verificationToken, challenge, type: "url_verification" };
    return this.send("events_api", payload, options);
  }

  override send(kind: EnvelopeType, payload: Json, options: SendOptions = {}): Promise<Delivery> {
    const { body, contentType } = encode(kind, payload);
    const timestampSec = options.timestampSec ?? Math.floor((this.target.now ?? Date.now)() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "content-length": String(Buffer.byteLength(body)),
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestampSec),
    };
    const signature = options.signature ?? "valid";
    if (signature !== "missing") {
      const secret = signature === "valid" ? this.target.signingSecret : `${this.target.signingSecret}-wrong`;
      headers["x-slack-signature"] = slackSignature(secret, timestampSec, body);
    }
    if (options.retryNum !== undefined) headers["x-slack-retry-num"] = String(options.retryNum);
    if (options.retryReason !== undefined) headers["x-slack-retry-reason"] = options.retryReason;
    return this.post(kind, payload, body, headers, options.timeoutMs ?? 10_000);
  }

  private post(
    kind: EnvelopeType,
    payload: Json,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<Delivery> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      // agent: false — one connection per request, closed afterwards, so no keep-alive socket outlives a test.
      const req = request(this.target.url, { method: "POST", headers, agent: false }, (res) => {
        const ackMs = performance.now() - started;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          resolve({ kind, payload, acked: status === 200, ackMs, status, body: text, ...parseJson(text) });
        });
      });
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ kind, payload, acked: false, ackMs: undefined, status: 0, body: "" });
      }, timeoutMs);
      req.on("error", (error) => {
        clearTimeout(timer);
        reject(error); // a no-op when the timeout already resolved and destroyed the request
      });
      req.end(body);
    });
  }
}

function parseJson(text: string): { ackPayload?: Json } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? { ackPayload: value as Json } : {};
  } catch {
    return {};
  }
}
