import type { ChatCore, MessengerName, Outbox } from "./chat/index.js";
import type { Config } from "./config/index.js";
import { type Route, type Served, serveRoutes } from "./messengers/http.js";
import { createSlack } from "./messengers/slack/index.js";
import { createTelegram } from "./messengers/telegram/index.js";
import { createZalo } from "./messengers/zalo/index.js";

/**
 * Runs every configured messenger side by side over one chat core: creates the adapters (a bad
 * token or unreachable platform fails here, with what to fix), serves their webhook routes on one
 * port, starts them, and stops them all on request (intake first, replies in flight finished).
 */

/** What every adapter offers the start-up code. */
interface Adapter {
  readonly name: MessengerName;
  readonly outbox: Outbox;
  readonly routes: Route[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningMessengers {
  /** Names with their mode, for the start-up line ("telegram (long polling)"). */
  describe: string[];
  outboxes: Map<MessengerName, Outbox>;
  /** The webhook host, when some adapter receives pushes. */
  served: Served | null;
  stop(): Promise<void>;
}

/** A messenger could not start; the message says which variable to fix. */
export class StartupError extends Error {}

export async function startMessengers(
  config: Config,
  chat: ChatCore,
  log: (line: string) => void,
): Promise<RunningMessengers> {
  const e = config.env;
  const adapters: Adapter[] = [];
  const describe: string[] = [];
  const stopAll = async () => {
    await Promise.allSettled(adapters.map((a) => a.stop()));
  };
  try {
    if (config.messengers.includes("telegram") && e.TELEGRAM_BOT_TOKEN) {
      const webhook = webhookOf(e.TELEGRAM_WEBHOOK_URL, e.TELEGRAM_WEBHOOK_SECRET);
      const telegram = await createTelegram({
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT,
        webhook,
        chat,
        log,
      });
      adapters.push(telegram);
      describe.push(`telegram @${telegram.username} (${webhook ? "webhook" : "long polling"})`);
    }
    if (config.messengers.includes("slack") && e.SLACK_BOT_TOKEN) {
      const slack = createSlack({
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        chat,
        log: (level, line) => {
          if (level !== "debug") log(`slack ${level}: ${line}`);
        },
      });
      adapters.push(slack);
      describe.push(`slack (${slack.mode === "socket" ? "Socket Mode" : "HTTP events"})`);
    }
    if (config.messengers.includes("zalo") && e.ZALO_BOT_TOKEN) {
      const webhook = webhookOf(e.ZALO_WEBHOOK_URL, e.ZALO_WEBHOOK_SECRET);
      const zalo = await createZalo({
        token: e.ZALO_BOT_TOKEN,
        apiRoot: e.ZALO_API_ROOT,
        webhook,
        chat,
        log,
      });
      adapters.push(zalo);
      describe.push(`zalo ${zalo.accountName} (${webhook ? "webhook" : "long polling"})`);
    }
    const routes = adapters.flatMap((a) => a.routes);
    const served =
      routes.length > 0 ? await serveRoutes(routes, { port: e.PORT ?? 3000, host: "0.0.0.0" }) : null;
    for (const adapter of adapters) await adapter.start();
    return {
      describe: served ? [...describe, `webhooks on ${served.url}`] : describe,
      outboxes: new Map(adapters.map((a) => [a.name, a.outbox])),
      served,
      async stop() {
        await stopAll();
        await served?.close();
      },
    };
  } catch (error) {
    await stopAll();
    const port = e.PORT ?? 3000;
    const message =
      (error as { code?: string }).code === "EADDRINUSE"
        ? `port ${port} is already in use (webhooks need it): free it or set PORT to another port`
        : (error as Error).message;
    throw new StartupError(message);
  }
}

/** Webhook mode when both its URL and its secret are set (the config refuses a URL alone). */
function webhookOf(url: string | undefined, secret: string | undefined) {
  return url && secret ? { url, secret } : undefined;
}
