/**
 * The delivery ledger on SQLite. Each state change is a single conditional statement (INSERT …
 * ON CONFLICT DO NOTHING, UPDATE … WHERE state = … RETURNING), which SQLite runs under the write
 * lock from its first step: of two dispatchers racing for a key, one changes the row, the other
 * changes nothing and is told so.
 */
import type Database from "better-sqlite3";
import { z } from "zod";
import type { Delivery, DeliveryKind, DeliveryState, DeliveryStore, DeliveryTarget } from "./types.js";

const STATES = ["claimed", "sent", "retry", "uncertain", "permanent", "skipped"] as const;
const KINDS = ["reminder", "escalation", "digest", "extension-request", "extension-granted"] as const;

// Rows read back are validated: a hand-edited or half-migrated database fails loudly, not subtly.
const Row = z.object({
  key: z.string(),
  kind: z.enum(KINDS),
  deadline_id: z.string().nullable(),
  unit_id: z.string().nullable(),
  occurrence: z.string().nullable(),
  step: z.string().nullable(),
  messenger: z.string(),
  chat_id: z.string(),
  thread_id: z.string(),
  planned_at: z.string(),
  state: z.enum(STATES),
  owner: z.string().nullable(),
  claimed_at: z.string().nullable(),
  attempts: z.number().int(),
  recovered: z.number().int(),
  next_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  message_ids: z.string().nullable(),
  error: z.string().nullable(),
  updated_at: z.string(),
});

function decode(raw: unknown): Delivery {
  const r = Row.parse(raw);
  return {
    key: r.key,
    kind: r.kind satisfies DeliveryKind,
    deadlineId: r.deadline_id,
    unitId: r.unit_id,
    occurrence: r.occurrence,
    step: r.step,
    messenger: r.messenger,
    chatId: r.chat_id,
    ...(r.thread_id ? { threadId: r.thread_id } : {}),
    plannedAt: r.planned_at,
    state: r.state,
    owner: r.owner,
    claimedAt: r.claimed_at,
    attempts: r.attempts,
    recovered: r.recovered,
    nextAt: r.next_at,
    sentAt: r.sent_at,
    messageIds: z.array(z.string()).parse(JSON.parse(r.message_ids ?? "[]")),
    error: r.error,
    updatedAt: r.updated_at,
  };
}

const INSERT = `INSERT INTO deliveries (key, kind, deadline_id, unit_id, occurrence, step, messenger, chat_id,
  thread_id, planned_at, state, owner, claimed_at, attempts, error, updated_at)
  VALUES (@key, @kind, @deadlineId, @unitId, @occurrence, @step, @messenger, @chatId, @threadId, @plannedAt,
  @state, @owner, @claimedAt, @attempts, @error, @at)
  ON CONFLICT (key) DO NOTHING`;

const RECLAIM = `UPDATE deliveries SET state = 'claimed', owner = @owner, claimed_at = @at, next_at = NULL,
  attempts = attempts + 1, updated_at = @at,
  recovered = recovered + (CASE WHEN state = 'claimed' THEN 1 ELSE 0 END)
  WHERE key = @key AND (
    (state = 'retry' AND next_at <= @at) OR
    (state = 'claimed' AND @before IS NOT NULL AND claimed_at < @before))
  RETURNING *`;

const RECORD = `UPDATE deliveries SET state = @state, next_at = @nextAt, error = @error, updated_at = @at,
  sent_at = CASE WHEN @state = 'sent' THEN @at ELSE sent_at END,
  message_ids = CASE WHEN @state = 'sent' THEN @messageIds ELSE message_ids END
  WHERE key = @key AND state = 'claimed' AND owner = @owner AND attempts = @attempts`;

/** The SQLite `DeliveryStore` on an open, migrated database. */
export function sqliteDeliveries(db: Database.Database): DeliveryStore {
  const insert = db.prepare(INSERT);
  const reclaim = db.prepare(RECLAIM);
  const record = db.prepare(RECORD);
  const byKey = db.prepare("SELECT * FROM deliveries WHERE key = ?");
  const keysOf = db.prepare("SELECT key FROM deliveries WHERE deadline_id = ? AND occurrence >= ?").pluck();
  // A range on the primary key, so the lookup uses its index ("\uffff" sorts after any key character).
  const keysPrefix = db
    .prepare("SELECT key FROM deliveries WHERE key >= @p AND key < @p || char(65535)")
    .pluck();
  const retries = db.prepare(
    "SELECT * FROM deliveries WHERE state = 'retry' AND next_at <= ? ORDER BY next_at",
  );
  const abandoned = db.prepare(
    "SELECT * FROM deliveries WHERE state = 'claimed' AND claimed_at < ? ORDER BY key",
  );
  const list = db.prepare(`SELECT * FROM deliveries WHERE (@state IS NULL OR state = @state)
    AND (@deadlineId IS NULL OR deadline_id = @deadlineId) ORDER BY key`);
  const counts = db.prepare("SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state");
  const row = (t: DeliveryTarget) => ({ ...t, threadId: t.threadId ?? "" });
  return {
    claim: (t, owner, at) =>
      insert.run({ ...row(t), state: "claimed", owner, claimedAt: at, attempts: 1, error: null, at })
        .changes === 1,
    skip: (t, reason, at) =>
      insert.run({
        ...row(t),
        state: "skipped",
        owner: null,
        claimedAt: null,
        attempts: 0,
        error: reason,
        at,
      }).changes === 1,
    reclaim(key, owner, at, before) {
      const r = reclaim.get({ key, owner, at, before: before ?? null });
      return r ? decode(r) : null;
    },
    record(key, owner, attempts, outcome, at) {
      const result = record.run({
        key,
        owner,
        attempts,
        at,
        state: outcome.state,
        nextAt: outcome.state === "retry" ? outcome.nextAt : null,
        error: outcome.state === "sent" ? null : outcome.error,
        messageIds: outcome.state === "sent" ? JSON.stringify(outcome.messageIds) : null,
      });
      return result.changes === 1;
    },
    get(key) {
      const r = byKey.get(key);
      return r ? decode(r) : null;
    },
    keysOf: (deadlineId, from) => new Set(keysOf.all(deadlineId, from) as string[]),
    keysWithPrefix: (p) => new Set(keysPrefix.all({ p }) as string[]),
    dueRetries: (at) => retries.all(at).map(decode),
    abandoned: (before) => abandoned.all(before).map(decode),
    list: (filter = {}) =>
      list.all({ state: filter.state ?? null, deadlineId: filter.deadlineId ?? null }).map(decode),
    counts() {
      const out = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
      for (const r of counts.all() as { state: DeliveryState; n: number }[]) out[r.state] = r.n;
      return out;
    },
  };
}
