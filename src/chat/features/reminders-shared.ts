import { userIds } from "../../config/index.js";
import { t } from "../../i18n/index.js";
import type { HolidayOptions } from "../../reminders/calendar/index.js";
import type { ManageCode, Refusal } from "../../reminders/index.js";
import type { ChatRef, Store } from "../../store/index.js";
import { fold, type Lang } from "../../text/index.js";
import type { Turn } from "../core.js";
import type { Inbound, Reply } from "../types.js";

/**
 * What the reminder chat features share: their dependencies, who counts as an administrator, the
 * reply language (Vietnamese unless the platform says otherwise), and the wording of refusals.
 */

/** Dependencies of the reminder and deadline features. */
export interface ReminderChatOptions {
  store: Store;
  /** BOT_ADMINS: platform-prefixed user ids ("telegram:123 slack:U0ADMIN"), comma or space separated. */
  admins?: string;
  holidays?: HolidayOptions;
}

/** True for the bot's administrators (BOT_ADMINS) and for the administrators of the chat the message is in. */
export function isAdmin(msg: Inbound, admins: string | undefined): boolean {
  if (msg.isChatAdmin) return true;
  return userIds(admins).includes(`${msg.messenger}:${msg.userId}`);
}

/** The language of a reply: the user's interface language when the platform tells it, else Vietnamese. */
export const replyLang = (turn: Turn): Lang => turn.msg.langHint ?? "vi";

/** One plain message in `lang`. */
export const say = (lang: Lang, key: string, vars: Record<string, string | number> = {}): Reply[] => [
  { text: t(lang, `reminders.chat.${key}`, vars), lang },
];

/** The polite refusal for someone who may not run an admin command. */
export const refuseNonAdmin = (lang: Lang): Reply[] => say(lang, "notAllowed");

/** The chat (and thread) a message came from, as the store names it. */
export function chatOf(msg: Inbound): ChatRef {
  return msg.threadId
    ? { messenger: msg.messenger, chatId: msg.chatId, threadId: msg.threadId }
    : { messenger: msg.messenger, chatId: msg.chatId };
}

/** The words of a refusal from the reminders core, for a user. */
export function refusalText(lang: Lang, r: Refusal, names: { unit: string; title: string }): Reply[] {
  const byCode: Partial<Record<ManageCode, Reply[]>> = {
    "no-such-unit": say(lang, "noSuchUnit", { unit: r.value ?? names.unit }),
    "no-such-deadline": say(lang, "noRef", { ref: r.value ?? "" }),
    "no-such-occurrence": say(lang, "noRef", { ref: r.value ?? "" }),
    "not-owed": say(lang, "notOwed", names),
    "already-reported": say(lang, "alreadyReported", names),
    "not-later": say(lang, "notLater", { due: r.message.replace(/^.* after /, "") }),
  };
  return byCode[r.code] ?? say(lang, "invalid", { problem: r.message });
}

/** A short id from a name: "Sở Nội vụ" → "so-noi-vu" (at most `max` characters, cut at a dash). */
export function slugId(name: string, max = 20): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "x";
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf("-");
  return (dash > 3 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}

/** Reads "30/03/2025" or "2025-03-30" as a date; null when it is neither. */
export function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return null;
  return `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
}
