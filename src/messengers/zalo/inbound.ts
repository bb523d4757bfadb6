import type { Inbound } from "../../chat/index.js";
import type { Update } from "./client.js";

/** The bot's own identity: its id and the names people address it by (account name, display name). */
export interface ZaloMe {
  id: string;
  names: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Finds the bot named in `text` — `@name` anywhere, or the bare name as a word — and removes it.
 * Zalo sends mentions as plain text, so the names are matched case-insensitively.
 */
export function stripMention(text: string, names: string[]): { text: string; mentioned: boolean } {
  let out = text;
  let mentioned = false;
  for (const name of [...names].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const re = new RegExp(
      `(?:@${escapeRegExp(name)}|(?<![\\p{L}\\p{N}_.@])${escapeRegExp(name)})(?![\\p{L}\\p{N}_])`,
      "giu",
    );
    const next = out.replace(re, " ");
    if (next !== out) mentioned = true;
    out = next;
  }
  if (!mentioned) return { text, mentioned };
  const cleaned = out
    .replace(/[ \t]{2,}/g, " ")
    .replace(/^[\s,:]+/, "")
    .trim();
  return { text: cleaned, mentioned };
}

/**
 * A received text message as the chat core's `Inbound`, or null when it is not one (a sticker, a
 * photo, a message from a bot or from this bot). Whether a group message is addressed to the bot is
 * the core's decision (`ChatCore.addressed`); this reports the mention.
 */
export function messageInbound(update: Update, me: ZaloMe): Inbound | null {
  const message = update.message;
  if (!message || message.text === undefined) return null;
  if (update.event_name && update.event_name !== "message.text.received") return null;
  const from = message.from;
  if (from.is_bot || from.id === me.id) return null;
  const isPrivate = (message.chat.chat_type ?? "PRIVATE").toUpperCase() !== "GROUP";
  const { text, mentioned } = stripMention(message.text, me.names);
  const inbound: Inbound = {
    messenger: "zalo",
    chatId: message.chat.id,
    userId: from.id,
    isPrivate,
    text,
    messageId: message.message_id,
  };
  const name = from.display_name ?? from.name ?? from.first_name;
  if (name) inbound.userName = name;
  if (mentioned) inbound.mentioned = true;
  return inbound;
}
