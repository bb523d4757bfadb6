import type { Api, Context } from "grammy";

// Bot API shapes, taken from grammY itself so the fake produces exactly what the real `Bot` expects
// (the `@grammyjs/types` package is not a direct dependency of the project).

/** One update as `getUpdates` or a webhook delivers it. */
export type Update = Context["update"];
/** A message object. */
export type Message = NonNullable<Context["msg"]>;
/** A chat as it appears inside messages. */
export type Chat = NonNullable<Context["chat"]>;
/** A Telegram user. */
export type User = NonNullable<Context["from"]>;
/** The bot's own user, as `getMe` returns it. */
export type BotUser = Context["me"];
/** A formatting or auto-detected entity in a text. */
export type MessageEntity = NonNullable<Message["entities"]>[number];
/** A native poll. */
export type Poll = NonNullable<Update["poll"]>;
/** A user's (changed or retracted) answer in a non-anonymous poll. */
export type PollAnswer = NonNullable<Update["poll_answer"]>;
/** A press on an inline button. */
export type CallbackQuery = NonNullable<Update["callback_query"]>;
/** An inline keyboard attached to a message. */
export type InlineKeyboardMarkup = NonNullable<Message["reply_markup"]>;
/** One slash command registered with `setMyCommands`. */
export type BotCommand = Awaited<ReturnType<Api["getMyCommands"]>>[number];
/** A chat member with its status. */
export type ChatMember = Awaited<ReturnType<Api["getChatMember"]>>;
/** What `getChat` returns. */
export type ChatFullInfo = Awaited<ReturnType<Api["getChat"]>>;
/** What `getWebhookInfo` returns. */
export type WebhookInfo = Awaited<ReturnType<Api["getWebhookInfo"]>>;

/** A chat given to a scenario helper: the chat object or its id. */
export type ChatRef = number | { id: number };
/** A user given to a scenario helper: the user object or its id. */
export type UserRef = number | { id: number };

/** Turns a `ChatRef` or `UserRef` into its numeric id. */
export function idOf(ref: ChatRef | UserRef): number {
  return typeof ref === "number" ? ref : ref.id;
}

/** A member's standing in a chat, as `getChatMember` reports it. */
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

/**
 * A failure to inject into the next matching API call (see `FakeTelegram.failNext`).
 * - `{code, description?, retryAfter?}`: a Bot API error JSON (429 gets Telegram's flood-control text).
 * - `{hang: true}`: the request is never answered (tests client timeouts).
 * - `{reset: true}`: the TCP connection is destroyed without a response.
 * - `{status, body}`: a raw non-JSON HTTP response, like a proxy's 502 page.
 * `execute: true` on `hang`/`reset` runs the method first (the message is sent, the answer is lost),
 * which is what makes "never double-send" worth testing.
 */
export type Failure =
  | { code: number; description?: string; retryAfter?: number }
  | { hang: true; execute?: boolean }
  | { reset: true; execute?: boolean }
  | { status: number; body: string };

/** One API call the bot made, in arrival order. */
export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  /** Clock time (ms) when the request arrived. */
  at: number;
  /** "webhook-reply" when the call came back as the body of a webhook response. */
  via: "http" | "webhook-reply";
  ok: boolean;
  result?: unknown;
  errorCode?: number;
  description?: string;
  /** Set when an injected failure answered (or swallowed) this call. */
  injected?: Failure;
}

/** A message the bot sent, kept up to date with later edits and deletion. */
export interface BotMessage {
  chatId: number;
  messageId: number;
  /** The current Message object, as a user's client would render it. */
  message: Message;
  /** Text after entity parsing (undefined for polls). */
  text: string | undefined;
  entities: MessageEntity[];
  /** The raw `text` parameter before parsing, and its parse mode. */
  rawText?: string;
  parseMode?: string;
  replyToMessageId?: number;
  /** Clock time (ms) of sending. */
  at: number;
  edits: number;
  deleted: boolean;
}

/** Limits applied by `sendPoll`; the defaults follow the current Bot API (see `DEFAULT_POLL_LIMITS`). */
export interface PollLimits {
  questionMax: number;
  optionsMin: number;
  optionsMax: number;
  optionTextMax: number;
  explanationMax: number;
  explanationLineFeedsMax: number;
  openPeriodMin: number;
  openPeriodMax: number;
}
