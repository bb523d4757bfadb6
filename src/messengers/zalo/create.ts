import { ChatCore, DeliveryError, type Inbound, type Outbox, type Reply } from "../../chat/index.js";
import type { Route } from "../http.js";
import { DEFAULT_API_ROOT, type Update, ZaloClient } from "./client.js";
import { describeError, startupError, toDeliveryError } from "./errors.js";
import { messageInbound, type ZaloMe } from "./inbound.js";
import { type Backoff, DEFAULT_BACKOFF, pollUpdates } from "./poll.js";
import { ChatPrompts } from "./prompts.js";
import { isAnswerToken, renderReply } from "./render.js";
import { webhookListener } from "./webhook.js";

/** Options of `createZalo` (from ZALO_* variables, parsed by the config schema). */
export interface ZaloOptions {
  /** ZALO_BOT_TOKEN: `<bot_id>:<secret>`. */
  token: string;
  /** ZALO_API_ROOT (default https://bot-api.zaloplatforms.com). */
  apiRoot?: string;
  /** ZALO_WEBHOOK_URL + ZALO_WEBHOOK_SECRET: webhook mode instead of long polling. */
  webhook?: { url: string; secret: string };
  chat: ChatCore;
  /** Where problems are reported (default: stderr). The token never appears in these lines. */
  log?: (line: string) => void;
  /** Seconds one `getUpdates` waits (default 30). */
  pollSeconds?: number;
  /** Waits between failed polls (default 1 s doubling to 60 s). */
  backoff?: Backoff;
  /** The pause between failed polls (tests record it instead of waiting). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Clock of the numbered menus. */
  now?: () => number;
}

/** A running Zalo adapter: an outbox for reminders and quizzes, webhook routes, start and stop. */
export interface Zalo {
  readonly name: "zalo";
  readonly outbox: Outbox;
  /** Empty when long polling; the webhook path in webhook mode (serve it before `start`). */
  readonly routes: Route[];
  /** The bot's account name, as `getMe` reported it. */
  readonly accountName: string;
  /** Starts long polling (after removing any webhook) or sets the webhook. */
  start(): Promise<void>;
  /** Stops intake (polling, or the webhook answering 503) and waits for replies in flight. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when no message is being handled and no reply is being sent. */
  idle(): Promise<void>;
}

/** How often the typing indicator is renewed while an answer is prepared. */
const TYPING_EVERY_MS = 4000;

function checkOptions(opts: ZaloOptions): { apiRoot: string } {
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(opts.token.trim()))
    throw new Error("ZALO_BOT_TOKEN does not look like a Zalo bot token (<bot_id>:<secret>). Copy it again.");
  const apiRoot = (opts.apiRoot ?? DEFAULT_API_ROOT).trim().replace(/\/+$/, "");
  if (!URL.canParse(apiRoot) || !/^https?:$/.test(new URL(apiRoot).protocol))
    throw new Error(
      `ZALO_API_ROOT "${apiRoot}" is not an http(s) URL, e.g. https://bot-api.zaloplatforms.com.`,
    );
  if (opts.webhook) {
    if (!URL.canParse(opts.webhook.url))
      throw new Error(
        `ZALO_WEBHOOK_URL "${opts.webhook.url}" is not a URL, e.g. https://bot.example.vn/zalo.`,
      );
    const n = opts.webhook.secret.length;
    if (n < 8 || n > 256) throw new Error(`ZALO_WEBHOOK_SECRET must be 8 to 256 characters (it has ${n}).`);
  }
  return { apiRoot };
}

/**
 * The Zalo adapter: checks the token with `getMe` before returning (a bad ZALO_BOT_TOKEN or an
 * unreachable ZALO_API_ROOT fails at start-up, saying what to fix), then turns updates into
 * `Inbound` and replies into plain-text messages of at most 2000 characters.
 */
export async function createZalo(opts: ZaloOptions): Promise<Zalo> {
  const { apiRoot } = checkOptions(opts);
  const token = opts.token.trim();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const client = new ZaloClient(token, apiRoot);
  const account = await client.getMe({ timeoutMs: 15_000 }).catch((error: unknown) => {
    throw startupError(error, apiRoot);
  });
  const me: ZaloMe = { id: account.id, names: [account.account_name, account.display_name ?? ""] };
  const prompts = new ChatPrompts(opts.now);

  /** Sends one reply as one or more messages; ids of delivered parts are pushed onto `delivered`. */
  async function sendReply(chatId: string, reply: Reply, proactive: boolean, delivered: string[] = []) {
    for (const text of renderReply(reply)) {
      const sent = await client.sendMessage(chatId, text);
      delivered.push(sent.message_id);
    }
    prompts.sent(chatId, reply, proactive);
    return delivered;
  }

  let stopping = false;
  const abort = new AbortController();
  const inflight = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    inflight.add(task);
    void task.finally(() => inflight.delete(task));
  };

  // Replies go out in order per chat, but intake does not wait for them: in a quiz, forty answers
  // are scored as they arrive, not each after the previous person's feedback reached Zalo.
  const chains = new Map<string, Promise<void>>();
  function deliver(inbound: Inbound, replies: Reply[]): void {
    const chatId = inbound.chatId;
    const next = (chains.get(chatId) ?? Promise.resolve()).then(async () => {
      for (const reply of replies) {
        // No ephemeral messages in Zalo: a reply meant for one person in a group says whom it is for.
        const named =
          reply.private && !inbound.isPrivate && inbound.userName
            ? { ...reply, text: `${inbound.userName}: ${reply.text}` }
            : reply;
        const delivered: string[] = [];
        try {
          await sendReply(chatId, named, false, delivered);
        } catch (error) {
          const failure = toDeliveryError(error, delivered.length);
          log(`zalo: reply to chat ${chatId} not delivered (${failure.failure}): ${failure.message}`);
          return;
        }
      }
    });
    chains.set(chatId, next);
    track(next);
    void next.finally(() => chains.get(chatId) === next && chains.delete(chatId));
  }

  /**
   * The core's answer to one message, with the typing indicator shown (and renewed) while a question
   * or command is worked on; a menu pick or a quiz answer is answered at once, without it.
   */
  async function answer(inbound: Inbound, guess: boolean): Promise<void> {
    const typing = () =>
      client
        .sendChatAction(inbound.chatId, "typing")
        .catch((error: unknown) => log(`zalo: typing indicator failed: ${describeError(error)}`));
    const quick = !!inbound.action || isAnswerToken(inbound.text);
    if (!quick) void typing();
    const renew = quick ? undefined : setInterval(typing, TYPING_EVERY_MS);
    try {
      const replies = await opts.chat.handle(inbound);
      // A bare letter guessed to answer the group's question, but not answered as one (the quiz
      // ended): it was chat between people, and the bot stays out of it.
      if (guess && replies.some((r) => !r.private)) prompts.endLetters(inbound.chatId);
      else deliver(inbound, replies);
    } finally {
      clearInterval(renew);
    }
  }

  const idle = async () => {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  };

  let queue: Promise<void> = Promise.resolve();
  /** Handles one update, in arrival order, tracked so `stop` can wait for it; errors end here, logged. */
  const intake = (update: Update): Promise<void> => {
    const inbound = messageInbound(update, me);
    if (!inbound) return Promise.resolve();
    const { inbound: resolved, guess } = prompts.resolve(inbound);
    if (!ChatCore.addressed(resolved)) return Promise.resolve();
    const task = queue.then(() =>
      answer(resolved, guess).catch((error: unknown) =>
        log(`zalo: message in chat ${resolved.chatId} failed: ${describeError(error)}`),
      ),
    );
    queue = task;
    track(task);
    return task;
  };

  const webhook = opts.webhook;
  const routes: Route[] = webhook
    ? [
        {
          path: new URL(webhook.url).pathname,
          listener: webhookListener({
            secret: webhook.secret,
            stopping: () => stopping,
            accept: (update) => void intake(update),
            log,
          }),
        },
      ]
    : [];

  const outbox: Outbox = {
    messenger: "zalo",
    async send(to, reply) {
      if (to.messenger !== "zalo")
        throw new DeliveryError("permanent", `zalo cannot send to ${to.messenger}`);
      const delivered: string[] = [];
      try {
        await sendReply(to.chatId, reply, true, delivered);
      } catch (error) {
        throw toDeliveryError(error, delivered.length);
      }
      return { messageIds: delivered };
    },
  };

  let started = false;
  let polling: Promise<void> = Promise.resolve();
  let stopped: Promise<void> | undefined;
  return {
    name: "zalo",
    outbox,
    routes,
    accountName: account.account_name,
    async start() {
      if (started) return;
      started = true;
      if (webhook) {
        await client.setWebhook(webhook.url, webhook.secret);
        log(`zalo: ${account.account_name} receives updates at ${webhook.url}`);
        return;
      }
      // getUpdates does not work while a webhook is set (a previous run in webhook mode).
      await client
        .deleteWebhook()
        .catch((error: unknown) => log(`zalo: deleteWebhook failed: ${describeError(error)}`));
      polling = pollUpdates({
        client,
        waitSeconds: opts.pollSeconds ?? 30,
        signal: abort.signal,
        backoff: opts.backoff ?? DEFAULT_BACKOFF,
        onUpdate: intake,
        log,
        ...(opts.sleep && { sleep: opts.sleep }),
      });
      log(`zalo: ${account.account_name} is polling ${apiRoot}`);
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        abort.abort();
        await polling;
        await idle();
      })();
      return stopped;
    },
    idle,
  };
}
