import type { Api } from "grammy";
import type { PollAnswer } from "grammy/types";
import type { Inbound, QuizPoll } from "../../chat/index.js";
import { langOf } from "./inbound.js";
import type { Target } from "./send.js";

/** Telegram's bounds for `open_period` on every server version (newer ones allow longer). */
const OPEN_PERIOD = { min: 5, max: 600 };

/**
 * Sends a native quiz poll: `type: "quiz"`, not anonymous (otherwise no `poll_answer` reaches the
 * bot), revoting allowed (a changed vote reaches the bot and replaces the earlier one), the right
 * options as `correct_option_ids`, the explanation, and `open_period` as the timer. Returns the
 * message id and the poll id the votes will name.
 */
export async function sendQuizPoll(
  api: Api,
  to: Target,
  poll: QuizPoll,
): Promise<{ messageId: number; pollId: string }> {
  const openPeriod =
    poll.openSeconds === undefined
      ? undefined
      : Math.min(OPEN_PERIOD.max, Math.max(OPEN_PERIOD.min, Math.round(poll.openSeconds)));
  const message = await api.sendPoll(
    to.chatId,
    poll.question,
    poll.options.map((text) => ({ text })),
    {
      type: "quiz",
      is_anonymous: false,
      allows_revoting: true,
      correct_option_ids: poll.correct,
      ...(poll.explanation ? { explanation: poll.explanation } : {}),
      ...(openPeriod !== undefined && { open_period: openPeriod }),
      ...(to.threadId !== undefined && { message_thread_id: to.threadId }),
      ...(to.replyTo !== undefined && {
        reply_parameters: { message_id: to.replyTo, allow_sending_without_reply: true },
      }),
    },
  );
  return { messageId: message.message_id, pollId: message.poll.id };
}

/**
 * A `poll_answer` update as `Inbound.poll`: the voter and the chosen options (empty when the vote
 * was retracted). Telegram does not say which chat the poll is in, so `chatId` is empty; the quiz
 * finds its session by poll id. Null for anonymous voters (a channel voting), who cannot be scored.
 */
export function pollAnswerInbound(answer: PollAnswer): Inbound | null {
  const user = answer.user;
  if (!user) return null;
  const inbound: Inbound = {
    messenger: "telegram",
    chatId: "",
    userId: String(user.id),
    userName: user.username ?? [user.first_name, user.last_name].filter(Boolean).join(" "),
    isPrivate: false,
    text: "",
    poll: { pollId: answer.poll_id, optionIds: [...answer.option_ids] },
  };
  const lang = langOf(user.language_code);
  if (lang) inbound.langHint = lang;
  return inbound;
}
