import { App, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { ChatCore, Outbox } from "../../chat/index.js";
import type { Route } from "../http.js";
import { EventDeduper } from "./dedupe.js";
import { registerListeners } from "./listeners.js";
import { boltLogger, defaultSlackLog, type SlackLog } from "./log.js";
import { SlackOutbox } from "./outbox.js";

/** Where Slack posts events, slash commands and interactions in HTTP mode (the manifest's request URL path). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Words that `/cadre WORD …` runs as the chat command `/WORD …`; other text is a question. */
export const DEFAULT_SLASH_WORDS = ["help", "start", "task", "docs", "doc", "ask", "quiz"];

/**
 * Web API retries: 429s are retried after Slack's Retry-After (the client needs retries ≥ 1 for
 * that), 5xx and network failures with backoff. Bounded, so a dead API fails start-up in seconds.
 */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5000,
};

/** What `createSlack` needs; the `SLACK_*` environment variables map onto the first four. */
export interface SlackOptions {
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: required for HTTP events (checks every request's signature). */
  signingSecret?: string;
  /** SLACK_APP_TOKEN (xapp-…): when set, events arrive over Socket Mode instead of HTTP. */
  appToken?: string;
  /** SLACK_API_URL: Web API root for non-default Slack hosts (default https://slack.com/api/). */
  apiUrl?: string;
  chat: ChatCore;
  log?: SlackLog;
  /** Both given: trust them and skip auth.test (the token is then first checked on the first call). */
  botUserId?: string;
  botId?: string;
  /** Web API retry policy (default `DEFAULT_RETRY`). */
  retryConfig?: webApi.RetryOptions;
  /** Per-request Web API timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Command words for `/cadre` (default `DEFAULT_SLASH_WORDS`). */
  slashWords?: string[];
  /** Clock for forgetting de-duplicated events. */
  now?: () => number;
}

/** The Slack messenger as `npm start` runs it. */
export interface SlackMessenger {
  readonly name: "slack";
  readonly mode: "http" | "socket";
  /** Proactive sends (reminders) to a channel, DM or thread. */
  readonly outbox: Outbox;
  /** HTTP mode: `/slack/events` for the shared HTTP host to serve; Socket Mode: none. */
  readonly routes: Route[];
  /** Checks the token (auth.test) and, in Socket Mode, connects; rejects with what to fix. */
  start(): Promise<void>;
  /** Stops intake (503 on the route / socket closed) and waits for answers in flight. Idempotent. */
  stop(): Promise<void>;
}

function reason(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  let current: unknown = error;
  let text = error instanceof Error ? error.message : String(error);
  while (current instanceof Error) {
    text = current.message;
    current = (current as { original?: unknown }).original ?? current.cause;
  }
  return text;
}

/**
 * Closes the Socket Mode connection and waits until it is closed (Bolt's `app.stop()` does not wait),
 * but not forever: a dead network must not hold up shutdown.
 */
async function hangUp(receiver: SocketModeReceiver, limitMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  await Promise.race([receiver.client.disconnect(), limit]);
  clearTimeout(timer);
}

/** A start-up failure rewritten to name the setting to fix. */
function startupError(error: unknown, token: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", apiUrl: string): Error {
  if (error instanceof webApi.WebAPIPlatformError) {
    return new Error(
      `Slack refused ${token} (${error.data.error}) at ${apiUrl}: check ${token} and SLACK_API_URL.`,
      { cause: error },
    );
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new Error(
      `The Slack Web API at ${apiUrl} answered HTTP ${error.statusCode}: check SLACK_API_URL.`,
      { cause: error },
    );
  }
  return new Error(
    `Cannot reach the Slack Web API at ${apiUrl} (${reason(error)}): check SLACK_API_URL and the network.`,
    { cause: error },
  );
}

/**
 * The Slack adapter over Bolt: app mentions and DMs answered in thread, `/cadre`, buttons, Block Kit
 * replies, Events API retries de-duplicated. HTTP mode hands Bolt's `HTTPReceiver.requestListener`
 * to the shared HTTP host as a route (the receiver never opens its own server); Socket Mode when
 * `appToken` is given.
 */
export function createSlack(opts: SlackOptions): SlackMessenger {
  const log = opts.log ?? defaultSlackLog;
  const logger = boltLogger(log);
  const mode = opts.appToken ? "socket" : "http";
  if (mode === "http" && !opts.signingSecret) {
    throw new Error("Slack needs SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode).");
  }
  const apiUrl = opts.apiUrl ?? "https://slack.com/api/";
  const slackApiUrl = opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {};
  const receiver = opts.appToken
    ? new SocketModeReceiver({
        appToken: opts.appToken,
        logger,
        installerOptions: { clientOptions: slackApiUrl },
      })
    : new HTTPReceiver({ signingSecret: opts.signingSecret ?? "", endpoints: SLACK_EVENTS_PATH, logger });
  const trusted = !!(opts.botId && opts.botUserId);
  const app = new App({
    token: opts.botToken,
    receiver,
    logger,
    // init() in start() runs auth.test where it can be awaited and reported, not inside the constructor.
    deferInitialization: true,
    tokenVerificationEnabled: !trusted,
    ...(trusted ? { botId: opts.botId, botUserId: opts.botUserId } : {}),
    clientOptions: {
      ...slackApiUrl,
      retryConfig: opts.retryConfig ?? DEFAULT_RETRY,
      timeout: opts.timeoutMs ?? 10_000,
    },
  });
  app.error(async (error) => log("error", `unhandled: ${reason(error)}`));

  const inflight = new Set<Promise<void>>();
  let state: "new" | "running" | "stopping" = "new";
  let stopped: Promise<void> | undefined;
  const track = (label: string, work: () => Promise<void>): Promise<void> => {
    const job: Promise<void> = work()
      .catch((error: unknown) => log("error", `${label}: ${reason(error)}`))
      .finally(() => inflight.delete(job));
    inflight.add(job);
    return job;
  };
  registerListeners(app, {
    chat: opts.chat,
    deduper: new EventDeduper(opts.now ? { now: opts.now } : {}),
    commands: new Set(opts.slashWords ?? DEFAULT_SLASH_WORDS),
    track,
  });

  const routes: Route[] = [];
  if (receiver instanceof HTTPReceiver) {
    routes.push({
      path: SLACK_EVENTS_PATH,
      listener(req, res) {
        if (state !== "running") {
          // Not ready, or shutting down: Slack retries events later (and this instance's successor answers).
          res
            .writeHead(503, { "content-type": "text/plain", "retry-after": "5" })
            .end("not accepting events\n");
          return;
        }
        try {
          receiver.requestListener(req, res);
        } catch {
          // Bolt throws for requests it does not route (a GET on the events path).
          res.writeHead(405, { "content-type": "text/plain", allow: "POST" }).end("POST only\n");
        }
      },
    });
  }

  return {
    name: "slack",
    mode,
    outbox: new SlackOutbox(app.client),
    routes,
    async start() {
      if (state !== "new") return;
      try {
        await app.init();
      } catch (error) {
        throw startupError(error, "SLACK_BOT_TOKEN", apiUrl);
      }
      if (mode === "socket") {
        try {
          await app.start();
        } catch (error) {
          throw startupError(error, "SLACK_APP_TOKEN", apiUrl);
        }
      }
      state = "running";
      log(
        "info",
        mode === "socket" ? "connected over Socket Mode" : `accepting events at ${SLACK_EVENTS_PATH}`,
      );
    },
    stop() {
      stopped ??= (async () => {
        const wasRunning = state === "running";
        state = "stopping";
        if (receiver instanceof SocketModeReceiver && wasRunning) await hangUp(receiver);
        while (inflight.size > 0) await Promise.allSettled([...inflight]);
      })();
      return stopped;
    },
  };
}
