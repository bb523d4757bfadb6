import type Database from "better-sqlite3";
import type {
  AnswerWrite,
  QuizAnswerRecord,
  QuizAnswerWithSession,
  QuizQuestionRecord,
  QuizSessionRecord,
  QuizStatus,
  QuizStore,
} from "./quiz-types.js";

/**
 * The quiz store over SQLite (tables of migration 003). Takes an open better-sqlite3 connection
 * (from `openDatabase`); the primary key (session, question, user) of `quiz_answers` is what keeps
 * a replayed vote from counting twice, even across a restart.
 */

type Row = Record<string, unknown>;
const STATUSES = new Set<string>(["running", "finished", "stopped", "interrupted"]);

function str(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== "string") throw new Error(`quiz store: column ${key} is not text`);
  return v;
}
function num(row: Row, key: string): number {
  const v = row[key];
  if (typeof v !== "number") throw new Error(`quiz store: column ${key} is not a number`);
  return v;
}
const optStr = (row: Row, key: string): string | null => (row[key] == null ? null : str(row, key));
const optNum = (row: Row, key: string): number | null => (row[key] == null ? null : num(row, key));

function toSession(row: Row): QuizSessionRecord {
  const status = str(row, "status");
  if (!STATUSES.has(status)) throw new Error(`quiz store: unknown status ${status}`);
  return {
    id: str(row, "id"),
    messenger: str(row, "messenger"),
    chatId: str(row, "chat_id"),
    threadId: optStr(row, "thread_id"),
    lang: str(row, "lang"),
    startedBy: str(row, "started_by"),
    seconds: num(row, "seconds"),
    status: status as QuizStatus,
    startedAt: num(row, "started_at"),
    endedAt: optNum(row, "ended_at"),
  };
}

function toQuestion(row: Row): QuizQuestionRecord {
  return {
    sessionId: str(row, "session_id"),
    idx: num(row, "idx"),
    payload: str(row, "payload"),
    pollId: optStr(row, "poll_id"),
    sentAt: optNum(row, "sent_at"),
    closesAt: optNum(row, "closes_at"),
    closed: num(row, "closed") === 1,
  };
}

function toAnswer(row: Row): QuizAnswerRecord {
  return {
    sessionId: str(row, "session_id"),
    idx: num(row, "idx"),
    userId: str(row, "user_id"),
    userName: optStr(row, "user_name"),
    option: num(row, "option"),
    correct: num(row, "correct") === 1,
    ms: num(row, "ms"),
    answeredAt: num(row, "answered_at"),
  };
}

const toAnswerWithSession = (row: Row): QuizAnswerWithSession => ({
  ...toAnswer(row),
  messenger: str(row, "messenger"),
  chatId: str(row, "chat_id"),
  payload: str(row, "payload"),
});

const JOINED = `SELECT a.*, s.messenger, s.chat_id, q.payload FROM quiz_answers a
  JOIN quiz_sessions s ON s.id = a.session_id
  JOIN quiz_questions q ON q.session_id = a.session_id AND q.idx = a.idx`;

/** A `QuizStore` over an open database that has migration 003 applied. */
export function createSqliteQuizStore(db: Database.Database): QuizStore {
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[];
  const one = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Row | undefined;
  const insertAnswer = db.prepare(
    `INSERT INTO quiz_answers (session_id, idx, user_id, user_name, option, correct, ms, answered_at)
     VALUES (@sessionId, @idx, @userId, @userName, @option, @correct, @ms, @answeredAt)
     ON CONFLICT (session_id, idx, user_id) DO NOTHING`,
  );
  const putAnswer = db.transaction((a: QuizAnswerRecord, replace: boolean): AnswerWrite => {
    const row = { ...a, correct: a.correct ? 1 : 0 };
    if (insertAnswer.run(row).changes === 1) return "added";
    const old = one(
      "SELECT option FROM quiz_answers WHERE session_id = ? AND idx = ? AND user_id = ?",
      a.sessionId,
      a.idx,
      a.userId,
    );
    if (old && num(old, "option") === a.option) return "unchanged";
    if (!replace) return "kept-first";
    db.prepare(
      `UPDATE quiz_answers SET user_name = @userName, option = @option, correct = @correct, ms = @ms,
       answered_at = @answeredAt WHERE session_id = @sessionId AND idx = @idx AND user_id = @userId`,
    ).run(row);
    return "replaced";
  });
  const createSession = db.transaction((s: QuizSessionRecord, payloads: string[]): boolean => {
    if (
      one(
        "SELECT 1 FROM quiz_sessions WHERE messenger = ? AND chat_id = ? AND status = 'running'",
        s.messenger,
        s.chatId,
      )
    )
      return false;
    db.prepare(
      `INSERT INTO quiz_sessions (id, messenger, chat_id, thread_id, lang, started_by, seconds, status, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.id,
      s.messenger,
      s.chatId,
      s.threadId,
      s.lang,
      s.startedBy,
      s.seconds,
      s.status,
      s.startedAt,
      s.endedAt,
    );
    const q = db.prepare("INSERT INTO quiz_questions (session_id, idx, payload) VALUES (?, ?, ?)");
    for (const [i, p] of payloads.entries()) q.run(s.id, i, p);
    return true;
  });

  return {
    createSession: (s, payloads) => createSession.immediate(s, payloads),
    session: (id) => {
      const row = one("SELECT * FROM quiz_sessions WHERE id = ?", id);
      return row && toSession(row);
    },
    runningIn: (messenger, chatId) => {
      const row = one(
        "SELECT * FROM quiz_sessions WHERE messenger = ? AND chat_id = ? AND status = 'running'",
        messenger,
        chatId,
      );
      return row && toSession(row);
    },
    running: () =>
      all("SELECT * FROM quiz_sessions WHERE status = 'running' ORDER BY started_at").map(toSession),
    endSession: (id, status, at) => {
      db.prepare("UPDATE quiz_sessions SET status = ?, ended_at = ? WHERE id = ? AND status = 'running'").run(
        status,
        at,
        id,
      );
    },
    questions: (sessionId) =>
      all("SELECT * FROM quiz_questions WHERE session_id = ? ORDER BY idx", sessionId).map(toQuestion),
    questionByPoll: (pollId) => {
      const row = one("SELECT * FROM quiz_questions WHERE poll_id = ?", pollId);
      return row && toQuestion(row);
    },
    markSent: (sessionId, idx, sent) => {
      db.prepare(
        "UPDATE quiz_questions SET poll_id = ?, sent_at = ?, closes_at = ? WHERE session_id = ? AND idx = ?",
      ).run(sent.pollId, sent.sentAt, sent.closesAt, sessionId, idx);
    },
    markClosed: (sessionId, idx) => {
      db.prepare("UPDATE quiz_questions SET closed = 1 WHERE session_id = ? AND idx = ?").run(sessionId, idx);
    },
    putAnswer: (a, replace) => putAnswer.immediate(a, replace),
    removeAnswer: (sessionId, idx, userId) =>
      db
        .prepare("DELETE FROM quiz_answers WHERE session_id = ? AND idx = ? AND user_id = ?")
        .run(sessionId, idx, userId).changes === 1,
    answers: (sessionId) =>
      all("SELECT * FROM quiz_answers WHERE session_id = ? ORDER BY idx, answered_at", sessionId).map(
        toAnswer,
      ),
    chatAnswers: (messenger, chatId) =>
      all(`${JOINED} WHERE s.messenger = ? AND s.chat_id = ? ORDER BY a.answered_at`, messenger, chatId).map(
        toAnswerWithSession,
      ),
    userAnswers: (messenger, userId) =>
      all(`${JOINED} WHERE s.messenger = ? AND a.user_id = ? ORDER BY a.answered_at`, messenger, userId).map(
        toAnswerWithSession,
      ),
  };
}
