/**
 * The embedded SQLite database: one real file under the data directory, opened in WAL mode so
 * readers never block the writer, with a busy timeout so two processes sharing the file wait for
 * each other's write lock instead of failing, and `synchronous = FULL` so a committed claim survives
 * a power cut, not only a crash. The schema is versioned by the numbered SQL files in `migrations/`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { applyMigrations, type MigrationReport } from "./migrate.js";

/** The better-sqlite3 connection type, for code that runs its own SQL (other capabilities' stores). */
export type SqliteDatabase = Database.Database;

/** The folder of the repository's numbered migrations (`001-reminders.sql`, …). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

/** How to open: where the migrations are, and how long to wait for another process's write lock. */
export interface OpenOptions {
  migrationsDir?: string;
  busyTimeoutMs?: number;
}

/** An open database and what opening it changed. */
export interface OpenedDatabase {
  db: SqliteDatabase;
  migrations: MigrationReport;
}

/**
 * Opens (creating it and its folder when missing) the database file and brings its schema up to
 * date. Throws `DatabaseTooNewError` when the file was written by a newer cadre-bot. Use once per
 * process, in `main`; pass the result to `createSqliteStore`.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    const migrations = applyMigrations(db, options.migrationsDir ?? MIGRATIONS_DIR);
    return { db, migrations };
  } catch (error) {
    db.close();
    throw error;
  }
}
