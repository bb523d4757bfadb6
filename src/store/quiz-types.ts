/**
 * The quiz store's records and interface (migration 003). Questions are kept as opaque JSON
 * (`payload`): the quiz capability owns their shape and validates them when it reads them back.
 * Times are milliseconds since the epoch. The API is synchronous, as better-sqlite3 is.
 */

/** How a quiz ended, or that it is still going. */
export type QuizStatus = "running" | "finished" | "stopped" | "interrupted";

/** One quiz in one chat. */
export interface QuizSessionRecord {
  id: string;
  messenger: string;
  chatId: string;
  threadId: string | null;
  lang: string;
  startedBy: string;
  /** Seconds each question stays open. */
  seconds: number;
  status: QuizStatus;
  startedAt: number;
  endedAt: number | null;
}

/** One question of a quiz, and when (and as which poll) it was sent. */
export interface QuizQuestionRecord {
  sessionId: string;
  idx: number;
  payload: string;
  pollId: string | null;
  sentAt: number | null;
  closesAt: number | null;
  closed: boolean;
}

/** One person's answer to one question. */
export interface QuizAnswerRecord {
  sessionId: string;
  idx: number;
  userId: string;
  userName: string | null;
  option: number;
  correct: boolean;
  /** Time taken: answer time − question sent time. */
  ms: number;
  answeredAt: number;
}

/** An answer with the quiz it belongs to, for leaderboards and a person's history. */
export interface QuizAnswerWithSession extends QuizAnswerRecord {
  messenger: string;
  chatId: string;
  payload: string;
}

/** What a write of an answer did. */
export type AnswerWrite = "added" | "replaced" | "unchanged" | "kept-first";

/** Persistence of quizzes; `createSqliteQuizStore` and `MemoryQuizStore` implement it. */
export interface QuizStore {
  /** Adds a running quiz with its questions; false when the chat already has a running one. */
  createSession(session: QuizSessionRecord, payloads: string[]): boolean;
  session(id: string): QuizSessionRecord | undefined;
  /** The running quiz of a chat, if any. */
  runningIn(messenger: string, chatId: string): QuizSessionRecord | undefined;
  /** Every running quiz (for resuming after a restart). */
  running(): QuizSessionRecord[];
  endSession(id: string, status: Exclude<QuizStatus, "running">, at: number): void;
  questions(sessionId: string): QuizQuestionRecord[];
  questionByPoll(pollId: string): QuizQuestionRecord | undefined;
  markSent(
    sessionId: string,
    idx: number,
    sent: { pollId: string | null; sentAt: number; closesAt: number },
  ): void;
  markClosed(sessionId: string, idx: number): void;
  /**
   * Stores an answer. `replace`: a later answer replaces the earlier one (Telegram's changed vote);
   * otherwise the first answer stays (a Slack double click counts once).
   */
  putAnswer(answer: QuizAnswerRecord, replace: boolean): AnswerWrite;
  /** Removes an answer (a retracted vote); true when there was one. */
  removeAnswer(sessionId: string, idx: number, userId: string): boolean;
  answers(sessionId: string): QuizAnswerRecord[];
  /** Every answer given in a chat's quizzes. */
  chatAnswers(messenger: string, chatId: string): QuizAnswerWithSession[];
  /** Every answer a person gave on a messenger, in any chat. */
  userAnswers(messenger: string, userId: string): QuizAnswerWithSession[];
}
