import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Update } from "./client.js";

/** The header Zalo sends the webhook secret in (Node lower-cases header names). */
export const SECRET_HEADER = "x-bot-api-secret-token";

/** Largest webhook body read (a text message is a few kilobytes). */
const MAX_BODY = 1 << 20;

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(got: string | undefined, want: string): boolean {
  if (got === undefined) return false;
  const a = createHash("sha256").update(got).digest();
  const b = createHash("sha256").update(want).digest();
  return timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A pushed body as an update: `{ok, result: {event_name, message}}` or the bare `{event_name, message}`. */
export function parsePush(raw: string): Update | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  const inner = (body as { result?: unknown })?.result ?? body;
  const update = Update.safeParse(inner);
  return update.success ? update.data : null;
}

/** What the webhook listener needs from the adapter. */
export interface WebhookDeps {
  secret: string;
  stopping(): boolean;
  /** Takes one update; handling goes on after the request is answered. */
  accept(update: Update): void;
  log(line: string): void;
}

/**
 * The webhook endpoint: 503 while stopping (Zalo tries again later), 405 for anything but POST,
 * 401 when `X-Bot-Api-Secret-Token` is missing or wrong, 400 for a body that is not an update;
 * otherwise 200 at once, and the update is handled in the background.
 */
export function webhookListener(deps: WebhookDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (deps.stopping()) {
      res.writeHead(503, { "retry-after": "5" }).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const header = req.headers[SECRET_HEADER];
    if (!sameSecret(Array.isArray(header) ? header[0] : header, deps.secret)) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"ok":false}');
      return;
    }
    readBody(req).then(
      (raw) => {
        const update = parsePush(raw);
        if (!update) {
          res.writeHead(400, { "content-type": "application/json" }).end('{"ok":false}');
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        deps.accept(update);
      },
      (error: unknown) => {
        deps.log(`zalo: webhook body not read: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}
