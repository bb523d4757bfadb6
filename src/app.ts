import path from "node:path";
import { quizFeature } from "./chat/features/quiz.js";
import { ChatCore, type ChatOptions, FEATURES, type MessengerName, type Outbox } from "./chat/index.js";
import type { Config } from "./config/index.js";
import type { Engine } from "./engine.js";
import { createQuizRunner, type QuizRunner, systemQuizClock, trainersFrom } from "./quiz/index.js";
import { SqliteAnswerLog } from "./store/answer-log.js";
import { openDatabase, type SqliteDatabase } from "./store/database.js";
import { createSqliteQuizStore } from "./store/quiz-sqlite.js";

/**
 * The composition root: one database under the data folder, the chat core with every feature
 * mounted, and the capabilities that send on their own (quizzes) wired to the outboxes of the
 * messengers that `main.ts` starts. `cli.ts` builds one per command that chats.
 */
export interface App {
  db: SqliteDatabase;
  chat: ChatCore;
  quiz: QuizRunner;
  /** Filled by the caller as messengers start; capabilities send through it. */
  outboxes: Map<MessengerName, Outbox>;
  /** Picks up what a previous run left (a quiz in progress). Call once messengers are started. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** The database file inside the data folder. */
export const DATABASE_NAME = "cadre.db";

export function openApp(config: Config, engine: Engine, options: ChatOptions = {}): App {
  const { db } = openDatabase(path.join(config.dataDir, DATABASE_NAME));
  const outboxes = new Map<MessengerName, Outbox>();
  const quiz = createQuizRunner({
    store: createSqliteQuizStore(db),
    outboxes,
    clock: systemQuizClock,
    isTrainer: trainersFrom(config.env.BOT_TRAINERS),
    log: options.log,
  });
  // The quiz takes its answers (votes, clicks, typed numbers) before free questions reach `ask`.
  const features = [...FEATURES];
  features.splice(
    features.findIndex((f) => f.name === "ask"),
    0,
    quizFeature(quiz),
  );
  const chat = new ChatCore(
    { index: engine.index, answerer: engine.answerer, answers: new SqliteAnswerLog(db) },
    features,
    options,
  );
  return {
    db,
    chat,
    quiz,
    outboxes,
    async resume() {
      await quiz.resume();
    },
    async close() {
      await quiz.shutdown();
      db.close();
    },
  };
}
