import { type Clock, realClock } from "./clock.js";
import { type CallbackAnswer, Core } from "./core.js";
import { type FailOptions, FailureQueue } from "./failures.js";
import { type PostResult, postJson } from "./http-io.js";
import { commandsKey } from "./methods-bot.js";
import { DEFAULT_POLL_LIMITS, type PollRef, pollState, type VoteResult, vote } from "./polls.js";
import {
  blockBot,
  makeAdmin,
  type PressOptions,
  pressButton,
  setMemberStatus,
  type UserSendOptions,
  userSends,
} from "./scenario.js";
import { ApiServer } from "./server.js";
import type {
  BotCommand,
  BotMessage,
  BotUser,
  CallRecord,
  Chat,
  ChatRef,
  Failure,
  MemberStatus,
  Message,
  Poll,
  PollLimits,
  Update,
  User,
  UserRef,
} from "./types.js";
import { idOf } from "./types.js";
import { type UpdateBody, UpdateQueue } from "./updates.js";
import { type Delivery, SECRET_HEADER, WebhookDeliverer } from "./webhook.js";
import { type NewGroup, type NewUser, World } from "./world.js";

/** Options of `FakeTelegram.start`; every one has a test-friendly default. */
export interface StartOptions {
  /** The bot token; its number before ":" is the bot's user id. */
  token?: string;
  botUsername?: string;
  botName?: string;
  /** Time source for dates, long-poll timeouts, poll expiry and webhook retries (default: wall clock). */
  clock?: Clock;
  /** Group privacy mode (default false, so the bot's own "is this for me?" logic is what gets tested). */
  privacyMode?: boolean;
  /** Overrides of the current Bot API poll limits. */
  pollLimits?: Partial<PollLimits>;
  /** Delay before a failed webhook delivery is retried (default 200 ms). */
  webhookRetryMs?: number;
  /** How long a webhook may take to answer (default 5000 ms). */
  webhookTimeoutMs?: number;
  /** update_id of the first update (default 100000001). */
  firstUpdateId?: number;
}

/** Options of `sent`. */
export interface SentOptions {
  includeDeleted?: boolean;
}

/**
 * A local Telegram Bot API server for tests. Point a real grammY `Bot` at it with
 * `new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`, script users with `userSends`,
 * `pressButton` and `vote`, read what users would see with `sent`, and inject failures with `failNext`.
 */
export class FakeTelegram {
  private closed = false;

  private constructor(
    readonly token: string,
    /** The URL to pass as `client.apiRoot`. */
    readonly apiRoot: string,
    private readonly core: Core,
    private readonly server: ApiServer,
    private readonly deliverer: WebhookDeliverer,
    private readonly failures: FailureQueue,
    private readonly callLog: CallRecord[],
  ) {}

  /** Starts the server on 127.0.0.1 with an ephemeral port. */
  static async start(options: StartOptions = {}): Promise<FakeTelegram> {
    const token = options.token ?? "123456789:AAFakeTelegramTokenForCadreBotTests";
    const match = /^(\d+):[A-Za-z0-9_-]+$/.exec(token);
    if (!match) throw new Error(`fake-telegram: "${token}" is not shaped like a bot token`);
    const privacyMode = options.privacyMode ?? false;
    const bot: BotUser = {
      id: Number(match[1]),
      is_bot: true,
      first_name: options.botName ?? "Cadre Bot",
      username: options.botUsername ?? "cadre_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: !privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    const clock = options.clock ?? realClock;
    const core = new Core(
      new World(bot),
      new UpdateQueue(clock, options.firstUpdateId ?? 100_000_001),
      clock,
      {
        privacyMode,
        pollLimits: { ...DEFAULT_POLL_LIMITS, ...options.pollLimits },
      },
    );
    const failures = new FailureQueue();
    const callLog: CallRecord[] = [];
    const server = new ApiServer(core, token, failures, callLog);
    const deliverer = new WebhookDeliverer(
      core,
      { retryMs: options.webhookRetryMs ?? 200, timeoutMs: options.webhookTimeoutMs ?? 5000 },
      (call) => server.runWebhookReply(call),
    );
    const apiRoot = await server.listen();
    return new FakeTelegram(token, apiRoot, core, server, deliverer, failures, callLog);
  }

  /** The bot's own user (pass it to `makeAdmin` or `setMemberStatus` to change the bot's standing). */
  get bot(): BotUser {
    return this.core.world.bot;
  }

  /** The clock the fake runs on. */
  get clock(): Clock {
    return this.core.clock;
  }

  // ── scenario ────────────────────────────────────────────────────────────────────────────────────

  createUser(options: NewUser): User {
    return this.core.world.createUser(options);
  }

  /** The private chat of a user with the bot (created on first use, as if they pressed Start). */
  privateChat(user: UserRef): Chat {
    return this.core.world.privateChat(user);
  }

  /** A group ("group" or "supergroup") with these members; the bot is in it unless `withBot: false`. */
  createGroup(options: NewGroup): Chat {
    return this.core.world.createGroup(options);
  }

  /** A user sends a text message; returns it as stored (message_id, entities, reply_to_message). */
  userSends(chat: ChatRef, user: UserRef, text: string, options?: UserSendOptions): Message {
    return userSends(this.core, chat, user, text, options);
  }

  /** A user presses an inline button; returns the callback query id. */
  pressButton(message: Message | BotMessage, user: UserRef, data: string, options?: PressOptions): string {
    return pressButton(this.core, message, user, data, options);
  }

  /** A user votes in a poll the bot sent; `[]` retracts the vote. */
  vote(poll: PollRef, user: UserRef, optionIds: number[]): VoteResult {
    return vote(this.core, poll, user, optionIds);
  }

  makeAdmin(chat: ChatRef, user: UserRef): void {
    makeAdmin(this.core, chat, user);
  }

  setMemberStatus(chat: ChatRef, user: UserRef, status: MemberStatus, by?: UserRef): void {
    setMemberStatus(this.core, chat, user, status, by);
  }

  /** The bot is removed from a group: later sends there fail with 403 "bot was kicked from the … chat". */
  kickBot(chat: ChatRef): void {
    setMemberStatus(this.core, chat, this.bot.id, "kicked");
  }

  /** The user blocks the bot: later sends fail with 403 "bot was blocked by the user". */
  blockBot(user: UserRef): void {
    blockBot(this.core, user);
  }

  /** Queues any update the scenario helpers do not model. */
  pushUpdate(body: UpdateBody): Update {
    return this.core.emit(body);
  }

  /**
   * POSTs a body to a URL the way the webhook sender does, outside the queue: for testing that a
   * webhook rejects a wrong or missing secret.
   */
  pushRaw(url: string, body: unknown, secret?: string): Promise<PostResult> {
    return postJson(url, body, secret === undefined ? {} : { [SECRET_HEADER]: secret }, 5000);
  }

  // ── inspection ──────────────────────────────────────────────────────────────────────────────────

  /** Messages the bot sent, in order (in one chat if given); deleted ones only on request. */
  sent(chat?: ChatRef, options: SentOptions = {}): BotMessage[] {
    const id = chat === undefined ? undefined : idOf(chat);
    return this.core.world.botMessages.filter(
      (m) => (id === undefined || m.chatId === id) && (options.includeDeleted || !m.deleted),
    );
  }

  /** Every message still in a chat, users' and the bot's, in order. */
  history(chat: ChatRef): Message[] {
    return [...this.core.world.state(chat).messages.values()]
      .map((m) => m.message)
      .sort((a, b) => a.message_id - b.message_id);
  }

  /** API calls received, in order (only those of one method if given, case-insensitive). */
  calls(method?: string): CallRecord[] {
    const name = method?.toLowerCase();
    return this.callLog.filter((c) => name === undefined || c.method.toLowerCase() === name);
  }

  /** How the bot answered a callback query, if it did. */
  callbackAnswer(queryId: string): CallbackAnswer | undefined {
    return this.core.callbacks.get(queryId)?.answer;
  }

  /** A poll's current state (votes, is_closed). */
  poll(ref: PollRef): Poll {
    return structuredClone(pollState(this.core, ref).poll);
  }

  /** The commands registered for a scope and language (exact match, like `getMyCommands`). */
  commands(options: { scope?: Record<string, unknown>; language_code?: string } = {}): BotCommand[] {
    return this.core.commands.get(commandsKey(options.scope, options.language_code ?? "")) ?? [];
  }

  /** Updates queued and not yet confirmed by `getUpdates` or delivered to the webhook. */
  pendingUpdates(): Update[] {
    return this.core.queue.list();
  }

  /** Every webhook delivery attempt, successful or not. */
  webhookDeliveries(): Delivery[] {
    return [...this.deliverer.deliveries];
  }

  /** Clock times (ms) of the bot's successful sends to a chat, for throttling checks. */
  sendTimes(chat: ChatRef): number[] {
    return [...(this.core.sendTimes.get(idOf(chat)) ?? [])];
  }

  /** Bugs in the fake itself; a test suite can assert this stays empty. */
  internalErrors(): Error[] {
    return [...this.server.internalErrors];
  }

  /**
   * Resolves with the predicate's first truthy value, re-checking on every change and every 20 ms;
   * rejects after `timeoutMs` of wall-clock time (this wait never uses the injected clock).
   */
  waitFor<T>(
    predicate: () => T,
    timeoutMs = 2000,
    label = "condition",
  ): Promise<Exclude<T, undefined | null | false>> {
    type Found = Exclude<T, undefined | null | false>;
    return new Promise<Found>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        unsubscribe();
        clearInterval(interval);
        clearTimeout(timer);
      };
      const check = () => {
        if (done) return;
        try {
          const value = predicate();
          if (value) {
            finish();
            resolve(value as Found);
          }
        } catch (error) {
          finish();
          reject(error);
        }
      };
      const unsubscribe = this.core.onChange(check);
      const interval = setInterval(check, 20);
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`fake-telegram: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      check();
    });
  }

  // ── failures ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Makes the next call of `method` fail: `{code: 429, retryAfter: 1}`, `{code: 403, description}`,
   * `{code: 502}`, `{hang: true}`, `{reset: true}`, `{status: 502, body: "<html>…"}`.
   */
  failNext(method: string, failure: Failure, options?: FailOptions): void {
    this.failures.add(method, failure, options);
  }

  /** Failures armed and not yet used. */
  pendingFailures(): number {
    return this.failures.count();
  }

  /** Stops everything: timers, webhook delivery, waiting long polls, hung requests, the server. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deliverer.stop();
    for (const state of this.core.polls.values()) state.cancelClose?.();
    this.core.queue.release();
    await this.server.close();
  }
}
