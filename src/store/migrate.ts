/**
 * A generic migration runner: every `NNN-name.sql` file of a folder is one schema version, applied
 * in number order, each in its own transaction together with its row in `schema_migrations`. Any
 * capability adds its tables by adding the next numbered file; nothing here knows what they hold.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  file: string;
}

/** What a run did: the version found, the version reached, the migrations applied. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/** The database was written by a newer release; opening it with this one could corrupt it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database is at schema version ${found}, but this cadre-bot knows versions up to ${known}. ` +
        "It was written by a newer cadre-bot: upgrade cadre-bot, or point --data at another folder.",
    );
    this.name = "DatabaseTooNewError";
  }
}

const FILE = /^(\d{3,})-([a-z0-9][a-z0-9-]*)\.sql$/;

/** The migrations in `dir`, sorted; throws when two files claim the same number or a number is skipped. */
export function listMigrations(dir: string): Migration[] {
  const found: Migration[] = [];
  for (const entry of readdirSync(dir)) {
    const m = FILE.exec(entry);
    if (m)
      found.push({ version: Number(m[1]), name: entry.replace(/\.sql$/, ""), file: path.join(dir, entry) });
  }
  found.sort((a, b) => a.version - b.version);
  found.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`${dir}: migration ${m.name} should be number ${String(i + 1).padStart(3, "0")}`);
    }
  });
  return found;
}

/**
 * Applies the migrations of `dir` that `db` lacks. The check and every step run inside
 * `BEGIN IMMEDIATE`, so two processes starting together on one file migrate it once.
 */
export function applyMigrations(db: Database.Database, dir: string): MigrationReport {
  const migrations = listMigrations(dir);
  const known = migrations.at(-1)?.version ?? 0;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = () =>
    (db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null }).v ?? 0;
  const from = current();
  if (from > known) throw new DatabaseTooNewError(from, known);
  const applied: string[] = [];
  for (const m of migrations) {
    const step = db.transaction(() => {
      if (current() >= m.version) return; // another process got here first
      db.exec(readFileSync(m.file, "utf8"));
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      applied.push(m.name);
    });
    step.immediate();
  }
  return { from, to: Math.max(current(), from), applied };
}
