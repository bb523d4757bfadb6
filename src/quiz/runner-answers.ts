import type { Reply } from "../chat/types.js";
import type { QuizQuestionRecord, QuizSessionRecord, QuizStore } from "../store/quiz-types.js";
import type { Lang } from "../text/index.js";
import { type Live, langOf, modeOf, QuizPacer, type QuizRunnerOptions } from "./runner.js";
import { feedbackReply, historyReply, leaderboardReply, notice, typedOption } from "./runner-replies.js";
import { history, rank } from "./scores.js";
import { parseStoredQuestion } from "./session.js";

/** Who answered. */
export interface Voter {
  userId: string;
  userName?: string;
}

/**
 * The quiz runner: pacing (`QuizPacer`) plus answers, scores and restarts.
 * - Telegram votes (`vote`): a changed vote replaces the earlier one (time taken from the latest),
 *   a retracted vote removes it, a vote after the question closed is ignored.
 * - Slack clicks and typed numbers (`click`, `typed`): the FIRST answer counts; a double click on the
 *   same option is counted once, a different second click is refused with a private notice (a
 *   button, unlike a Telegram poll, gives no visible "you chose X" to change).
 */
export class QuizRunner extends QuizPacer {
  /** A Telegram poll answer (`Inbound.poll`); empty `optionIds` retracts. */
  async vote(pollId: string, voter: Voter, optionIds: number[]): Promise<void> {
    await this.sent();
    const row = this.store.questionByPoll(pollId);
    const open = row && this.openQuestion(row);
    if (!row || !open) return;
    if (optionIds.length === 0) {
      this.store.removeAnswer(row.sessionId, row.idx, voter.userId);
      return;
    }
    this.answer(row, open.q, voter, optionIds[0] ?? 0, true);
  }

  /** A click on a question's button (`qz:<session>:<question>:<option>`); null when the action is not a quiz's. */
  async click(action: string, voter: Voter, lang: Lang): Promise<Reply[] | null> {
    const m = /^qz:([\w-]{1,20}):(\d{1,2}):(\d{1,2})$/.exec(action);
    if (!m) return null;
    await this.sent();
    const row = this.store.questions(m[1] ?? "").find((q) => q.idx === Number(m[2]));
    return [this.firstAnswer(row, voter, Number(m[3]), lang)];
  }

  /**
   * A number (console) or a letter A–J (Zalo; numbers work there too) typed while a text quiz has a
   * question open in this chat; null when it is not an answer.
   */
  async typed(
    messenger: string,
    chatId: string,
    text: string,
    voter: Voter,
    lang: Lang,
  ): Promise<Reply[] | null> {
    const mode = modeOf(messenger);
    const option = mode === "typed" || mode === "letters" ? typedOption(text, mode) : null;
    const session = option !== null ? this.store.runningIn(messenger, chatId) : undefined;
    if (option === null || !session) return null;
    await this.sent();
    const row = this.store.questions(session.id).findLast((q) => q.sentAt !== null);
    if (!row) return null;
    return [this.firstAnswer(row, voter, option, lang)];
  }

  /**
   * Waits for questions being sent: a poll or a button exists before its send call returns, so an
   * answer can arrive before the question's send time is recorded.
   */
  private async sent(): Promise<void> {
    if (this.sending.size > 0) await Promise.allSettled([...this.sending]);
  }

  private firstAnswer(row: QuizQuestionRecord | undefined, voter: Voter, option: number, lang: Lang): Reply {
    const open = row && this.openQuestion(row);
    if (!row || !open) return notice(lang, "closed");
    const q = open.q;
    if (!Number.isInteger(option) || option < 0 || option >= q.options.length) {
      return notice(lang, "badOption", { max: q.options.length });
    }
    const write = this.answer(row, q, voter, option, false);
    if (write === "added") return feedbackReply(q, option, langOf(open.session));
    return notice(lang, "already");
  }

  private answer(
    row: QuizQuestionRecord,
    q: { correct: number[] },
    voter: Voter,
    option: number,
    replace: boolean,
  ) {
    const now = this.clock.now();
    return this.store.putAnswer(
      {
        sessionId: row.sessionId,
        idx: row.idx,
        userId: voter.userId,
        userName: voter.userName ?? null,
        option,
        correct: q.correct.includes(option),
        ms: Math.max(0, now - (row.sentAt ?? now)),
        answeredAt: now,
      },
      replace,
    );
  }

  /** The question and its quiz when the question is sent, not closed, not past its time, and the quiz runs. */
  private openQuestion(row: QuizQuestionRecord) {
    if (row.closed || row.sentAt === null || row.closesAt === null || this.clock.now() > row.closesAt)
      return undefined;
    const session = this.store.session(row.sessionId);
    const q = parseStoredQuestion(row.payload);
    return session?.status === "running" && q ? { session, q } : undefined;
  }

  /** `/quiz stop`: ends the chat's quiz and returns its results (the caller replies with them); null when none runs. */
  async stop(messenger: string, chatId: string): Promise<Reply | null> {
    const session = this.store.runningIn(messenger, chatId);
    if (!session) return null;
    const live = this.live.get(session.id) ?? this.load(session)?.live;
    if (!live) return null;
    return this.finish(live, "stopped", false);
  }

  /** `/quiz scores`: the running quiz's standings, or the chat's leaderboard when none runs. */
  scores(messenger: string, chatId: string, lang: Lang): Reply {
    const session = this.store.runningIn(messenger, chatId);
    if (session) {
      const standings = rank(this.store.answers(session.id));
      const lines = leaderboardReply(standings, 1, lang).text.split("\n").slice(1);
      return { text: [this.scoresTitle(session, lang), ...lines].join("\n"), lang };
    }
    const answers = this.store.chatAnswers(messenger, chatId);
    const quizzes = new Set(answers.map((a) => a.sessionId)).size;
    return leaderboardReply(rank(answers), quizzes, lang);
  }

  private scoresTitle(session: QuizSessionRecord, lang: Lang): string {
    const rows = this.store.questions(session.id);
    return notice(lang, "scoresNow", { done: rows.filter((r) => r.closed).length, n: rows.length }).text;
  }

  /** `/quiz me`: a person's history on this messenger and the passages they got wrong most. */
  me(messenger: string, voter: Voter, lang: Lang): Reply {
    return historyReply(
      voter.userName ?? voter.userId,
      history(this.store.userAnswers(messenger, voter.userId)),
      lang,
    );
  }

  /**
   * After a restart: each running quiz is resumed where the store says it was (an open question keeps
   * its remaining time), unless its current question closed more than `resumeWithinMs` ago; then it
   * is closed with a message and the scores so far. Answers already stored are never counted again.
   */
  async resume(): Promise<{ resumed: string[]; closed: string[] }> {
    const out = { resumed: [] as string[], closed: [] as string[] };
    const now = this.clock.now();
    for (const session of this.store.running()) {
      if (this.live.has(session.id)) continue;
      const loaded = this.load(session);
      if (!loaded) {
        out.closed.push(session.id);
        continue;
      }
      const { live, rows } = loaded;
      const current = rows.findLast((r) => r.sentAt !== null);
      const stale = current ? (current.closesAt ?? 0) + (this.opts.resumeWithinMs ?? 300_000) < now : false;
      if (stale) {
        await this.finish(live, "interrupted");
        out.closed.push(session.id);
        continue;
      }
      this.live.set(session.id, live);
      out.resumed.push(session.id);
      if (!current) this.after(live, this.opts.startDelayMs ?? 2000, () => this.ask(live, 0));
      else if (!current.closed)
        this.after(live, Math.max(0, (current.closesAt ?? now) - now), () =>
          this.closeQuestion(live, current.idx),
        );
      else this.after(live, this.opts.gapMs ?? 3000, () => this.ask(live, current.idx + 1));
    }
    return out;
  }

  /** Cancels every timer (shutdown); running quizzes stay running in the store for `resume`. */
  async shutdown(): Promise<void> {
    for (const live of this.live.values()) live.cancel?.();
    this.live.clear();
    await this.idle();
  }
}

/** A quiz runner over a store and the messengers' outboxes (see `QuizRunnerOptions`). */
export function createQuizRunner(opts: QuizRunnerOptions): QuizRunner {
  return new QuizRunner(opts);
}

export type { Live, QuizStore };
