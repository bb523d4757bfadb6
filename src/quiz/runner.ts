import { randomBytes } from "node:crypto";
import {
  DeliveryError,
  type Destination,
  type Inbound,
  type MessengerName,
  type Outbox,
  type Reply,
  type Sent,
} from "../chat/types.js";
import { t } from "../i18n/index.js";
import type { QuizQuestionRecord, QuizSessionRecord, QuizStore } from "../store/quiz-types.js";
import { isLang, type Lang } from "../text/index.js";
import { type QuizClock, systemQuizClock } from "./runner-clock.js";
import { type QuestionMode, questionReply, resultsReply, revealReply } from "./runner-replies.js";
import { rank } from "./scores.js";
import { parseStoredQuestion } from "./session.js";
import type { QuizQuestion } from "./types.js";

/** What a quiz runner needs. `outboxes` may be filled after construction (main starts messengers later). */
export interface QuizRunnerOptions {
  store: QuizStore;
  outboxes: ReadonlyMap<MessengerName, Outbox>;
  clock?: QuizClock;
  /** Pause between the announcement and the first question (default 2 s). */
  startDelayMs?: number;
  /** Pause between a question closing and the next one (default 3 s). */
  gapMs?: number;
  /** After a restart, a quiz whose current question closed longer ago than this is closed, not resumed (default 5 min). */
  resumeWithinMs?: number;
  log?: (line: string) => void;
  /** Trainers (BOT_TRAINERS, platform-prefixed ids): they may start and stop quizzes in any chat. */
  isTrainer?: (msg: Inbound) => boolean;
}

/** What `/quiz start` asks for. */
export interface StartRequest {
  messenger: MessengerName;
  chatId: string;
  threadId?: string;
  lang: Lang;
  startedBy: string;
  seconds: number;
  questions: QuizQuestion[];
}

/** A quiz the runner is pacing: its record, its questions, and the one timer it waits on. */
export interface Live {
  session: QuizSessionRecord;
  questions: QuizQuestion[];
  cancel?: () => void;
}

/** How each messenger shows a question. */
export function modeOf(messenger: string): QuestionMode {
  if (messenger === "telegram") return "poll";
  if (messenger === "zalo") return "letters";
  return messenger === "console" ? "typed" : "buttons";
}

/**
 * Paces quizzes: sends one question at a time through the chat's Outbox, closes it after its
 * seconds (clock-driven timers), moves on after a short gap, and posts the results. The store is the
 * truth (a restart resumes from it); this object holds only timers. Answers: `answers.ts`.
 */
export class QuizPacer {
  readonly live = new Map<string, Live>();
  readonly store: QuizStore;
  readonly clock: QuizClock;
  private readonly work = new Set<Promise<unknown>>();
  /** Sends in flight: a vote for a poll whose send has not returned yet waits for them. */
  readonly sending = new Set<Promise<unknown>>();

  constructor(readonly opts: QuizRunnerOptions) {
    this.store = opts.store;
    this.clock = opts.clock ?? systemQuizClock;
  }

  protected log(line: string): void {
    (this.opts.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(`quiz: ${line}`);
  }

  /** Runs background work, tracked so `idle()` can wait for it; errors are logged, never thrown. */
  protected track(label: string, fn: () => Promise<unknown>): void {
    const job = fn().catch((error: unknown) =>
      this.log(`${label} failed: ${(error as Error).stack ?? error}`),
    );
    this.work.add(job);
    void job.finally(() => this.work.delete(job));
  }

  /** Resolves when no timer-started work is running (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  /** True when `msg`'s sender may start or stop a quiz: a trainer, a chat administrator, or anyone in a private chat. */
  mayRun(msg: Inbound): boolean {
    return msg.isPrivate || msg.isChatAdmin === true || (this.opts.isTrainer?.(msg) ?? false);
  }

  /** Starts a quiz in a chat, or returns "busy" when one is running there. The first question follows after `startDelayMs`. */
  start(req: StartRequest): { ok: true; session: QuizSessionRecord } | { ok: false; reason: "busy" } {
    const session: QuizSessionRecord = {
      id: randomBytes(6).toString("base64url"),
      messenger: req.messenger,
      chatId: req.chatId,
      threadId: req.threadId ?? null,
      lang: req.lang,
      startedBy: req.startedBy,
      seconds: req.seconds,
      status: "running",
      startedAt: this.clock.now(),
      endedAt: null,
    };
    if (
      !this.store.createSession(
        session,
        req.questions.map((q) => JSON.stringify(q)),
      )
    )
      return { ok: false, reason: "busy" };
    const live: Live = { session, questions: req.questions };
    this.live.set(session.id, live);
    this.after(live, this.opts.startDelayMs ?? 2000, () => this.ask(live, 0));
    return { ok: true, session };
  }

  /** Waits `ms` on the clock, then runs `step` as tracked work (unless the quiz ended meanwhile). */
  protected after(live: Live, ms: number, step: () => Promise<unknown>): void {
    live.cancel?.();
    live.cancel = this.clock.setTimer(() => {
      live.cancel = undefined;
      if (this.live.get(live.session.id) === live) this.track(`quiz ${live.session.id}`, step);
    }, ms);
  }

  protected async ask(live: Live, idx: number): Promise<void> {
    const q = live.questions[idx];
    if (!q) {
      await this.finish(live, "finished");
      return;
    }
    const { session } = live;
    const at = { sessionId: session.id, idx, total: live.questions.length, seconds: session.seconds };
    const reply = questionReply(q, at, modeOf(session.messenger), langOf(session));
    // Tracked until the send time is recorded, so an answer that races the send can wait for it.
    // The question counts from when it was sent out (as Telegram's open_period does), and closes on
    // time however long the send call took.
    const sentAt = this.clock.now();
    const closesAt = sentAt + session.seconds * 1000;
    const sending = (async () => {
      const sent = await this.send(session, reply);
      if (sent && this.live.get(session.id) === live) {
        this.store.markSent(session.id, idx, { pollId: sent.pollId ?? null, sentAt, closesAt });
        this.after(live, closesAt - this.clock.now(), () => this.closeQuestion(live, idx));
      }
      return sent;
    })();
    this.sending.add(sending);
    const sent = await sending.finally(() => this.sending.delete(sending));
    if (this.live.get(session.id) !== live) return; // stopped while sending
    if (!sent) await this.finish(live, "interrupted");
  }

  /** A question's time is up: no more answers; elsewhere than Telegram the answer is shown; then the next. */
  protected async closeQuestion(live: Live, idx: number): Promise<void> {
    const { session } = live;
    this.store.markClosed(session.id, idx);
    const q = live.questions[idx];
    if (q && modeOf(session.messenger) !== "poll") {
      const answers = this.store.answers(session.id).filter((a) => a.idx === idx);
      const right = answers.filter((a) => a.correct).length;
      await this.send(session, revealReply(q, idx, right, answers.length, langOf(session)));
    }
    if (idx + 1 >= live.questions.length) await this.finish(live, "finished");
    else this.after(live, this.opts.gapMs ?? 3000, () => this.ask(live, idx + 1));
  }

  /** Ends a quiz, posts its results (unless `post` is false) and returns them. */
  async finish(live: Live, status: "finished" | "stopped" | "interrupted", post = true): Promise<Reply> {
    live.cancel?.();
    this.live.delete(live.session.id);
    const { session } = live;
    this.store.endSession(session.id, status, this.clock.now());
    const lang = langOf(session);
    const done = this.store.questions(session.id).filter((q) => q.sentAt !== null).length;
    const title = t(lang, `quiz.run.${status}Title`, { n: done });
    const shown = live.questions.slice(0, done);
    const reply = resultsReply(title, rank(this.store.answers(session.id)), shown, lang);
    if (post) await this.send(session, reply);
    return reply;
  }

  /** Sends through the chat's outbox; a "retry" failure is retried twice after the wait it names. */
  protected async send(session: QuizSessionRecord, reply: Reply): Promise<Sent | null> {
    const outbox = this.opts.outboxes.get(session.messenger as MessengerName);
    if (!outbox) {
      this.log(`no outbox for ${session.messenger}; quiz ${session.id} cannot post`);
      return null;
    }
    const to: Destination = {
      messenger: session.messenger as MessengerName,
      chatId: session.chatId,
      ...(session.threadId ? { threadId: session.threadId } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        return await outbox.send(to, reply);
      } catch (error) {
        const again = error instanceof DeliveryError && error.failure === "retry" && attempt < 2;
        this.log(`quiz ${session.id}: send to ${session.chatId} failed: ${(error as Error).message}`);
        if (!again) return null;
        await new Promise<void>((resolve) => this.clock.setTimer(resolve, error.retryAfterMs ?? 2000));
      }
    }
  }

  /** Loads a quiz from the store; undefined (and the quiz closed) when a stored question is unreadable. */
  protected load(session: QuizSessionRecord): { live: Live; rows: QuizQuestionRecord[] } | undefined {
    const rows = this.store.questions(session.id);
    const questions = rows.map((r) => parseStoredQuestion(r.payload));
    if (questions.some((q) => q === undefined)) {
      this.log(`quiz ${session.id} has unreadable questions; closing it`);
      this.store.endSession(session.id, "interrupted", this.clock.now());
      return undefined;
    }
    return { live: { session, questions: questions as QuizQuestion[] }, rows };
  }
}

/** The session's language, as stored. */
export function langOf(session: QuizSessionRecord): Lang {
  return isLang(session.lang) ? session.lang : "vi";
}
