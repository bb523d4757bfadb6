import type { Clock } from "./clock.js";
import type { BotCommand, BotMessage, CallbackQuery, Poll, PollLimits, Update } from "./types.js";
import type { UpdateBody, UpdateQueue } from "./updates.js";
import type { ChatState, StoredMessage, World } from "./world.js";

/** A poll the bot sent, with who voted for what. */
export interface PollState {
  poll: Poll;
  chatId: number;
  messageId: number;
  /** user id → chosen option ids (a retracted vote removes the entry). */
  votes: Map<number, number[]>;
  cancelClose?: () => void;
}

/** How the bot answered a callback query. */
export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  /** Clock time (ms) of the answer. */
  at: number;
}

/** A callback query a user made and its answer, once the bot gives one. */
export interface CallbackState {
  query: CallbackQuery;
  answer?: CallbackAnswer;
}

/** The webhook the bot registered with `setWebhook`. */
export interface WebhookSettings {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** Fixed behaviour chosen when the fake starts. */
export interface Settings {
  /** Group privacy mode: the bot only gets commands, mentions of it and replies to it (admins get all). */
  privacyMode: boolean;
  pollLimits: PollLimits;
}

/**
 * The shared state every method handler and scenario helper works on: the world, the update queue,
 * polls, callback queries, commands, the webhook, and change notification for `waitFor`.
 */
export class Core {
  readonly commands = new Map<string, BotCommand[]>();
  readonly polls = new Map<string, PollState>();
  readonly callbacks = new Map<string, CallbackState>();
  /** chat id → clock times (ms) of successful sends, for throttling checks. */
  readonly sendTimes = new Map<number, number[]>();
  webhook: WebhookSettings | undefined;
  /** Set by the webhook deliverer so setWebhook/updates can start a delivery round. */
  kickWebhook: () => void = () => {};
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(
    readonly world: World,
    readonly queue: UpdateQueue,
    readonly clock: Clock,
    readonly settings: Settings,
  ) {}

  /** Current Unix time in seconds (the unit of every `date` in the Bot API). */
  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** A fresh numeric-string id (callback query ids, poll ids) that looks like Telegram's. */
  nextId(base: bigint): string {
    return String(base + BigInt(++this.seq));
  }

  /** Queues an update for the bot and wakes anyone waiting on changes. */
  emit(body: UpdateBody): Update {
    const update = this.queue.add(body);
    this.changed();
    return update;
  }

  /** Records a message the bot just sent (for `sent()` and per-chat send times). */
  recordSend(state: ChatState, stored: StoredMessage, extra: Partial<BotMessage> = {}): BotMessage {
    const message = stored.message;
    const record: BotMessage = {
      chatId: state.chat.id,
      messageId: message.message_id,
      message,
      text: message.text,
      entities: message.entities ?? [],
      at: this.clock.now(),
      edits: 0,
      deleted: false,
      ...extra,
    };
    stored.record = record;
    this.world.botMessages.push(record);
    const times = this.sendTimes.get(state.chat.id) ?? [];
    times.push(record.at);
    this.sendTimes.set(state.chat.id, times);
    this.changed();
    return record;
  }

  /** Tells `waitFor` callers that something happened. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
