import type { CallbackAnswer, Core } from "./core.js";
import { badRequest } from "./errors.js";
import { readReplyMarkup } from "./markup.js";
import type { Params } from "./params.js";
import { formatText, type TextRules } from "./text.js";
import type { Message } from "./types.js";
import type { ChatState, StoredMessage } from "./world.js";

/** Longest message text the Bot API accepts, after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;

function messageRules(core: Core): TextRules {
  return {
    maxLength: MAX_MESSAGE_LENGTH,
    empty: badRequest("message text is empty"),
    tooLong: badRequest("message is too long"),
    findUser: (id) => core.world.users.get(id),
  };
}

/** A copy of a message fit to embed as `reply_to_message` (Telegram does not nest replies deeper). */
export function embeddable(message: Message): Message {
  const copy = structuredClone(message);
  delete copy.reply_to_message;
  return copy;
}

/** Reads `reply_parameters` (or the older `reply_to_message_id`) and finds the message replied to. */
export function readReplyTo(core: Core, state: ChatState, p: Params): Message | undefined {
  const parameters = p.json("reply_parameters") as Record<string, unknown> | undefined;
  let messageId: number | undefined;
  let allowWithout = p.bool("allow_sending_without_reply") ?? false;
  let target = state;
  if (parameters !== undefined) {
    if (typeof parameters !== "object" || parameters === null || !Number.isInteger(parameters.message_id)) {
      throw badRequest("can't parse reply parameters JSON object");
    }
    messageId = parameters.message_id as number;
    allowWithout = parameters.allow_sending_without_reply === true;
    if (parameters.chat_id !== undefined) target = core.world.resolve(parameters.chat_id as number | string);
  } else {
    messageId = p.int("reply_to_message_id");
  }
  if (messageId === undefined) return undefined;
  const stored = target.messages.get(messageId);
  if (!stored || stored.record?.deleted) {
    if (allowWithout) return undefined;
    throw badRequest("message to be replied not found");
  }
  return embeddable(stored.message);
}

/** `sendMessage`: checks the chat, parses and measures the text, validates the keyboard, stores it. */
export function sendMessage(core: Core, p: Params): Message {
  const state = core.world.resolve(p.chatId());
  core.world.assertCanPost(state);
  const raw = p.str("text");
  const parseMode = p.str("parse_mode");
  const formatted = formatText(raw, parseMode, p.json("entities"), messageRules(core));
  const keyboard = readReplyMarkup(p);
  const replyTo = readReplyTo(core, state, p);
  const fields: Omit<Message, "message_id" | "chat"> = {
    from: core.world.botAsUser(),
    date: core.nowSeconds(),
    text: formatted.text,
  };
  if (formatted.entities.length > 0) fields.entities = formatted.entities;
  if (replyTo) fields.reply_to_message = replyTo as Message["reply_to_message"];
  if (keyboard) fields.reply_markup = keyboard;
  const stored = core.world.addMessage(state, fields, true);
  const extra: Parameters<Core["recordSend"]>[2] = {};
  if (raw !== undefined) extra.rawText = raw;
  if (parseMode !== undefined) extra.parseMode = parseMode;
  if (replyTo) extra.replyToMessageId = replyTo.message_id;
  core.recordSend(state, stored, extra);
  return stored.message;
}

/** Finds the bot message an edit method targets (chat_id + message_id; inline messages are not modelled). */
function editTarget(core: Core, p: Params): { state: ChatState; stored: StoredMessage } {
  if (p.has("inline_message_id")) throw badRequest("fake-telegram does not implement inline messages");
  const state = core.world.resolve(p.chatId());
  const messageId = p.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = state.messages.get(messageId);
  if (!stored || stored.record?.deleted) throw badRequest("message to edit not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return { state, stored };
}

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

function touch(core: Core, stored: StoredMessage): void {
  stored.message.edit_date = core.nowSeconds();
  if (stored.record) {
    stored.record.edits++;
    stored.record.text = stored.message.text;
    stored.record.entities = stored.message.entities ?? [];
  }
  core.changed();
}

/** `editMessageText`. Like Telegram, leaving out `reply_markup` removes the inline keyboard. */
export function editMessageText(core: Core, p: Params): Message {
  const { stored } = editTarget(core, p);
  const message = stored.message;
  if (message.text === undefined) throw badRequest("there is no text in the message to edit");
  const formatted = formatText(p.str("text"), p.str("parse_mode"), p.json("entities"), messageRules(core));
  const keyboard = readReplyMarkup(p);
  const same =
    formatted.text === message.text &&
    JSON.stringify(formatted.entities) === JSON.stringify(message.entities ?? []) &&
    JSON.stringify(keyboard) === JSON.stringify(message.reply_markup);
  if (same) throw badRequest(NOT_MODIFIED);
  message.text = formatted.text;
  if (formatted.entities.length > 0) message.entities = formatted.entities;
  else delete message.entities;
  if (keyboard) message.reply_markup = keyboard;
  else delete message.reply_markup;
  if (stored.record) {
    const raw = p.str("text");
    if (raw !== undefined) stored.record.rawText = raw;
    stored.record.parseMode = p.str("parse_mode");
  }
  touch(core, stored);
  return message;
}

/** `editMessageReplyMarkup`: replaces (or, with no `reply_markup`, removes) the inline keyboard. */
export function editMessageReplyMarkup(core: Core, p: Params): Message {
  const { stored } = editTarget(core, p);
  const keyboard = readReplyMarkup(p);
  if (JSON.stringify(keyboard) === JSON.stringify(stored.message.reply_markup))
    throw badRequest(NOT_MODIFIED);
  if (keyboard) stored.message.reply_markup = keyboard;
  else delete stored.message.reply_markup;
  touch(core, stored);
  return stored.message;
}

/**
 * `deleteMessage`: the bot may delete its own messages, anything in a private chat, and others'
 * messages in groups only as an administrator.
 */
export function deleteMessage(core: Core, p: Params): true {
  const state = core.world.resolve(p.chatId());
  const messageId = p.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = state.messages.get(messageId);
  if (!stored || stored.record?.deleted) throw badRequest("message to delete not found");
  const allowed =
    stored.fromBot || state.chat.type === "private" || core.world.isAdmin(state, core.world.bot.id);
  if (!allowed) throw badRequest("message can't be deleted");
  state.messages.delete(messageId);
  if (stored.record) stored.record.deleted = true;
  core.changed();
  return true;
}

/** `answerCallbackQuery`: each query can be answered once; unknown or answered ids get Telegram's 400. */
export function answerCallbackQuery(core: Core, p: Params): true {
  const id = p.str("callback_query_id");
  const state = id === undefined ? undefined : core.callbacks.get(id);
  if (!state || state.answer) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  const answer: CallbackAnswer = { at: core.clock.now() };
  const text = p.str("text");
  if (text !== undefined) answer.text = text;
  const alert = p.bool("show_alert");
  if (alert !== undefined) answer.show_alert = alert;
  const url = p.str("url");
  if (url !== undefined) answer.url = url;
  const cache = p.int("cache_time");
  if (cache !== undefined) answer.cache_time = cache;
  state.answer = answer;
  core.changed();
  return true;
}

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** `sendChatAction`: checks the chat and the action name; the fake only records the call. */
export function sendChatAction(core: Core, p: Params): true {
  const state = core.world.resolve(p.chatId());
  core.world.assertCanPost(state);
  const action = p.str("action");
  if (action === undefined || !CHAT_ACTIONS.has(action))
    throw badRequest("wrong parameter action in request");
  return true;
}
