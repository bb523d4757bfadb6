import type { Citation } from "../answer/index.js";
import type { Lang } from "../text/index.js";

/**
 * The one message language every messenger adapter speaks with the chat core. Adapters turn
 * platform updates into `Inbound` and `Reply` into platform calls; the core imports no platform.
 */

/** A message that reached the bot. */
export interface Inbound {
  messenger: "console" | "telegram" | "slack" | "zalo" | "web";
  chatId: string;
  userId: string;
  userName?: string;
  /** A one-to-one chat: every message is for the bot. */
  isPrivate: boolean;
  text: string;
  /** The bot was @-mentioned (the adapter strips the mention from `text`). */
  mentioned?: boolean;
  /** The message replies to one of the bot's own messages. */
  replyToBot?: boolean;
  /** Thread or topic the message belongs to (Slack thread_ts, Telegram topic). */
  threadId?: string;
  /** The user's interface language, when the platform tells it. */
  langHint?: Lang;
}

/** One message the bot sends back. */
export interface Reply {
  text: string;
  /** The citations behind `text`, so adapters can show them compactly with a "full passage" action. */
  citations?: Citation[];
  lang?: Lang;
}
