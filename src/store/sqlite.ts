/**
 * The SQLite implementation of the store contract, on a database opened by `openDatabase`.
 * Rows read back are validated (rules and plans with the calendar's own schemas), so a damaged or
 * hand-edited row is reported where it is read, with its id.
 */
import type Database from "better-sqlite3";
import { z } from "zod";
import { PlanConfigSchema, RuleSchema } from "../reminders/calendar/index.js";
import { type OpenOptions, openDatabase } from "./database.js";
import type { MigrationReport } from "./migrate.js";
import { sqliteDeliveries } from "./sqlite-deliveries.js";
import type { DeadlineRecord, StatusRecord, Store, Subscription, UnitRecord } from "./types.js";

const Source = z.enum(["yaml", "chat"]);
const Strings = z.array(z.string());
const json = (text: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`unreadable JSON in ${what}`);
  }
};

const UnitRow = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.string(),
  parent_id: z.string().nullable(),
  lang: z.string().nullable(),
  source: Source,
});
const unitOf = (raw: unknown): UnitRecord => {
  const r = UnitRow.parse(raw);
  const aliases = Strings.parse(json(r.aliases, `units.aliases of ${r.id}`));
  return { id: r.id, name: r.name, aliases, parentId: r.parent_id, lang: r.lang, source: r.source };
};

const SubRow = z.object({
  unit_id: z.string(),
  messenger: z.string(),
  chat_id: z.string(),
  thread_id: z.string(),
  source: Source,
});
const subOf = (raw: unknown): Subscription => {
  const r = SubRow.parse(raw);
  const base = { unitId: r.unit_id, messenger: r.messenger, chatId: r.chat_id, source: r.source };
  return r.thread_id ? { ...base, threadId: r.thread_id } : base;
};

const DeadlineRow = z.object({
  id: z.string(),
  title: z.string(),
  doc_number: z.string().nullable(),
  task: z.number().int().nullable(),
  quote: z.string().nullable(),
  unit_ids: z.string(),
  recipient_id: z.string().nullable(),
  rule: z.string(),
  zone: z.string(),
  shift_to_working_day: z.number().int(),
  plan: z.string(),
  starts_on: z.string().nullable(),
  active: z.number().int(),
  source: Source,
});
const deadlineOf = (raw: unknown): DeadlineRecord => {
  const r = DeadlineRow.parse(raw);
  const where = `deadline ${r.id}`;
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    task: r.task,
    quote: r.quote,
    unitIds: Strings.parse(json(r.unit_ids, `${where}: unit_ids`)),
    recipientId: r.recipient_id,
    rule: RuleSchema.parse(json(r.rule, `${where}: rule`)),
    zone: r.zone,
    shiftToWorkingDay: r.shift_to_working_day === 1,
    plan: PlanConfigSchema.parse(json(r.plan, `${where}: plan`)),
    startsOn: r.starts_on,
    active: r.active === 1,
    source: r.source,
  };
};

const StatusRow = z.object({
  deadline_id: z.string(),
  occurrence: z.string(),
  unit_id: z.string(),
  reported_at: z.string().nullable(),
  reported_by: z.string().nullable(),
  extension_requested_at: z.string().nullable(),
  extension_requested_by: z.string().nullable(),
  extension_reason: z.string().nullable(),
  extended_due: z.string().nullable(),
  extension_granted_at: z.string().nullable(),
  extension_granted_by: z.string().nullable(),
});
const statusOf = (raw: unknown): StatusRecord => {
  const r = StatusRow.parse(raw);
  return {
    deadlineId: r.deadline_id,
    occurrence: r.occurrence,
    unitId: r.unit_id,
    reportedAt: r.reported_at,
    reportedBy: r.reported_by,
    extensionRequestedAt: r.extension_requested_at,
    extensionRequestedBy: r.extension_requested_by,
    extensionReason: r.extension_reason,
    extendedDue: r.extended_due,
    extensionGrantedAt: r.extension_granted_at,
    extensionGrantedBy: r.extension_granted_by,
  };
};

/** The store on an open, migrated database. `close()` closes the database too. */
export function createSqliteStore(db: Database.Database): Store {
  const statements = new Map<string, Database.Statement>();
  const q = (sql: string) => {
    const known = statements.get(sql);
    if (known) return known;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };
  const now = () => new Date().toISOString(); // bookkeeping column only; reminder logic never reads it
  const unitPut = q(`INSERT INTO units (id, name, aliases, parent_id, lang, source, updated_at)
    VALUES (@id, @name, @aliases, @parentId, @lang, @source, @at)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
    parent_id = excluded.parent_id, lang = excluded.lang, source = excluded.source, updated_at = excluded.updated_at`);
  const subAdd = q(`INSERT INTO subscriptions (unit_id, messenger, chat_id, thread_id, source, created_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const subDel = q(
    "DELETE FROM subscriptions WHERE unit_id = ? AND messenger = ? AND chat_id = ? AND thread_id = ?",
  );
  const deadlinePut =
    q(`INSERT INTO deadlines (id, title, doc_number, task, quote, unit_ids, recipient_id, rule,
    zone, shift_to_working_day, plan, starts_on, active, source, updated_at)
    VALUES (@id, @title, @docNumber, @task, @quote, @unitIds, @recipientId, @rule, @zone, @shift, @plan,
    @startsOn, @active, @source, @at)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, doc_number = excluded.doc_number, task = excluded.task,
    quote = excluded.quote, unit_ids = excluded.unit_ids, recipient_id = excluded.recipient_id, rule = excluded.rule,
    zone = excluded.zone, shift_to_working_day = excluded.shift_to_working_day, plan = excluded.plan, starts_on = excluded.starts_on,
    active = excluded.active, source = excluded.source, updated_at = excluded.updated_at`);
  const statusPut = q(`INSERT OR REPLACE INTO statuses VALUES (@deadlineId, @occurrence, @unitId, @reportedAt,
    @reportedBy, @extensionRequestedAt, @extensionRequestedBy, @extensionReason, @extendedDue,
    @extensionGrantedAt, @extensionGrantedBy)`);
  const subs = "SELECT * FROM subscriptions";
  const subsOrder = "ORDER BY created_at, rowid";
  return {
    units: {
      put: (u) =>
        void unitPut.run({ ...u, aliases: JSON.stringify(u.aliases), parentId: u.parentId, at: now() }),
      get: (id) => {
        const r = q("SELECT * FROM units WHERE id = ?").get(id);
        return r ? unitOf(r) : null;
      },
      list: () => q("SELECT * FROM units ORDER BY id").all().map(unitOf),
      remove: (id) => q("DELETE FROM units WHERE id = ?").run(id).changes === 1,
    },
    subscriptions: {
      add: (s, at) =>
        subAdd.run(s.unitId, s.messenger, s.chatId, s.threadId ?? "", s.source, at).changes === 1,
      remove: (unitId, c) => subDel.run(unitId, c.messenger, c.chatId, c.threadId ?? "").changes === 1,
      ofUnit: (unitId) => q(`${subs} WHERE unit_id = ? ${subsOrder}`).all(unitId).map(subOf),
      ofChat: (m, chatId) =>
        q(`${subs} WHERE messenger = ? AND chat_id = ? ${subsOrder}`).all(m, chatId).map(subOf),
      list: () => q(`${subs} ${subsOrder}`).all().map(subOf),
    },
    deadlines: {
      put: (d) =>
        void deadlinePut.run({
          ...d,
          unitIds: JSON.stringify(d.unitIds),
          rule: JSON.stringify(d.rule),
          plan: JSON.stringify(d.plan),
          shift: d.shiftToWorkingDay ? 1 : 0,
          active: d.active ? 1 : 0,
          at: now(),
        }),
      get: (id) => {
        const r = q("SELECT * FROM deadlines WHERE id = ?").get(id);
        return r ? deadlineOf(r) : null;
      },
      list: (filter = {}) =>
        q("SELECT * FROM deadlines WHERE (@active IS NULL OR active = @active) ORDER BY id")
          .all({ active: filter.active === undefined ? null : filter.active ? 1 : 0 })
          .map(deadlineOf),
    },
    statuses: {
      put: (s) => void statusPut.run(s),
      get: (d, o, u) => {
        const r = q("SELECT * FROM statuses WHERE deadline_id = ? AND occurrence = ? AND unit_id = ?").get(
          d,
          o,
          u,
        );
        return r ? statusOf(r) : null;
      },
      list: (filter = {}) =>
        q(`SELECT * FROM statuses WHERE (@d IS NULL OR deadline_id = @d) AND (@from IS NULL OR occurrence >= @from)
          ORDER BY deadline_id, occurrence, unit_id`)
          .all({ d: filter.deadlineId ?? null, from: filter.from ?? null })
          .map(statusOf),
    },
    deliveries: sqliteDeliveries(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}

/** The database file's name inside the data directory. */
export const DATABASE_FILE = "cadre.db";

/**
 * Opens (creating and migrating) the database file and returns the store on it: what `main` calls
 * with `path.join(dataDir, DATABASE_FILE)`. Throws `DatabaseTooNewError` for a newer file.
 */
export function openSqliteStore(
  file: string,
  options: OpenOptions = {},
): { store: Store; migrations: MigrationReport } {
  const { db, migrations } = openDatabase(file, options);
  return { store: createSqliteStore(db), migrations };
}
