import { ApiError, ApiServer, type Handler } from "./server.js";
import type { BotMessage, CallRecord, Chat, Delivery, Failure, Message, Update, User } from "./types.js";
import { UpdateQueue } from "./updates.js";
import { Webhook } from "./webhook.js";

/** Options of `FakeZalo.start`; each has a test-friendly default. */
export interface StartOptions {
  /** `<bot_id>:<secret>`, as Zalo Bot Creator gives it. */
  token?: string;
  /** The bot's `account_name` in `getMe`. */
  accountName?: string;
  /** Wait before a failed webhook delivery is tried again (default 100 ms); 3 attempts in all. */
  webhookRetryMs?: number;
}

/** Zalo's limit for a message text (characters). */
export const MAX_TEXT = 2000;

/**
 * A local Zalo Bot API server for tests. Point the adapter at `apiRoot` with `token`; script users
 * with `userSends`, read what they would see with `sent`, arm failures with `failNext`.
 * Long polling hands out one update per `getUpdates` (Zalo has no offsets) and answers 408
 * "Request timeout" when `timeout` seconds pass with nothing to give; `getUpdates` refuses while a
 * webhook is set, and then every update is pushed to it with the `X-Bot-Api-Secret-Token` header.
 */
export class FakeZalo {
  readonly token: string;
  readonly accountName: string;
  readonly botId: string;
  readonly deliveries: Delivery[] = [];
  private readonly calls: CallRecord[] = [];
  private readonly sentMessages: BotMessage[] = [];
  private readonly chats = new Map<string, Chat>();
  private readonly updates = new UpdateQueue(() => this.changed());
  private readonly failures: { method: string; failure: Failure; left: number }[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly webhook: Webhook;
  private server!: ApiServer;
  private seq = 0;
  apiRoot = "";

  private constructor(options: StartOptions) {
    this.token = options.token ?? "1459232241454765289:FakeZaloSecretTokenForTests0123456789";
    this.botId = this.token.split(":")[0] ?? "";
    this.accountName = options.accountName ?? "bot.CadreTest";
    this.webhook = new Webhook(options.webhookRetryMs ?? 100, this.deliveries, () => this.changed());
  }

  /** Starts a fake on a free loopback port. */
  static async start(options: StartOptions = {}): Promise<FakeZalo> {
    const fake = new FakeZalo(options);
    fake.server = new ApiServer(
      fake.token,
      fake.methods(),
      (m) => fake.takeFailure(m),
      fake.calls,
      () => fake.changed(),
    );
    fake.apiRoot = await fake.server.listen();
    return fake;
  }

  private id(): string {
    return (++this.seq).toString(16).padStart(20, "a1b2c3d4e5");
  }

  /** A Zalo user. */
  createUser(name: string): User {
    return { id: this.id(), display_name: name };
  }

  /** The private chat with `user` (its id is the user's id). */
  privateChat(user: User): Chat {
    const chat: Chat = { id: user.id, chat_type: "PRIVATE" };
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** A group the bot is in. */
  createGroup(name: string): Chat {
    const chat: Chat = { id: `g${this.id()}`, chat_type: "GROUP", name };
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** `user` writes `text` in `chat`: the update goes to the webhook, a waiting long poll, or the queue. */
  userSends(chat: Chat, user: User, text: string): Message {
    const message: Message = {
      message_id: this.id(),
      date: Date.now(),
      text,
      from: { id: user.id, display_name: user.display_name, is_bot: false },
      chat: { id: chat.id, chat_type: chat.chat_type },
    };
    const update: Update = { event_name: "message.text.received", message };
    if (this.webhook.settings) this.webhook.push(update);
    else this.updates.add(update);
    this.changed();
    return message;
  }

  /** Messages the bot sent, to one chat or to all. */
  sent(chat?: Chat): BotMessage[] {
    return this.sentMessages.filter((m) => !chat || m.chatId === chat.id);
  }

  /** Calls the bot made, of one method or all. */
  callsOf(method?: string): CallRecord[] {
    return this.calls.filter((c) => !method || c.method === method);
  }

  /** Updates not yet handed to the bot. */
  pendingUpdates(): number {
    return this.updates.size() + this.webhook.pending();
  }

  /** The webhook the bot set, if any. */
  webhookSettings(): { url: string; secret: string } | undefined {
    return this.webhook.settings;
  }

  /** The next `times` calls of `method` fail with `failure`. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.push({ method, failure, left: times });
  }

  private takeFailure(method: string): Failure | undefined {
    const armed = this.failures.find((f) => f.method === method && f.left > 0);
    if (!armed) return undefined;
    armed.left--;
    return armed.failure;
  }

  /**
   * Resolves once the bot has taken every update and is back waiting for more (polling) or has
   * answered every push (webhook): past this point it has said all it will about them.
   */
  idle(timeoutMs = 10_000): Promise<boolean> {
    return this.waitFor(
      () => this.pendingUpdates() === 0 && (this.webhook.settings ? true : this.updates.waiting()),
      timeoutMs,
      "the bot to take every update",
    );
  }

  /** Resolves with the first truthy value of `predicate`, checked on every change; rejects after `timeoutMs`. */
  waitFor<T>(
    predicate: () => T,
    timeoutMs = 10_000,
    label = "condition",
  ): Promise<Exclude<T, undefined | null | false | 0 | "">> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (!value) return;
        stop();
        resolve(value as Exclude<T, undefined | null | false | 0 | "">);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`fake-zalo: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      const poll = setInterval(check, 50);
      const stop = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Bugs in the fake itself; tests assert there are none. */
  internalErrors(): Error[] {
    return this.server.internalErrors;
  }

  async close(): Promise<void> {
    this.webhook.close();
    await this.server.close();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private chatOf(params: Record<string, unknown>): Chat {
    const chat = typeof params.chat_id === "string" ? this.chats.get(params.chat_id) : undefined;
    if (!chat) throw new ApiError(400, "Bad Request: chat_id is invalid or the chat was not found");
    return chat;
  }

  private record(chat: Chat, text: string, photo?: string): { message_id: string; date: number } {
    const message: BotMessage = { chatId: chat.id, messageId: this.id(), text, at: Date.now() };
    if (photo) message.photo = photo;
    this.sentMessages.push(message);
    return { message_id: message.messageId, date: message.at };
  }

  private methods(): Map<string, Handler> {
    const text = (value: unknown, field: string, required: boolean) => {
      if (value === undefined && !required) return "";
      if (typeof value !== "string" || value.length < 1 || value.length > MAX_TEXT)
        throw new ApiError(400, `Bad Request: ${field} must be 1 to ${MAX_TEXT} characters`);
      return value;
    };
    return new Map<string, Handler>([
      [
        "getMe",
        async () => ({
          id: this.botId,
          account_name: this.accountName,
          account_type: "BASIC",
          can_join_groups: true,
        }),
      ],
      ["getUpdates", (params, { signal }) => this.getUpdates(params, signal)],
      [
        "sendMessage",
        async (p) => {
          const chat = this.chatOf(p);
          return this.record(chat, text(p.text, "text", true));
        },
      ],
      [
        "sendPhoto",
        async (p) => {
          const chat = this.chatOf(p);
          if (typeof p.photo !== "string" || !URL.canParse(p.photo))
            throw new ApiError(400, "Bad Request: photo must be an image URL");
          return this.record(chat, text(p.caption, "caption", false), p.photo);
        },
      ],
      [
        "sendChatAction",
        async (p) => {
          this.chatOf(p);
          if (p.action !== "typing" && p.action !== "upload_photo")
            throw new ApiError(400, "Bad Request: action must be typing or upload_photo");
          return undefined;
        },
      ],
      ["setWebhook", async (p) => this.webhook.set(p, this.updates.drain())],
      ["deleteWebhook", async () => this.webhook.delete()],
      ["getWebhookInfo", async () => this.webhook.info()],
    ]);
  }

  private getUpdates(params: Record<string, unknown>, signal: AbortSignal): Promise<Update> {
    if (this.webhook.settings)
      throw new ApiError(
        409,
        "Conflict: getUpdates does not work while a webhook is set; call deleteWebhook",
      );
    return this.updates.take(params, signal);
  }
}
