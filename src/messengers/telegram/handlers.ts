import type { Api } from "grammy";
import type { CallbackQuery, Message } from "grammy/types";
import type { ChatCore, Inbound, Reply } from "../../chat/index.js";
import type { AdminCache } from "./admins.js";
import { describeError, toDeliveryError } from "./errors.js";
import { callbackInbound, type Me, messageInbound } from "./inbound.js";
import { sendReply, type Target } from "./send.js";

/** Longest text `answerCallbackQuery` shows (a toast above the chat). */
export const CALLBACK_TEXT_LIMIT = 200;

/** What the update handlers need; built once by `createTelegram`. */
export interface HandlerDeps {
  api: Api;
  chat: ChatCore;
  me: Me;
  admins: AdminCache;
  log: (line: string) => void;
}

function threadOf(inbound: Inbound): Pick<Target, "threadId"> {
  return inbound.threadId === undefined ? {} : { threadId: Number(inbound.threadId) };
}

/** Sends replies in order; stops at the first failure, which is logged with the chat it was for. */
async function deliver(deps: HandlerDeps, replies: { to: Target; reply: Reply }[]): Promise<void> {
  for (const { to, reply } of replies) {
    const delivered: number[] = [];
    try {
      await sendReply(deps.api, to, reply, delivered);
    } catch (error) {
      const failure = toDeliveryError(error, delivered.length);
      deps.log(`telegram: reply to chat ${to.chatId} not delivered (${failure.failure}): ${failure.message}`);
      return;
    }
  }
}

/**
 * A text message: mapped to `Inbound` (with `isChatAdmin` for group commands), handled by the core,
 * answered in the same chat and topic; in groups each answer replies to the asking message.
 */
export async function onMessage(deps: HandlerDeps, message: Message): Promise<void> {
  const inbound = messageInbound(message, deps.me);
  if (!inbound) return;
  if (!inbound.isPrivate && inbound.text.startsWith("/") && message.from) {
    const admin = await deps.admins.isAdmin(message.chat.id, message.from.id, deps.log);
    if (admin !== undefined) inbound.isChatAdmin = admin;
  }
  const replies = await deps.chat.handle(inbound);
  const to: Target = {
    chatId: message.chat.id,
    ...threadOf(inbound),
    ...(!inbound.isPrivate && { replyTo: message.message_id }),
  };
  await deliver(
    deps,
    replies.map((reply) => ({ to, reply })),
  );
}

function isToast(reply: Reply): boolean {
  return (
    !!reply.private &&
    reply.text.trim().length > 0 &&
    reply.text.length <= CALLBACK_TEXT_LIMIT &&
    !reply.buttons?.length &&
    !reply.citations?.length
  );
}

/**
 * A button press: handled by the core as `Inbound.action`, always answered with
 * `answerCallbackQuery` (which stops the client's spinner). The first short private reply becomes
 * the answer's text; the other replies are messages, private ones replying to the button's message.
 */
export async function onCallback(deps: HandlerDeps, query: CallbackQuery): Promise<void> {
  const inbound = callbackInbound(query);
  let replies: Reply[] = [];
  try {
    if (inbound) replies = await deps.chat.handle(inbound);
  } catch (error) {
    deps.log(`telegram: button "${query.data ?? ""}" failed: ${describeError(error)}`);
  }
  const toast = replies.find(isToast);
  try {
    await deps.api.answerCallbackQuery(query.id, toast ? { text: toast.text } : {});
  } catch (error) {
    deps.log(`telegram: answerCallbackQuery failed: ${describeError(error)}`);
  }
  const message = query.message;
  if (!inbound || !message) return;
  const sends = replies
    .filter((reply) => reply !== toast)
    .map((reply) => ({
      reply,
      to: {
        chatId: message.chat.id,
        ...threadOf(inbound),
        ...((reply.private || !inbound.isPrivate) && { replyTo: message.message_id }),
      },
    }));
  await deliver(deps, sends);
}
