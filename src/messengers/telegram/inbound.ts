import type { CallbackQuery, Message, User } from "grammy/types";
import type { Inbound } from "../../chat/index.js";
import { isLang, type Lang } from "../../text/index.js";

/** The bot's own identity, as `getMe` gives it. */
export interface Me {
  id: number;
  username: string;
}

/** "vi", "en-US" → a language the bot speaks, else undefined. */
export function langOf(code: string | undefined): Lang | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLang(base) ? base : undefined;
}

function displayName(user: User): string {
  return user.username ?? [user.first_name, user.last_name].filter(Boolean).join(" ");
}

/** The forum topic of a message; replies in ordinary groups also carry a thread id, which is not a topic. */
function topicOf(message: Pick<Message, "is_topic_message" | "message_thread_id">): string | undefined {
  return message.is_topic_message && message.message_thread_id !== undefined
    ? String(message.message_thread_id)
    : undefined;
}

/** Removes `@bot` mentions (by entity, so "@bot" inside a word or a link is left alone) from the text. */
function stripMentions(text: string, message: Message, me: Me): { text: string; mentioned: boolean } {
  const handle = `@${me.username}`.toLowerCase();
  const spans = (message.entities ?? [])
    .filter(
      (e) =>
        (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        (e.type === "text_mention" && e.user.id === me.id),
    )
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of spans) out = `${out.slice(0, e.offset)} ${out.slice(e.offset + e.length)}`;
  const cleaned = out
    .replace(/[ \t]{2,}/g, " ")
    .replace(/^[\s,:]+/, "")
    .trim();
  return { text: spans.length > 0 ? cleaned : text, mentioned: spans.length > 0 };
}

/** A leading `/command@other_bot`: Telegram delivers it to every bot in the group, but it is not ours. */
function commandForAnotherBot(text: string, me: Me): boolean {
  const m = text.match(/^\/\w+@(\w+)/);
  return !!m && m[1]?.toLowerCase() !== me.username.toLowerCase();
}

/**
 * A text message as the chat core's `Inbound`, or null when it is not for this bot at all (a command
 * addressed to another bot, a message from a bot). Whether a group message is addressed to the bot
 * is the core's decision (`ChatCore.addressed`); this only reports mentions, replies and the thread.
 */
export function messageInbound(message: Message, me: Me): Inbound | null {
  const text = message.text;
  const from = message.from;
  if (text === undefined || !from || from.is_bot) return null;
  const isPrivate = message.chat.type === "private";
  if (!isPrivate && commandForAnotherBot(text, me)) return null;
  const { text: cleaned, mentioned } = stripMentions(text, message, me);
  const inbound: Inbound = {
    messenger: "telegram",
    chatId: String(message.chat.id),
    userId: String(from.id),
    userName: displayName(from),
    isPrivate,
    text: cleaned,
    messageId: String(message.message_id),
  };
  if (mentioned) inbound.mentioned = true;
  if (message.reply_to_message?.from?.id === me.id) inbound.replyToBot = true;
  const threadId = topicOf(message);
  if (threadId !== undefined) inbound.threadId = threadId;
  const lang = langOf(from.language_code);
  if (lang) inbound.langHint = lang;
  return inbound;
}

/**
 * A button press as `Inbound` with `action` = callback_data and empty text, or null when the button
 * is not on a message the bot can answer in (inline-mode messages).
 */
export function callbackInbound(query: CallbackQuery): Inbound | null {
  const message = query.message;
  if (!message || query.data === undefined) return null;
  const inbound: Inbound = {
    messenger: "telegram",
    chatId: String(message.chat.id),
    userId: String(query.from.id),
    userName: displayName(query.from),
    isPrivate: message.chat.type === "private",
    text: "",
    messageId: String(message.message_id),
    action: query.data,
  };
  const threadId = "is_topic_message" in message ? topicOf(message) : undefined;
  if (threadId !== undefined) inbound.threadId = threadId;
  const lang = langOf(query.from.language_code);
  if (lang) inbound.langHint = lang;
  return inbound;
}
