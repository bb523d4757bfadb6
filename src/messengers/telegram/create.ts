import type { IncomingMessage, ServerResponse } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, type Transformer, webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { type ChatCore, DeliveryError, type Outbox } from "../../chat/index.js";
import type { Route } from "../http.js";
import { AdminCache } from "./admins.js";
import { registerCommands } from "./commands.js";
import { describeError, startupError, toDeliveryError } from "./errors.js";
import { type HandlerDeps, onCallback, onMessage } from "./handlers.js";
import { pollAnswerInbound, sendQuizPoll } from "./poll.js";
import { chatIdOf, sendReply } from "./send.js";

/** Options of `createTelegram` (from TELEGRAM_* variables, parsed by the config schema). */
export interface TelegramOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server (default https://api.telegram.org). */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET: webhook mode instead of long polling. */
  webhook?: { url: string; secret: string };
  chat: ChatCore;
  /** Where problems are reported (default: stderr). The token never appears in these lines. */
  log?: (line: string) => void;
  /** The bot's own user: skips the `getMe` check at creation (tests). */
  botInfo?: UserFromGetMe;
  /** Timeout of one Bot API call in seconds (default 60; above the 30 s long-polling wait). */
  timeoutSeconds?: number;
  /** Clock of the administrator cache. */
  now?: () => number;
}

/** A running Telegram adapter: an outbox for reminders, webhook routes to serve, start and stop. */
export interface Telegram {
  readonly name: "telegram";
  readonly outbox: Outbox;
  /** Empty in long-polling mode; the webhook path in webhook mode (serve it before `start`). */
  readonly routes: Route[];
  /** The bot's @username, as Telegram reported it. */
  readonly username: string;
  /** Registers the command menu, then starts long polling or sets the webhook. */
  start(): Promise<void>;
  /** Stops intake (polling, or the webhook answering 503) and waits for replies in flight. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";
/** How long a webhook request waits for its answer before acknowledging anyway (handling goes on). */
const WEBHOOK_ACK_MS = 2000;
// Methods that post into a chat: these are throttled per chat (~1/s) and per group (20/min).
const POSTING = /^(send|copy|forward|edit)/;

function checkOptions(opts: TelegramOptions): { apiRoot: string } {
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(opts.token.trim())) {
    throw new Error(
      "TELEGRAM_BOT_TOKEN does not look like a bot token (123456789:AA…). Copy it again from @BotFather.",
    );
  }
  const apiRoot = (opts.apiRoot ?? DEFAULT_API_ROOT).trim().replace(/\/+$/, "");
  if (!URL.canParse(apiRoot) || !/^https?:$/.test(new URL(apiRoot).protocol)) {
    throw new Error(`TELEGRAM_API_ROOT "${apiRoot}" is not an http(s) URL, e.g. http://127.0.0.1:8081.`);
  }
  if (opts.webhook) {
    if (!URL.canParse(opts.webhook.url))
      throw new Error(
        `TELEGRAM_WEBHOOK_URL "${opts.webhook.url}" is not a URL, e.g. https://bot.example.vn/telegram.`,
      );
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(opts.webhook.secret)) {
      throw new Error(
        "TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and - (Telegram's rule).",
      );
    }
  }
  return { apiRoot };
}

/** 429s retried as `retry_after` asks (bounded), then sends throttled per chat and per group. */
function installTransformers(bot: Bot): void {
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: 3,
      maxDelaySeconds: 30,
      // Network errors may come after the message was sent, and 5xx are retried by the caller's
      // backoff (the reminder dispatcher): retrying them here could double-send or stall a chat.
      rethrowHttpErrors: true,
      rethrowInternalServerErrors: true,
    }),
  );
  const throttle = apiThrottler();
  const posting: Transformer = (prev, method, payload, signal) =>
    POSTING.test(method) ? throttle(prev, method, payload, signal) : prev(method, payload, signal);
  bot.api.config.use(posting);
}

/**
 * The Telegram adapter over grammY: checks the token against the Bot API (`getMe`) before returning,
 * so a bad TELEGRAM_BOT_TOKEN or an unreachable TELEGRAM_API_ROOT fails at start-up with an Error
 * that says what to fix.
 */
export async function createTelegram(opts: TelegramOptions): Promise<Telegram> {
  const { apiRoot } = checkOptions(opts);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bot = new Bot(opts.token.trim(), {
    client: { apiRoot, timeoutSeconds: opts.timeoutSeconds ?? 60 },
    ...(opts.botInfo && { botInfo: opts.botInfo }),
  });
  installTransformers(bot);
  if (!opts.botInfo) {
    try {
      // grammY types its signal with the abort-controller shim; a native AbortSignal works the same.
      const signal = AbortSignal.timeout(15_000) as unknown as Parameters<typeof bot.api.getMe>[0];
      bot.botInfo = await bot.api.getMe(signal);
    } catch (error) {
      throw startupError(error, apiRoot);
    }
  }
  await bot.init(); // a no-op now that botInfo is known; makes the bot ready for handleUpdate
  const deps: HandlerDeps = {
    api: bot.api,
    chat: opts.chat,
    me: { id: bot.botInfo.id, username: bot.botInfo.username },
    admins: new AdminCache(bot.api, opts.now),
    log,
  };

  let stopping = false;
  const inflight = new Set<Promise<void>>();
  /** Runs one update's work, tracked so `stop` can wait for it; errors end here, logged. */
  const intake = (label: string, work: () => Promise<void>): Promise<void> => {
    if (stopping) return Promise.resolve(); // not confirmed: Telegram delivers it again after a restart
    const task = work().catch((error: unknown) => log(`telegram: ${label} failed: ${describeError(error)}`));
    inflight.add(task);
    void task.finally(() => inflight.delete(task));
    return task;
  };
  bot.on("message:text", (ctx) =>
    intake(`message in chat ${ctx.chat.id}`, () => onMessage(deps, ctx.message)),
  );
  bot.on("callback_query:data", (ctx) =>
    intake(`button in chat ${ctx.chat?.id ?? "?"}`, () => onCallback(deps, ctx.callbackQuery)),
  );
  bot.on("poll_answer", (ctx) =>
    intake(`vote in poll ${ctx.pollAnswer.poll_id}`, async () => {
      const inbound = pollAnswerInbound(ctx.pollAnswer);
      if (inbound) await opts.chat.handle(inbound); // a vote is answered by no message
    }),
  );
  bot.catch((error) =>
    log(`telegram: update ${error.ctx.update.update_id} failed: ${describeError(error.error)}`),
  );

  const routes: Route[] = [];
  const webhook = opts.webhook;
  if (webhook) {
    const handle = webhookCallback(bot, "http", {
      secretToken: webhook.secret,
      onTimeout: "return",
      timeoutMilliseconds: WEBHOOK_ACK_MS,
    });
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      if (stopping) {
        res.writeHead(503, { "retry-after": "5" }).end(); // Telegram keeps the update and retries
        return;
      }
      handle(req, res).catch((error: unknown) => {
        log(`telegram: webhook request failed: ${describeError(error)}`);
        if (!res.headersSent) res.writeHead(400).end();
        else res.end();
      });
    };
    routes.push({ path: new URL(webhook.url).pathname, listener });
  }

  let polling: Promise<void> = Promise.resolve();
  let started = false;
  let stopped: Promise<void> | undefined;
  const outbox: Outbox = {
    messenger: "telegram",
    async send(to, reply) {
      if (to.messenger !== "telegram")
        throw new DeliveryError("permanent", `telegram cannot send to ${to.messenger}`);
      const delivered: number[] = [];
      const target = {
        chatId: chatIdOf(to.chatId),
        ...(to.threadId !== undefined && { threadId: Number(to.threadId) }),
      };
      try {
        if (reply.poll) {
          const sent = await sendQuizPoll(bot.api, target, reply.poll);
          return { messageIds: [String(sent.messageId)], pollId: sent.pollId };
        }
        await sendReply(bot.api, target, reply, delivered);
      } catch (error) {
        throw toDeliveryError(error, delivered.length);
      }
      return { messageIds: delivered.map(String) };
    },
  };

  return {
    name: "telegram",
    outbox,
    routes,
    username: bot.botInfo.username,
    async start() {
      if (started) return;
      started = true;
      await registerCommands(bot.api).catch((error: unknown) =>
        log(`telegram: setMyCommands failed (the command menu may be out of date): ${describeError(error)}`),
      );
      if (webhook) {
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [] });
        log(`telegram: @${bot.botInfo.username} receives updates at ${webhook.url}`);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        let running = false;
        polling = bot
          .start({
            onStart: () => {
              running = true;
              resolve();
            },
          })
          .catch((error: unknown) => {
            if (!running) reject(error);
            else log(`telegram: long polling stopped: ${describeError(error)}`);
          });
      });
      log(`telegram: @${bot.botInfo.username} is polling ${apiRoot}`);
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (bot.isRunning())
          await bot
            .stop()
            .catch((error: unknown) => log(`telegram: stopping polling: ${describeError(error)}`));
        await polling;
        while (inflight.size > 0) await Promise.allSettled([...inflight]);
      })();
      return stopped;
    },
  };
}
