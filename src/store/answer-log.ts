import type { AnswerLog, LoggedAnswer, Vote } from "../chat/answers.js";
import type { SqliteDatabase } from "./database.js";

/**
 * The chat core's answer log in SQLite (migration 002): answers survive a restart, so a "full
 * passage" or 👍/👎 pressed tomorrow still works, and feedback is kept with the question and its
 * citations for whoever improves the corpus.
 */
export class SqliteAnswerLog implements AnswerLog {
  constructor(private readonly db: SqliteDatabase) {}

  async record(a: Omit<LoggedAnswer, "id">): Promise<string> {
    const result = this.db
      .prepare(
        `INSERT INTO answers (messenger, chat_id, user_id, question, lang, found, citations, passages, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.messenger,
        a.chatId,
        a.userId,
        a.question,
        a.lang,
        a.found ? 1 : 0,
        JSON.stringify(a.citations),
        JSON.stringify(a.passages),
        a.at,
      );
    return Number(result.lastInsertRowid).toString(36);
  }

  async get(id: string): Promise<LoggedAnswer | null> {
    const row = this.db.prepare("SELECT * FROM answers WHERE id = ?").get(Number.parseInt(id, 36)) as
      | Row
      | undefined;
    if (!row) return null;
    return {
      id,
      messenger: row.messenger as LoggedAnswer["messenger"],
      chatId: row.chat_id,
      userId: row.user_id,
      question: row.question,
      lang: row.lang as LoggedAnswer["lang"],
      found: row.found === 1,
      citations: JSON.parse(row.citations),
      passages: JSON.parse(row.passages),
      at: row.at,
    };
  }

  async vote(id: string, userId: string, vote: Vote, at: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_id, vote, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
      )
      .run(Number.parseInt(id, 36), userId, vote, at);
  }

  /** Votes per answer, newest answers first (for reports). */
  feedback(): { question: string; up: number; down: number }[] {
    return this.db
      .prepare(
        `SELECT a.question, SUM(f.vote = 1) AS up, SUM(f.vote = -1) AS down
         FROM feedback f JOIN answers a ON a.id = f.answer_id GROUP BY a.id ORDER BY a.id DESC`,
      )
      .all() as { question: string; up: number; down: number }[];
  }
}

interface Row {
  messenger: string;
  chat_id: string;
  user_id: string;
  question: string;
  lang: string;
  found: number;
  citations: string;
  passages: string;
  at: string;
}
