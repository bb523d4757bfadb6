import type { Core } from "./core.js";
import {
  deleteMyCommands,
  deleteWebhook,
  getMe,
  getMyCommands,
  getUpdates,
  getWebhookInfo,
  setMyCommands,
  setWebhook,
} from "./methods-bot.js";
import { getChat, getChatAdministrators, getChatMember, getChatMemberCount } from "./methods-chats.js";
import {
  answerCallbackQuery,
  deleteMessage,
  editMessageReplyMarkup,
  editMessageText,
  sendChatAction,
  sendMessage,
} from "./methods-messages.js";
import type { Params } from "./params.js";
import { sendPoll, stopPoll } from "./polls.js";

/** One Bot API method: returns its `result` or throws an ApiError. */
export type Handler = (core: Core, params: Params, signal: AbortSignal) => unknown;

const HANDLERS: Record<string, Handler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  sendChatAction,
  sendPoll,
  stopPoll,
  getChat,
  getChatMember,
  getChatAdministrators,
  getChatMemberCount,
};

// Bot API method names are case-insensitive.
const BY_LOWER_NAME = new Map(
  Object.entries(HANDLERS).map(([name, fn]) => [name.toLowerCase(), { name, fn }]),
);

/** Finds a method by name, ignoring case; undefined means Telegram's 404 "Not Found". */
export function findMethod(name: string): { name: string; fn: Handler } | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** The names of every method the fake implements. */
export const METHOD_NAMES: readonly string[] = Object.keys(HANDLERS);
