/**
 * The in-memory twin of the SQLite store: same contract (the same test suite runs on both), no
 * file. For fast tests and quick local runs. Records are copied in and out, as a database would.
 * `transaction` just runs the function: a synchronous function cannot interleave with anything
 * else in the process; it does not roll back on a throw.
 */
import type {
  ChatRef,
  DeadlineRecord,
  Delivery,
  DeliveryState,
  DeliveryStore,
  StatusRecord,
  Store,
  Subscription,
  UnitRecord,
} from "./types.js";

const copy = <T>(value: T): T => structuredClone(value);
// Binary string order, as SQLite's default collation (localeCompare would not match it).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const subKey = (unitId: string, c: ChatRef) =>
  JSON.stringify([unitId, c.messenger, c.chatId, c.threadId ?? ""]);
const statusKey = (deadlineId: string, occurrence: string, unitId: string) =>
  JSON.stringify([deadlineId, occurrence, unitId]);

function memoryDeliveries(): DeliveryStore {
  const rows = new Map<string, Delivery>();
  const byKey = (a: Delivery, b: Delivery) => cmp(a.key, b.key);
  const where = (keep: (d: Delivery) => boolean) => [...rows.values()].filter(keep);
  const insert = (d: Delivery): boolean => {
    if (rows.has(d.key)) return false;
    rows.set(d.key, copy(d));
    return true;
  };
  const blank = { messageIds: [], nextAt: null, sentAt: null, recovered: 0 };
  return {
    claim: (target, owner, at) =>
      insert({
        ...copy(target),
        ...blank,
        state: "claimed",
        owner,
        claimedAt: at,
        attempts: 1,
        error: null,
        updatedAt: at,
      }),
    skip: (target, reason, at) =>
      insert({
        ...copy(target),
        ...blank,
        state: "skipped",
        owner: null,
        claimedAt: null,
        attempts: 0,
        error: reason,
        updatedAt: at,
      }),
    reclaim(key, owner, at, abandonedBefore) {
      const row = rows.get(key);
      if (!row) return null;
      const dueRetry = row.state === "retry" && row.nextAt !== null && row.nextAt <= at;
      const abandoned =
        abandonedBefore !== undefined &&
        row.state === "claimed" &&
        row.claimedAt !== null &&
        row.claimedAt < abandonedBefore;
      if (!dueRetry && !abandoned) return null;
      Object.assign(row, { state: "claimed", owner, claimedAt: at, nextAt: null, updatedAt: at });
      row.attempts += 1;
      if (abandoned) row.recovered += 1;
      return copy(row);
    },
    record(key, owner, attempts, outcome, at) {
      const row = rows.get(key);
      if (row?.state !== "claimed" || row.owner !== owner || row.attempts !== attempts) return false;
      row.state = outcome.state;
      row.updatedAt = at;
      row.nextAt = outcome.state === "retry" ? outcome.nextAt : null;
      row.error = outcome.state === "sent" ? null : outcome.error;
      if (outcome.state === "sent") {
        row.sentAt = at;
        row.messageIds = [...outcome.messageIds];
      }
      return true;
    },
    get: (key) => copy(rows.get(key) ?? null),
    keysOf: (deadlineId, from) =>
      new Set(
        where((d) => d.deadlineId === deadlineId && d.occurrence !== null && d.occurrence >= from).map(
          (d) => d.key,
        ),
      ),
    keysWithPrefix: (prefix) => new Set([...rows.keys()].filter((k) => k.startsWith(prefix))),
    dueRetries: (at) =>
      copy(
        where((d) => d.state === "retry" && d.nextAt !== null && d.nextAt <= at).sort((a, b) =>
          cmp(a.nextAt ?? "", b.nextAt ?? ""),
        ),
      ),
    abandoned: (before) =>
      copy(where((d) => d.state === "claimed" && d.claimedAt !== null && d.claimedAt < before).sort(byKey)),
    list: (filter = {}) =>
      copy(
        where(
          (d) =>
            (filter.state === undefined || d.state === filter.state) &&
            (filter.deadlineId === undefined || d.deadlineId === filter.deadlineId),
        ).sort(byKey),
      ),
    counts() {
      const out: Record<DeliveryState, number> = {
        claimed: 0,
        sent: 0,
        retry: 0,
        uncertain: 0,
        permanent: 0,
        skipped: 0,
      };
      for (const d of rows.values()) out[d.state] += 1;
      return out;
    },
  };
}

/** A store kept in memory; everything is lost when the process ends. */
export function createMemoryStore(): Store {
  const units = new Map<string, UnitRecord>();
  const subs = new Map<string, Subscription & { at: string }>();
  const deadlines = new Map<string, DeadlineRecord>();
  const statuses = new Map<string, StatusRecord>();
  const strip = ({ at: _at, ...sub }: Subscription & { at: string }): Subscription => copy(sub);
  const subsSorted = () => [...subs.values()].sort((a, b) => cmp(a.at, b.at));
  return {
    units: {
      put: (unit) => void units.set(unit.id, copy(unit)),
      get: (id) => copy(units.get(id) ?? null),
      list: () => copy([...units.values()].sort((a, b) => cmp(a.id, b.id))),
      remove(id) {
        for (const [k, s] of subs) if (s.unitId === id) subs.delete(k);
        return units.delete(id);
      },
    },
    subscriptions: {
      add(sub, at) {
        const key = subKey(sub.unitId, sub);
        if (subs.has(key)) return false;
        if (!units.has(sub.unitId)) throw new Error(`no unit ${sub.unitId}`);
        subs.set(key, { ...copy(sub), at });
        return true;
      },
      remove: (unitId, chat) => subs.delete(subKey(unitId, chat)),
      ofUnit: (unitId) =>
        subsSorted()
          .filter((s) => s.unitId === unitId)
          .map(strip),
      ofChat: (messenger, chatId) =>
        subsSorted()
          .filter((s) => s.messenger === messenger && s.chatId === chatId)
          .map(strip),
      list: () => subsSorted().map(strip),
    },
    deadlines: {
      put: (d) => void deadlines.set(d.id, copy(d)),
      get: (id) => copy(deadlines.get(id) ?? null),
      list: (filter = {}) =>
        copy(
          [...deadlines.values()]
            .filter((d) => filter.active === undefined || d.active === filter.active)
            .sort((a, b) => cmp(a.id, b.id)),
        ),
    },
    statuses: {
      put: (s) => void statuses.set(statusKey(s.deadlineId, s.occurrence, s.unitId), copy(s)),
      get: (d, o, u) => copy(statuses.get(statusKey(d, o, u)) ?? null),
      list: (filter = {}) =>
        copy(
          [...statuses.values()]
            .filter(
              (s) =>
                (filter.deadlineId === undefined || s.deadlineId === filter.deadlineId) &&
                (filter.from === undefined || s.occurrence >= filter.from),
            )
            .sort(
              (a, b) =>
                cmp(a.deadlineId, b.deadlineId) || cmp(a.occurrence, b.occurrence) || cmp(a.unitId, b.unitId),
            ),
        ),
    },
    deliveries: memoryDeliveries(),
    transaction: (fn) => fn(),
    close: () => {},
  };
}
