/**
 * Shapes of the fake Zalo Bot API, as its public documentation shows them (bot-api.zaloplatforms.com):
 * ids are strings, dates are milliseconds, a chat is PRIVATE or GROUP.
 */

/** A Zalo user the test scripts. */
export interface User {
  id: string;
  display_name: string;
}

/** A conversation: a private chat's id is the user's id. */
export interface Chat {
  id: string;
  chat_type: "PRIVATE" | "GROUP";
  /** A group's name (the fake's own bookkeeping; not sent in updates). */
  name?: string;
}

/** A received message as `getUpdates` and webhook pushes carry it. */
export interface Message {
  message_id: string;
  date: number;
  text: string;
  from: { id: string; display_name: string; is_bot: false };
  chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
}

/** One update: the event and its message. */
export interface Update {
  event_name: "message.text.received";
  message: Message;
}

/** A message the bot sent (`sendMessage` or `sendPhoto`). */
export interface BotMessage {
  chatId: string;
  messageId: string;
  text: string;
  /** For `sendPhoto`: the image URL (then `text` is the caption). */
  photo?: string;
  /** Wall-clock time (ms) it was accepted. */
  at: number;
}

/** One call to the API, as the bot made it. */
export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  /** The error code answered, or 0 when the call succeeded. */
  errorCode: number;
  at: number;
}

/** One webhook delivery attempt. */
export interface Delivery {
  url: string;
  update: Update;
  /** HTTP status the bot answered, or 0 when the request failed. */
  status: number;
  secretSent: string | undefined;
}

/** A failure a test arms for the next calls of a method. */
export type Failure =
  /** Answer `{ok:false, error_code, description}` with that HTTP status. */
  | { code: number; description?: string }
  /** Drop the connection without answering. */
  | { network: true };
