import type { Core } from "./core.js";
import { memberObject } from "./methods-chats.js";
import { embeddable } from "./methods-messages.js";
import { detectEntities } from "./text.js";
import type { BotMessage, ChatRef, MemberStatus, Message, User, UserRef } from "./types.js";
import { idOf } from "./types.js";
import type { ChatState } from "./world.js";

// What users do, turned into the updates Telegram would send the bot. Misuse that no real client
// allows (a stranger posting in a group, pressing a button that is not there) throws.

/** A message given to a scenario helper: the Message, the bot's sent-message record, or its id. */
export type MessageRef = Message | BotMessage | number;

function messageIdOf(ref: MessageRef): number {
  if (typeof ref === "number") return ref;
  return "messageId" in ref ? ref.messageId : ref.message_id;
}

function isMember(state: ChatState, userId: number): boolean {
  const status = state.members.get(userId)?.status;
  return status !== undefined && status !== "left" && status !== "kicked";
}

/**
 * Whether a group message reaches a bot in privacy mode: commands for it (or for no bot in
 * particular), mentions of it, and replies to it. Administrators and private chats see everything.
 */
function reachesBot(core: Core, state: ChatState, message: Message): boolean {
  if (!isMember(state, core.world.bot.id)) return false;
  if (state.chat.type === "private" || !core.settings.privacyMode) return true;
  if (core.world.isAdmin(state, core.world.bot.id)) return true;
  const text = message.text ?? "";
  const me = `@${core.world.bot.username}`.toLowerCase();
  for (const entity of message.entities ?? []) {
    const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === "bot_command" && entity.offset === 0 && (!part.includes("@") || part.endsWith(me))) {
      return true;
    }
    if (entity.type === "mention" && part === me) return true;
  }
  return message.reply_to_message?.from?.id === core.world.bot.id;
}

/** Options of `userSends`. */
export interface UserSendOptions {
  /** The message this one replies to. */
  replyTo?: MessageRef;
}

/** A user posts `text` in a chat: stored with its own message_id and entities, delivered if the bot sees it. */
export function userSends(
  core: Core,
  chatRef: ChatRef,
  userRef: UserRef,
  text: string,
  options: UserSendOptions = {},
): Message {
  const state = core.world.state(chatRef);
  const user = core.world.user(userRef);
  if (!isMember(state, user.id))
    throw new Error(`fake-telegram: user ${user.id} is not in chat ${state.chat.id}`);
  if (text === "") throw new Error("fake-telegram: Telegram clients do not send empty messages");
  const fields: Omit<Message, "message_id" | "chat"> = { from: user, date: core.nowSeconds(), text };
  const entities = detectEntities(text);
  if (entities.length > 0) fields.entities = entities;
  if (options.replyTo !== undefined) {
    const target = state.messages.get(messageIdOf(options.replyTo));
    if (!target) throw new Error("fake-telegram: the message replied to is not in this chat");
    fields.reply_to_message = embeddable(target.message) as Message["reply_to_message"];
  }
  const stored = core.world.addMessage(state, fields, false);
  if (reachesBot(core, state, stored.message)) core.emit({ message: stored.message as never });
  else core.changed();
  return stored.message;
}

/** Options of `pressButton`. */
export interface PressOptions {
  /** Press even if the message no longer shows a button with this data (an old client view). */
  force?: boolean;
}

/** A user presses an inline button; returns the callback query id the bot must answer. */
export function pressButton(
  core: Core,
  messageRef: Message | BotMessage,
  userRef: UserRef,
  data: string,
  options: PressOptions = {},
): string {
  const chatId = "chatId" in messageRef ? messageRef.chatId : messageRef.chat.id;
  const state = core.world.state(chatId);
  const stored = state.messages.get(messageIdOf(messageRef));
  if (!stored) throw new Error("fake-telegram: the message with the button is gone");
  const user = core.world.user(userRef);
  if (!isMember(state, user.id)) throw new Error(`fake-telegram: user ${user.id} is not in chat ${chatId}`);
  const buttons = stored.message.reply_markup?.inline_keyboard.flat() ?? [];
  const found = buttons.some((b) => "callback_data" in b && b.callback_data === data);
  if (!found && !options.force) throw new Error(`fake-telegram: no button with callback_data "${data}"`);
  const id = core.nextId(4_600_000_000_000_000_000n);
  const query = {
    id,
    from: user,
    message: structuredClone(stored.message),
    chat_instance: state.chatInstance,
    data,
  };
  core.callbacks.set(id, { query });
  core.emit({ callback_query: query });
  return id;
}

/**
 * Changes a member's status. For the bot this is a `my_chat_member` update (added, promoted, kicked,
 * blocked); for a user a `chat_member` update, which Telegram only sends when the bot asked for it in
 * `allowed_updates`.
 */
export function setMemberStatus(
  core: Core,
  chatRef: ChatRef,
  userRef: UserRef,
  status: MemberStatus,
  by?: UserRef,
): void {
  const state = core.world.state(chatRef);
  const user: User = core.world.user(userRef);
  const before = state.members.get(user.id) ?? { user, status: "left" as MemberStatus };
  const after = { user, status };
  state.members.set(user.id, after);
  const actor =
    by !== undefined
      ? core.world.user(by)
      : ([...state.members.values()].find((m) => m.status === "creator")?.user ?? user);
  const change = {
    chat: state.chat,
    from: actor,
    date: core.nowSeconds(),
    old_chat_member: memberObject(before),
    new_chat_member: memberObject(after),
  };
  if (user.id === core.world.bot.id) core.emit({ my_chat_member: change });
  else core.emit({ chat_member: change });
}

/** Makes a user (or the bot, by passing `fake.bot`) an administrator of a group. */
export function makeAdmin(core: Core, chatRef: ChatRef, userRef: UserRef): void {
  const state = core.world.state(chatRef);
  if (state.chat.type === "private") throw new Error("fake-telegram: private chats have no administrators");
  setMemberStatus(core, chatRef, userRef, "administrator");
}

/** The user blocks the bot: sends to their private chat then fail with 403 "bot was blocked by the user". */
export function blockBot(core: Core, userRef: UserRef): void {
  const chat = core.world.privateChat(userRef);
  setMemberStatus(core, chat, core.world.bot.id, "kicked", idOf(userRef));
}
