import type { Core, PollState } from "./core.js";
import { badRequest } from "./errors.js";
import { readReplyMarkup } from "./markup.js";
import { readReplyTo } from "./methods-messages.js";
import type { Params } from "./params.js";
import { formatText } from "./text.js";
import type { BotMessage, Message, MessageEntity, Poll, PollLimits, User, UserRef } from "./types.js";
import { idOf } from "./types.js";

/**
 * Poll limits of the current Bot API, as documented in the `@grammyjs/types` shipped with grammY 1.46:
 * 1-12 options and an `open_period` of 5-2628000 s (older servers allowed 2-10 options and 5-600 s;
 * pass `pollLimits` to `FakeTelegram.start` to emulate one).
 */
export const DEFAULT_POLL_LIMITS: PollLimits = {
  questionMax: 300,
  optionsMin: 1,
  optionsMax: 12,
  optionTextMax: 100,
  explanationMax: 200,
  explanationLineFeedsMax: 2,
  openPeriodMin: 5,
  openPeriodMax: 2_628_000,
};

const onlyCustomEmoji = (entities: MessageEntity[]) => entities.filter((e) => e.type === "custom_emoji");

function readOptions(p: Params, limits: PollLimits): string[] {
  const raw = p.json("options", "poll options JSON object");
  if (!Array.isArray(raw)) throw badRequest("can't parse poll options JSON object");
  if (raw.length < limits.optionsMin) throw badRequest(`poll must have at least ${limits.optionsMin} option`);
  if (raw.length > limits.optionsMax)
    throw badRequest(`poll can't have more than ${limits.optionsMax} options`);
  return raw.map((option) => {
    // the older API took plain strings, the current one InputPollOption objects; both are accepted
    const text =
      typeof option === "string"
        ? option
        : typeof option === "object" && option !== null && typeof option.text === "string"
          ? (option.text as string)
          : undefined;
    if (text === undefined) throw badRequest("can't parse InputPollOption");
    const trimmed = text.trim();
    if (trimmed === "") throw badRequest("poll options must be non-empty");
    if (trimmed.length > limits.optionTextMax) {
      throw badRequest(`poll options length must not exceed ${limits.optionTextMax}`);
    }
    return trimmed;
  });
}

function readCorrectIds(p: Params, optionCount: number): number[] | undefined {
  let ids: unknown = p.json("correct_option_ids");
  if (ids === undefined && p.has("correct_option_id")) ids = [p.int("correct_option_id")];
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length === 0) throw badRequest("wrong correct option ID specified");
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const increasing = i === 0 || (id as number) > (ids[i - 1] as number);
    if (!Number.isInteger(id) || id < 0 || id >= optionCount || !increasing) {
      throw badRequest("wrong correct option ID specified");
    }
  }
  return ids as number[];
}

/** `sendPoll`: validates per the configured limits, stores the poll and schedules its closing. */
export function sendPoll(core: Core, p: Params): Message {
  const limits = core.settings.pollLimits;
  const state = core.world.resolve(p.chatId());
  core.world.assertCanPost(state);
  const question = formatText(p.str("question"), p.str("question_parse_mode"), p.json("question_entities"), {
    maxLength: limits.questionMax,
    empty: badRequest("poll question must be non-empty"),
    tooLong: badRequest(`poll question length must not exceed ${limits.questionMax}`),
  });
  const options = readOptions(p, limits);
  const type = p.str("type") ?? "regular";
  if (type !== "regular" && type !== "quiz") throw badRequest("poll type is invalid");
  const isQuiz = type === "quiz";
  const correct = readCorrectIds(p, options.length);
  if (isQuiz && correct === undefined) throw badRequest("quiz poll must have a correct option");

  const openPeriod = p.int("open_period");
  const closeDate = p.int("close_date");
  if (openPeriod !== undefined && closeDate !== undefined) {
    throw badRequest("can't use open_period and close_date together");
  }
  if (openPeriod !== undefined && (openPeriod < limits.openPeriodMin || openPeriod > limits.openPeriodMax)) {
    throw badRequest("wrong open period specified");
  }
  const now = core.nowSeconds();
  if (closeDate !== undefined) {
    const ahead = closeDate - now;
    if (ahead < limits.openPeriodMin || ahead > limits.openPeriodMax)
      throw badRequest("wrong close date specified");
  }

  const poll: Poll = {
    id: core.nextId(5_300_000_000_000_000_000n),
    question: question.text,
    options: options.map((text, index) => ({ persistent_id: `${index + 1}`, text, voter_count: 0 })),
    total_voter_count: 0,
    is_closed: p.bool("is_closed") ?? false,
    is_anonymous: p.bool("is_anonymous") ?? true,
    type,
    allows_multiple_answers: p.bool("allows_multiple_answers") ?? false,
    allows_revoting: p.bool("allows_revoting") ?? !isQuiz,
    members_only: false,
  };
  const questionEntities = onlyCustomEmoji(question.entities);
  if (questionEntities.length > 0) poll.question_entities = questionEntities;
  if (isQuiz && correct) {
    poll.correct_option_ids = correct;
    const explanation = formatText(
      p.str("explanation"),
      p.str("explanation_parse_mode"),
      p.json("explanation_entities"),
      {
        maxLength: limits.explanationMax,
        tooLong: badRequest(`poll explanation length must not exceed ${limits.explanationMax}`),
      },
    );
    if ((explanation.text.match(/\n/g) ?? []).length > limits.explanationLineFeedsMax) {
      throw badRequest(`poll explanation must have at most ${limits.explanationLineFeedsMax} line feeds`);
    }
    if (explanation.text !== "") {
      poll.explanation = explanation.text;
      if (explanation.entities.length > 0) poll.explanation_entities = explanation.entities;
    }
  }
  if (openPeriod !== undefined) {
    poll.open_period = openPeriod;
    poll.close_date = now + openPeriod;
  } else if (closeDate !== undefined) {
    poll.close_date = closeDate;
  }

  const keyboard = readReplyMarkup(p);
  const replyTo = readReplyTo(core, state, p);
  const fields: Omit<Message, "message_id" | "chat"> = { from: core.world.botAsUser(), date: now, poll };
  if (replyTo) fields.reply_to_message = replyTo as Message["reply_to_message"];
  if (keyboard) fields.reply_markup = keyboard;
  const stored = core.world.addMessage(state, fields, true);
  const pollState: PollState = {
    poll,
    chatId: state.chat.id,
    messageId: stored.message.message_id,
    votes: new Map(),
  };
  core.polls.set(poll.id, pollState);
  if (!poll.is_closed && poll.close_date !== undefined) {
    const delay = poll.close_date * 1000 - core.clock.now();
    pollState.cancelClose = core.clock.setTimer(() => closePoll(core, pollState), delay);
  }
  core.recordSend(state, stored, replyTo ? { replyToMessageId: replyTo.message_id } : {});
  return stored.message;
}

/** Closes a poll (timer or `stopPoll`) and tells the bot with a final `poll` update. */
export function closePoll(core: Core, state: PollState): void {
  if (state.poll.is_closed) return;
  state.cancelClose?.();
  state.poll.is_closed = true;
  core.emit({ poll: state.poll });
}

/** `stopPoll`: closes a poll the bot sent and returns its final state. */
export function stopPoll(core: Core, p: Params): Poll {
  const chat = core.world.resolve(p.chatId());
  const messageId = p.int("message_id");
  const stored = messageId === undefined ? undefined : chat.messages.get(messageId);
  if (!stored) throw badRequest("message with poll to stop not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  const poll = stored.message.poll;
  if (!poll) throw badRequest("message is not a poll");
  const state = core.polls.get(poll.id);
  if (!state || poll.is_closed) throw badRequest("poll has already been closed");
  const keyboard = readReplyMarkup(p);
  if (keyboard) stored.message.reply_markup = keyboard;
  closePoll(core, state);
  return poll;
}

/** Why a vote was not taken; each is something a real client also prevents. */
export type VoteRefusal = "poll_closed" | "revote_not_allowed" | "nothing_to_retract" | "unchanged";

/** The outcome of `FakeTelegram.vote`. */
export type VoteResult = { accepted: true } | { accepted: false; reason: VoteRefusal };

/** Anything that names a poll: its id, the Message carrying it, or the bot's sent-message record. */
export type PollRef = string | Message | BotMessage;

/** Finds a poll's state; throws for a poll the fake never sent (a mistake in the test). */
export function pollState(core: Core, ref: PollRef): PollState {
  const id =
    typeof ref === "string" ? ref : "message" in ref && "chatId" in ref ? ref.message.poll?.id : ref.poll?.id;
  const state = id === undefined ? undefined : core.polls.get(id);
  if (!state) throw new Error("fake-telegram: no such poll");
  return state;
}

/**
 * A user votes (or, with an empty list, retracts). Emits `poll_answer` for non-anonymous polls and a
 * `poll` update with the new counts, as Telegram does for polls the bot sent.
 */
export function vote(core: Core, ref: PollRef, userRef: UserRef, optionIds: number[]): VoteResult {
  const state = pollState(core, ref);
  const poll = state.poll;
  const user: User = core.world.user(userRef);
  const chat = core.world.state(state.chatId);
  if (!chat.members.has(user.id))
    throw new Error(`fake-telegram: user ${user.id} is not in chat ${state.chatId}`);
  if (optionIds.some((id) => !Number.isInteger(id) || id < 0 || id >= poll.options.length)) {
    throw new Error("fake-telegram: option id out of range");
  }
  if (optionIds.length > 1 && !poll.allows_multiple_answers) {
    throw new Error("fake-telegram: this poll takes one answer");
  }
  if (poll.is_closed) return { accepted: false, reason: "poll_closed" };
  const previous = state.votes.get(idOf(user));
  const chosen = [...new Set(optionIds)].sort((a, b) => a - b);
  if (previous === undefined && chosen.length === 0) return { accepted: false, reason: "nothing_to_retract" };
  if (previous !== undefined && !poll.allows_revoting)
    return { accepted: false, reason: "revote_not_allowed" };
  if (previous !== undefined && previous.join() === chosen.join())
    return { accepted: false, reason: "unchanged" };

  for (const id of previous ?? []) {
    const option = poll.options[id];
    if (option) option.voter_count--;
  }
  for (const id of chosen) {
    const option = poll.options[id];
    if (option) option.voter_count++;
  }
  if (chosen.length === 0) state.votes.delete(user.id);
  else state.votes.set(user.id, chosen);
  poll.total_voter_count = state.votes.size;

  if (!poll.is_anonymous) {
    core.emit({
      poll_answer: {
        poll_id: poll.id,
        user,
        option_ids: chosen,
        option_persistent_ids: chosen.map((id) => poll.options[id]?.persistent_id ?? String(id + 1)),
      },
    });
  }
  core.emit({ poll });
  return { accepted: true };
}
