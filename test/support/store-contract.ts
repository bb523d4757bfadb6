/**
 * The store contract as a test suite: `storeContract(name, open)` runs the same cases against any
 * implementation (`createMemoryStore`, `createSqliteStore`), so the in-memory twin cannot drift.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryTarget, Store } from "../../src/store/index.js";
import { aDeadline, aUnit } from "./reminders.js";

const T0 = "2025-03-20T01:00:00.000Z";
const later = (min: number) => new Date(Date.parse(T0) + min * 60_000).toISOString();

function aTarget(overrides: Partial<DeliveryTarget> = {}): DeliveryTarget {
  return {
    key: "r|bc|2025-03-20|snv|due|telegram:1",
    kind: "reminder",
    deadlineId: "bc",
    unitId: "snv",
    occurrence: "2025-03-20",
    step: "due",
    messenger: "telegram",
    chatId: "1",
    plannedAt: T0,
    ...overrides,
  };
}

/** Runs the contract cases against stores made by `open` (a fresh, empty store per case). */
export function storeContract(name: string, open: () => Store): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    afterEach(() => store?.close());
    const fresh = () => {
      store = open();
      return store;
    };

    it("keeps units, and removing one removes its chats", () => {
      const s = fresh();
      s.units.put(aUnit({ id: "b", aliases: ["SNV"] }));
      s.units.put(aUnit({ id: "a", name: "Ban Dân vận", parentId: "b", lang: "en" }));
      s.units.put(aUnit({ id: "b", name: "Sở Nội vụ tỉnh", aliases: ["SNV"] }));
      expect(s.units.list().map((u) => [u.id, u.name])).toEqual([
        ["a", "Ban Dân vận"],
        ["b", "Sở Nội vụ tỉnh"],
      ]);
      expect(s.units.get("a")).toEqual(aUnit({ id: "a", name: "Ban Dân vận", parentId: "b", lang: "en" }));
      expect(s.units.get("zz")).toBeNull();
      s.subscriptions.add({ unitId: "b", messenger: "slack", chatId: "C1", source: "chat" }, T0);
      expect(s.units.remove("b")).toBe(true);
      expect(s.units.remove("b")).toBe(false);
      expect(s.subscriptions.list()).toEqual([]);
    });

    it("links chats to units once, oldest first, threads apart, and unlinks them", () => {
      const s = fresh();
      s.units.put(aUnit({ id: "a" }));
      s.units.put(aUnit({ id: "b" }));
      expect(
        s.subscriptions.add({ unitId: "a", messenger: "telegram", chatId: "-100", source: "yaml" }, later(1)),
      ).toBe(true);
      expect(
        s.subscriptions.add({ unitId: "a", messenger: "telegram", chatId: "-100", source: "chat" }, later(2)),
      ).toBe(false);
      s.subscriptions.add(
        { unitId: "a", messenger: "slack", chatId: "C1", threadId: "17.1", source: "chat" },
        later(0),
      );
      s.subscriptions.add({ unitId: "b", messenger: "telegram", chatId: "-100", source: "chat" }, later(3));
      expect(s.subscriptions.ofUnit("a")).toEqual([
        { unitId: "a", messenger: "slack", chatId: "C1", threadId: "17.1", source: "chat" },
        { unitId: "a", messenger: "telegram", chatId: "-100", source: "yaml" },
      ]);
      expect(s.subscriptions.ofChat("telegram", "-100").map((x) => x.unitId)).toEqual(["a", "b"]);
      expect(s.subscriptions.remove("a", { messenger: "slack", chatId: "C1" })).toBe(false); // the thread is another place
      expect(s.subscriptions.remove("a", { messenger: "slack", chatId: "C1", threadId: "17.1" })).toBe(true);
      expect(s.subscriptions.ofUnit("a")).toHaveLength(1);
      expect(() =>
        s.subscriptions.add({ unitId: "nobody", messenger: "slack", chatId: "C", source: "chat" }, T0),
      ).toThrow();
    });

    it("stores deadlines with their rule and plan, and filters the active ones", () => {
      const s = fresh();
      const q = aDeadline({
        id: "q",
        rule: { kind: "quarterly", day: 20, month: "last" },
        startsOn: "2025-01-01",
      });
      s.deadlines.put(q);
      s.deadlines.put(aDeadline({ id: "old", active: false }));
      expect(s.deadlines.get("q")).toEqual(q);
      expect(s.deadlines.list().map((d) => d.id)).toEqual(["old", "q"]);
      expect(s.deadlines.list({ active: true }).map((d) => d.id)).toEqual(["q"]);
      s.deadlines.put({ ...q, title: "changed", plan: { ...q.plan, overdueCount: 1 } });
      expect(s.deadlines.get("q")?.plan.overdueCount).toBe(1);
      expect(s.deadlines.get("none")).toBeNull();
    });

    it("keeps one status per (deadline, occurrence, unit)", () => {
      const s = fresh();
      const base = {
        deadlineId: "d",
        occurrence: "2025-03-20",
        unitId: "u",
        reportedAt: null,
        reportedBy: null,
        extensionRequestedAt: null,
        extensionRequestedBy: null,
        extensionReason: null,
        extendedDue: null,
        extensionGrantedAt: null,
        extensionGrantedBy: null,
      };
      s.statuses.put(base);
      s.statuses.put({ ...base, reportedAt: T0, reportedBy: "telegram:42" });
      s.statuses.put({ ...base, occurrence: "2025-02-20" });
      s.statuses.put({ ...base, deadlineId: "e" });
      expect(s.statuses.get("d", "2025-03-20", "u")?.reportedBy).toBe("telegram:42");
      expect(s.statuses.get("d", "2025-04-20", "u")).toBeNull();
      expect(s.statuses.list({ deadlineId: "d" }).map((x) => x.occurrence)).toEqual([
        "2025-02-20",
        "2025-03-20",
      ]);
      expect(s.statuses.list({ deadlineId: "d", from: "2025-03-01" })).toHaveLength(1);
      expect(s.statuses.list()).toHaveLength(3);
    });

    it("lets exactly one claim of a key succeed, and records only the holder's outcome", () => {
      const s = fresh();
      expect(s.deliveries.claim(aTarget(), "A", T0)).toBe(true);
      expect(s.deliveries.claim(aTarget(), "B", T0)).toBe(false);
      expect(s.deliveries.skip(aTarget(), "late", T0)).toBe(false);
      expect(s.deliveries.record(aTarget().key, "B", 1, { state: "sent", messageIds: ["9"] }, later(1))).toBe(
        false,
      );
      expect(s.deliveries.record(aTarget().key, "A", 2, { state: "sent", messageIds: ["9"] }, later(1))).toBe(
        false,
      );
      expect(s.deliveries.record(aTarget().key, "A", 1, { state: "sent", messageIds: ["9"] }, later(1))).toBe(
        true,
      );
      expect(s.deliveries.record(aTarget().key, "A", 1, { state: "sent", messageIds: ["9"] }, later(1))).toBe(
        false,
      );
      expect(s.deliveries.get(aTarget().key)).toMatchObject({
        state: "sent",
        owner: "A",
        attempts: 1,
        sentAt: later(1),
        messageIds: ["9"],
        error: null,
      });
    });

    it("reclaims a retry only once it is due, and only for one dispatcher", () => {
      const s = fresh();
      const key = aTarget().key;
      s.deliveries.claim(aTarget(), "A", T0);
      s.deliveries.record(key, "A", 1, { state: "retry", nextAt: later(10), error: "429" }, T0);
      expect(s.deliveries.dueRetries(later(9))).toEqual([]);
      expect(s.deliveries.reclaim(key, "B", later(9))).toBeNull();
      expect(s.deliveries.dueRetries(later(10)).map((d) => d.key)).toEqual([key]);
      expect(s.deliveries.reclaim(key, "B", later(10))).toMatchObject({
        state: "claimed",
        owner: "B",
        attempts: 2,
        recovered: 0,
        nextAt: null,
      });
      expect(s.deliveries.reclaim(key, "C", later(11))).toBeNull();
      expect(s.deliveries.record(key, "B", 2, { state: "permanent", error: "kicked" }, later(11))).toBe(true);
      expect(s.deliveries.get(key)).toMatchObject({ state: "permanent", error: "kicked" });
    });

    it("hands an abandoned claim to one new holder and counts the recovery", () => {
      const s = fresh();
      const key = aTarget().key;
      s.deliveries.claim(aTarget(), "dead", T0);
      expect(s.deliveries.abandoned(T0)).toEqual([]);
      expect(s.deliveries.abandoned(later(5)).map((d) => d.key)).toEqual([key]);
      expect(s.deliveries.reclaim(key, "B", later(6))).toBeNull(); // no lease given: not taken
      expect(s.deliveries.reclaim(key, "B", later(6), T0)).toBeNull(); // claimed at T0, not before it
      expect(s.deliveries.reclaim(key, "B", later(6), later(5))).toMatchObject({
        owner: "B",
        attempts: 2,
        recovered: 1,
        claimedAt: later(6),
      });
      expect(s.deliveries.reclaim(key, "C", later(6), later(5))).toBeNull();
      expect(s.deliveries.record(key, "dead", 1, { state: "sent", messageIds: [] }, later(7))).toBe(false);
    });

    it("lists keys, rows and counts", () => {
      const s = fresh();
      s.deliveries.claim(aTarget(), "A", T0);
      s.deliveries.skip(aTarget({ key: "k2", occurrence: "2025-02-20" }), "superseded", T0);
      s.deliveries.claim(
        aTarget({
          key: "w|btv|2025-03-17|telegram:1",
          kind: "digest",
          deadlineId: null,
          occurrence: "2025-03-17",
        }),
        "A",
        T0,
      );
      expect([...s.deliveries.keysOf("bc", "2025-03-01")]).toEqual([aTarget().key]);
      expect(s.deliveries.keysOf("bc", "2025-01-01").size).toBe(2);
      expect([...s.deliveries.keysWithPrefix("w|btv|2025-03-17|")]).toEqual(["w|btv|2025-03-17|telegram:1"]);
      expect(s.deliveries.get("k2")).toMatchObject({
        state: "skipped",
        error: "superseded",
        attempts: 0,
        owner: null,
      });
      expect(
        s.deliveries
          .list({ state: "claimed" })
          .map((d) => d.kind)
          .sort(),
      ).toEqual(["digest", "reminder"]);
      expect(s.deliveries.list({ deadlineId: "bc" })).toHaveLength(2);
      expect(s.deliveries.counts()).toEqual({
        claimed: 2,
        sent: 0,
        retry: 0,
        uncertain: 0,
        permanent: 0,
        skipped: 1,
      });
      expect(s.deliveries.get("none")).toBeNull();
    });

    it("runs a transaction's function and returns its value", () => {
      const s = fresh();
      const value = s.transaction(() => {
        s.units.put(aUnit({ id: "t" }));
        return s.units.list().length;
      });
      expect(value).toBe(1);
    });
  });
}
