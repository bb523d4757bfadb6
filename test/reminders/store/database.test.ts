import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  DatabaseTooNewError,
  listMigrations,
  MIGRATIONS_DIR,
  openDatabase,
} from "../../../src/store/index.js";

const root = mkdtempSync(path.join(tmpdir(), "cadre-db-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (name = "cadre.db") => {
  n += 1;
  return path.join(root, `case-${n}`, name);
};

function migrationsDir(files: Record<string, string>): string {
  n += 1;
  const dir = path.join(root, `migrations-${n}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe("the database file", () => {
  it("is created with its folder, in WAL mode with a busy timeout, at the repository's latest schema", () => {
    const file = fresh();
    const { db, migrations } = openDatabase(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("busy_timeout", { simple: true })).toBe(10_000);
    const latest = listMigrations(MIGRATIONS_DIR).at(-1)?.version;
    expect(migrations).toMatchObject({ from: 0, to: latest });
    expect(migrations.applied[0]).toBe("001-reminders");
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        "deadlines",
        "deliveries",
        "schema_migrations",
        "statuses",
        "subscriptions",
        "units",
      ]),
    );
    db.close();
    const again = openDatabase(file);
    expect(again.migrations).toEqual({ from: latest, to: latest, applied: [] });
    again.db.close();
  });

  it("applies any NNN-name.sql files in number order, each recorded, and later ones on a later start", () => {
    const file = fresh();
    const first = migrationsDir({
      "002-b.sql": "ALTER TABLE a ADD COLUMN y TEXT;",
      "001-a.sql": "CREATE TABLE a (x INTEGER);",
      "notes.txt": "ignored",
    });
    const opened = openDatabase(file, { migrationsDir: first });
    expect(opened.migrations).toEqual({ from: 0, to: 2, applied: ["001-a", "002-b"] });
    opened.db.close();
    writeFileSync(path.join(first, "003-feedback.sql"), "CREATE TABLE feedback (id INTEGER PRIMARY KEY);");
    const { db, migrations } = openDatabase(file, { migrationsDir: first });
    expect(migrations).toEqual({ from: 2, to: 3, applied: ["003-feedback"] });
    expect(db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all()).toEqual([
      { version: 1, name: "001-a" },
      { version: 2, name: "002-b" },
      { version: 3, name: "003-feedback" },
    ]);
    db.close();
  });

  it("rolls a failing migration back whole and keeps the earlier ones", () => {
    const file = fresh();
    const dir = migrationsDir({
      "001-a.sql": "CREATE TABLE a (x INTEGER);",
      "002-bad.sql": "CREATE TABLE b (x INTEGER); SELECT * FROM nowhere;",
    });
    expect(() => openDatabase(file, { migrationsDir: dir })).toThrow(/nowhere/);
    const db = new Database(file);
    expect(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get()).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it("refuses, with a clear message, a file written by a newer cadre-bot", () => {
    const file = fresh();
    openDatabase(file).db.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (99, '099-future', '2030-01-01')").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/schema version 99.*upgrade cadre-bot/);
  });

  it("refuses a gap or a duplicate in the migration numbers", () => {
    expect(() => listMigrations(migrationsDir({ "001-a.sql": "", "003-c.sql": "" }))).toThrow(
      /003-c should be number 002/,
    );
    expect(() => listMigrations(migrationsDir({ "001-a.sql": "", "001-b.sql": "" }))).toThrow(
      /should be number 002/,
    );
  });
});
