import type { Citation } from "../answer/index.js";
import type { Lang } from "../text/index.js";

/**
 * The one message language every messenger adapter speaks with the chat core. Adapters turn
 * platform updates into `Inbound` and `Reply` into platform calls; the core imports no platform.
 */

export type MessengerName = "console" | "telegram" | "slack" | "zalo" | "web";

/** A message (or a button press) that reached the bot. */
export interface Inbound {
  messenger: MessengerName;
  chatId: string;
  userId: string;
  userName?: string;
  /** A one-to-one chat: every message is for the bot. */
  isPrivate: boolean;
  text: string;
  /** The platform's id of this message, when it has one (adapters reply to it). */
  messageId?: string;
  /** The bot was @-mentioned (the adapter strips the mention from `text`). */
  mentioned?: boolean;
  /** The message replies to one of the bot's own messages. */
  replyToBot?: boolean;
  /** Thread or topic the message belongs to (Slack thread_ts, Telegram topic). */
  threadId?: string;
  /** The user's interface language, when the platform tells it. */
  langHint?: Lang;
  /** A button the user pressed: the `action` of a `Button` the bot sent (text is then empty). */
  action?: string;
  /** The sender administers this chat (Telegram chat administrator, Slack workspace admin). */
  isChatAdmin?: boolean;
  /**
   * A vote in a quiz poll the bot sent (Telegram `poll_answer`): the platform's poll id and the
   * chosen options, empty when the vote was retracted. `chatId` is then unknown to the platform and
   * empty; the quiz finds its session by `pollId`.
   */
  poll?: { pollId: string; optionIds: number[] };
}

/** A native quiz poll (Telegram); platforms without one render options as buttons instead. */
export interface QuizPoll {
  question: string;
  options: string[];
  correct: number[];
  /** Shown after answering (Telegram: ≤ 200 characters). */
  explanation?: string;
  /** Seconds the poll stays open (Telegram `open_period`, 5–600). */
  openSeconds?: number;
}

/** A button under a reply. `action` is opaque to adapters and at most 64 ASCII bytes (Telegram's limit). */
export interface Button {
  label: string;
  action: string;
}

/** One message the bot sends back. Plain text: adapters escape it for their platform. */
export interface Reply {
  text: string;
  /** The citations behind `text`, so adapters can show them compactly. */
  citations?: Citation[];
  lang?: Lang;
  /** One row of buttons under the message. */
  buttons?: Button[];
  /**
   * Meant for the asker alone (the answer to a button press: "thanks for the feedback", a full
   * passage). Slack sends it ephemeral; Telegram answers the callback query with short ones and
   * sends longer ones as a normal message; where a platform has neither, a normal message.
   */
  private?: boolean;
  /** Send as a native quiz poll where the platform has one (then `text` is the fallback). */
  poll?: QuizPoll;
}

/** Where a proactive message goes (a reminder, a digest). */
export interface Destination {
  messenger: MessengerName;
  chatId: string;
  threadId?: string;
}

/**
 * A messenger that can send without being asked (reminders). Throws `DeliveryError` so the
 * caller can tell "not delivered, try again" from "maybe delivered" from "never will be".
 */
export interface Outbox {
  readonly messenger: MessengerName;
  send(to: Destination, reply: Reply): Promise<Sent>;
}

/** What a send produced: the platform's message ids, and the poll id when a native poll was sent. */
export interface Sent {
  messageIds: string[];
  pollId?: string;
}

export type DeliveryFailure =
  /** Known not delivered and worth retrying (429, 5xx before processing, connection refused). */
  | "retry"
  /** The request may have reached the platform (timeout after sending, connection reset). */
  | "uncertain"
  /** Will not succeed by retrying (bot removed from the chat, chat not found, bad token). */
  | "permanent";

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    /** For "retry": how long the platform asked to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
