import { badRequest } from "./errors.js";
import type { Params } from "./params.js";
import type { InlineKeyboardMarkup } from "./types.js";

// Telegram's checks on `reply_markup`. Only an inline keyboard is kept on the Message (that is all the
// Bot API echoes back); reply keyboards, remove_keyboard and force_reply are accepted and not stored.

const ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

/** Most buttons one inline keyboard may hold. */
const MAX_BUTTONS = 100;

function validateButton(button: unknown): void {
  if (typeof button !== "object" || button === null || Array.isArray(button)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  const b = button as Record<string, unknown>;
  if (typeof b.text !== "string")
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  const actions = ACTIONS.filter((a) => b[a] !== undefined);
  if (actions.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
  if (b.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  if (b.callback_data !== undefined) {
    // 1-64 *bytes*: a Vietnamese payload with diacritics runs out well before 64 characters
    const data = b.callback_data;
    if (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > 64) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  if (b.url !== undefined) {
    const url = b.url;
    let ok = typeof url === "string";
    if (ok) {
      try {
        ok = ["http:", "https:", "tg:"].includes(new URL(url as string).protocol);
      } catch {
        ok = false;
      }
    }
    if (!ok) throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
  }
}

/**
 * Reads and checks `reply_markup`. Returns the inline keyboard to store on the message, or undefined
 * for no markup or a non-inline one. Throws Telegram's 400 errors for malformed keyboards.
 */
export function readReplyMarkup(params: Params): InlineKeyboardMarkup | undefined {
  const markup = params.json("reply_markup", "reply keyboard markup JSON object");
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  const m = markup as Record<string, unknown>;
  if (m.inline_keyboard === undefined) {
    if (m.keyboard === undefined && m.remove_keyboard === undefined && m.force_reply === undefined) {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
    return undefined;
  }
  const rows = m.inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  let count = 0;
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      validateButton(button);
      count++;
    }
  }
  if (count > MAX_BUTTONS) throw badRequest("reply markup is too long");
  if (count === 0) return undefined;
  return { inline_keyboard: rows as InlineKeyboardMarkup["inline_keyboard"] };
}
