import { existsSync } from "node:fs";
import path from "node:path";
import { deadlinesFeature } from "./chat/features/deadlines.js";
import { quizFeature } from "./chat/features/quiz.js";
import { remindersFeature } from "./chat/features/reminders.js";
import { reminderAnswersFeature } from "./chat/features/reminders-answers.js";
import { ChatCore, type ChatOptions, FEATURES, type MessengerName, type Outbox } from "./chat/index.js";
import { type Config, userIds } from "./config/index.js";
import type { Engine } from "./engine.js";
import { t } from "./i18n/index.js";
import {
  BANKS_FOLDER,
  createQuizRunner,
  loadBanks,
  type QuizClock,
  type QuizRunner,
  systemQuizClock,
  trainersFrom,
} from "./quiz/index.js";
import {
  applyReminderConfig,
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  loadReminderConfig,
} from "./reminders/index.js";
import { SqliteAnswerLog } from "./store/answer-log.js";
import { openDatabase, type SqliteDatabase } from "./store/database.js";
import { createSqliteStore, type Store } from "./store/index.js";
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
  /** Units, deadlines, answers and the delivery ledger (same database). */
  reminders: Store;
  /** Sends reminders through `outboxes`; `npm start` calls `run()`, `close()` stops it. */
  dispatcher: Dispatcher;
  /** Filled by the caller as messengers start; capabilities send through it. */
  outboxes: Map<MessengerName, Outbox>;
  /** Picks up what a previous run left (a quiz in progress). Call once messengers are started. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** The database file inside the data folder. */
export const DATABASE_NAME = "cadre.db";

/** What `openApp` takes beyond the chat options. */
export interface AppOptions extends ChatOptions {
  /** The folder of units.yaml and deadlines.yaml (`--config`); default ./config when it exists. */
  configDir?: string;
  /** Overrides for the dispatcher (tests: a short interval, no digest). */
  dispatcher?: Partial<Omit<DispatcherOptions, "store" | "outboxes" | "clock">>;
  /** The quiz timers' clock (tests move it); default the wall clock. */
  quizClock?: QuizClock;
}

/**
 * Opens the database, syncs the reminder config files into it (a `ReminderConfigError` names each
 * bad line), and builds the chat core with every feature mounted, reminders before `ask`.
 */
export function openApp(config: Config, engine: Engine, options: AppOptions = {}): App {
  const { db } = openDatabase(path.join(config.dataDir, DATABASE_NAME));
  const outboxes = new Map<MessengerName, Outbox>();
  const now = options.now ?? (() => new Date());
  const reminders = createSqliteStore(db);
  const configDir = options.configDir ?? (existsSync("config") ? "config" : undefined);
  try {
    if (configDir)
      applyReminderConfig(reminders, loadReminderConfig(configDir, reminders.units.list()), now());
  } catch (error) {
    db.close();
    throw error;
  }
  const log = options.log;
  const alerted = new Set<string>();
  const dispatcher = createDispatcher({
    store: reminders,
    outboxes,
    clock: now,
    ...(log
      ? {
          log: {
            info: () => {},
            warn: (m, d) => log(`reminders: ${m} ${JSON.stringify(d ?? {})}`),
            error: (m, d) => log(`reminders: ${m} ${JSON.stringify(d ?? {})}`),
          },
        }
      : {}),
    // A chat the bot can no longer reach (removed from the group): its admins hear of it, once per chat.
    onPermanent: (d) => {
      const chat = `${d.messenger}:${d.chatId}`;
      if (alerted.has(chat)) return;
      alerted.add(chat);
      const unit = (d.unitId && reminders.units.get(d.unitId)?.name) || d.unitId || "?";
      const text = t("vi", "reminders.adminAlert", {
        unit,
        messenger: d.messenger,
        chat: d.chatId,
        error: d.error ?? "",
      });
      for (const admin of adminIds(config.env.BOT_ADMINS)) {
        const outbox = outboxes.get(admin.messenger);
        outbox
          ?.send({ messenger: admin.messenger, chatId: admin.userId }, { text })
          .catch((error: unknown) => {
            log?.(
              `reminders: could not alert admin ${admin.messenger}:${admin.userId}: ${(error as Error).message}`,
            );
          });
      }
      log?.(`reminders: ${chat} cannot be reached: ${d.error ?? ""}`);
    },
    ...options.dispatcher,
  });
  const reminderOptions = { store: reminders, admins: config.env.BOT_ADMINS };
  const quiz = createQuizRunner({
    store: createSqliteQuizStore(db),
    outboxes,
    clock: options.quizClock ?? systemQuizClock,
    isTrainer: trainersFrom(config.env.BOT_TRAINERS),
    log: options.log,
  });
  // The quiz takes its answers (votes, clicks, typed numbers) before free questions reach `ask`.
  const features = [...FEATURES];
  features.splice(
    features.findIndex((f) => f.name === "ask"),
    0,
    quizFeature(quiz, () =>
      loadBanks(path.join(config.dataDir, BANKS_FOLDER), engine.index.documents, options.log),
    ),
    reminderAnswersFeature(reminderOptions),
    remindersFeature(reminderOptions),
    deadlinesFeature(reminderOptions),
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
    reminders,
    dispatcher,
    outboxes,
    async resume() {
      await quiz.resume();
    },
    async close() {
      await dispatcher.stop();
      await quiz.shutdown();
      db.close();
    },
  };
}

/** BOT_ADMINS ("telegram:123 slack:U0ADMIN") as messenger and user id; a user's id is their private chat. */
function adminIds(list: string | undefined): { messenger: MessengerName; userId: string }[] {
  return userIds(list)
    .map((s) => s.match(/^(telegram|slack|zalo|web|console):(.+)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ messenger: m[1] as MessengerName, userId: m[2] ?? "" }));
}
