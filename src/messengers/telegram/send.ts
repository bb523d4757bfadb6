import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Button, Reply } from "../../chat/index.js";
import { sendQuizPoll } from "./poll.js";
import { renderReply } from "./render.js";

/** Where a reply goes in Telegram. */
export interface Target {
  chatId: number | string;
  /** Forum topic (`message_thread_id`). */
  threadId?: number;
  /** The message the first part replies to (the asking message in groups, the button's message). */
  replyTo?: number;
}

function keyboard(buttons: Button[]): InlineKeyboardMarkup {
  return { inline_keyboard: [buttons.map((b) => ({ text: b.label, callback_data: b.action }))] };
}

/**
 * Sends one reply as one or more HTML messages (split under the 4096 limit), the buttons under the
 * last part; a reply with `poll` is sent as a native quiz poll instead. Ids of the parts delivered are pushed onto `delivered` as they go, so a caller that
 * catches a failure knows whether part of the reply already reached the chat.
 */
export async function sendReply(
  api: Api,
  to: Target,
  reply: Reply,
  delivered: number[] = [],
): Promise<number[]> {
  if (reply.poll) {
    delivered.push((await sendQuizPoll(api, to, reply.poll)).messageId);
    return delivered;
  }
  const parts = renderReply(reply);
  for (const [i, html] of parts.entries()) {
    const last = i === parts.length - 1;
    const message = await api.sendMessage(to.chatId, html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(to.threadId !== undefined && { message_thread_id: to.threadId }),
      ...(i === 0 &&
        to.replyTo !== undefined && {
          reply_parameters: { message_id: to.replyTo, allow_sending_without_reply: true },
        }),
      ...(last && reply.buttons?.length && { reply_markup: keyboard(reply.buttons) }),
    });
    delivered.push(message.message_id);
  }
  return delivered;
}

/** Telegram chat ids are numbers; `@channelname` stays a string. */
export function chatIdOf(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}
