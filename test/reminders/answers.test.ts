import { describe, expect, it } from "vitest";
import {
  addDeadline,
  addUnit,
  grantExtension,
  markReported,
  requestExtension,
  statusJsonLines,
  statusTable,
  subscribeChat,
  unsubscribeChat,
} from "../../src/reminders/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { dispatchScene } from "../support/dispatch-setup.js";

const MARCH = "2025-03-20";
const ref = (unitId: string, at: string) => ({
  deadlineId: "bc-thang",
  occurrence: MARCH,
  unitId,
  by: "telegram:7",
  at: new Date(at),
});

describe("units, chats and deadlines managed from chat", () => {
  it("adds a unit, links and unlinks a chat by alias without diacritics, and adds a deadline naming units by alias", () => {
    const store = createMemoryStore();
    const at = new Date("2025-03-01T00:00:00Z");
    expect(addUnit(store, { id: "btv", name: "Ban Thường vụ Tỉnh ủy", aliases: ["BTV"] }, at)).toMatchObject({
      ok: true,
    });
    expect(
      addUnit(store, { id: "ban-dan-van", name: "Ban Dân vận Tỉnh ủy", aliases: ["BDV"], parent: "btv" }, at),
    ).toMatchObject({ ok: true });
    expect(addUnit(store, { id: "x", name: "X", parent: "nope" }, at)).toMatchObject({
      ok: false,
      code: "no-such-unit",
      value: "nope",
    });
    expect(addUnit(store, { id: "Bad Id", name: "X" }, at)).toMatchObject({
      ok: false,
      code: "invalid-input",
    });
    const chat = { messenger: "telegram", chatId: "-1001" };
    expect(subscribeChat(store, "ban dan van tinh uy", chat, at)).toMatchObject({
      ok: true,
      added: true,
      unit: { id: "ban-dan-van" },
    });
    expect(subscribeChat(store, "bdv", chat, at)).toMatchObject({ ok: true, added: false });
    expect(subscribeChat(store, "Sở Y tế", chat, at)).toMatchObject({ ok: false, code: "no-such-unit" });
    const made = addDeadline(
      store,
      {
        id: "bc-quy",
        title: "Báo cáo quý",
        units: ["BDV"],
        recipient: "btv",
        rule: { kind: "quarterly", day: 20, month: "last" },
      },
      new Date("2025-03-01T17:30:00Z"),
    );
    expect(made).toMatchObject({
      ok: true,
      deadline: {
        unitIds: ["ban-dan-van"],
        recipientId: "btv",
        zone: "Asia/Ho_Chi_Minh",
        shiftToWorkingDay: true,
        plan: { daysBefore: [7, 3, 1] },
        startsOn: "2025-03-02", // 00:30 on 2/3 in Hanoi: last quarter's report is not chased
      },
    });
    expect(
      addDeadline(
        store,
        { id: "bc-2", title: "x", units: ["Sở Y tế"], rule: { kind: "monthly", day: 5 } },
        at,
      ),
    ).toMatchObject({ ok: false, code: "no-such-unit", value: "Sở Y tế" });
    expect(
      addDeadline(store, { id: "bc-3", title: "x", units: ["BDV"], rule: { kind: "monthly", day: 32 } }, at),
    ).toMatchObject({ ok: false, code: "invalid-input" });
    expect(unsubscribeChat(store, "BDV", chat)).toMatchObject({ ok: true, removed: true });
    expect(store.subscriptions.list()).toEqual([]);
  });
});

describe("a unit's answers", () => {
  it("counts a report after the due day as late, and refuses a second report or a wrong occurrence", () => {
    const { store } = dispatchScene();
    expect(markReported(store, ref("so-noi-vu", "2025-03-20T16:59:00Z"))).toMatchObject({
      ok: true,
      state: "on-time",
    }); // 23:59 Hanoi
    expect(markReported(store, ref("so-tai-chinh", "2025-03-20T17:00:00Z"))).toMatchObject({
      ok: true,
      state: "late",
    }); // 00:00 on 21/3
    expect(markReported(store, ref("so-noi-vu", "2025-03-21T00:00:00Z"))).toMatchObject({
      ok: false,
      code: "already-reported",
    });
    expect(
      markReported(store, { ...ref("so-noi-vu", "2025-03-21T00:00:00Z"), occurrence: "2025-03-21" }),
    ).toMatchObject({ ok: false, code: "no-such-occurrence" });
    expect(markReported(store, ref("btv", "2025-03-21T00:00:00Z"))).toMatchObject({
      ok: false,
      code: "not-owed",
    });
    expect(
      markReported(store, { ...ref("so-noi-vu", "2025-03-21T00:00:00Z"), deadlineId: "nope" }),
    ).toMatchObject({ ok: false, code: "no-such-deadline" });
  });

  it("sends an extension request to the supervising chat, and after approval restarts the unit's plan from the new date", async () => {
    const { store, clock, until, to } = dispatchScene();
    await until("2025-03-18T00:00:00Z");
    expect(
      requestExtension(store, { ...ref("so-noi-vu", "2025-03-18T00:00:00Z"), reason: "chờ số liệu" }),
    ).toEqual({ ok: true, due: MARCH });
    await until("2025-03-18T01:00:00Z");
    expect(to("btv").map((s) => s.reply.text)).toEqual([
      expect.stringContaining("/approve bc-thang.20250320:so-noi-vu DD/MM/YYYY"),
    ]);
    const pending = statusTable(store, clock.now(), { deadlineId: "bc-thang" }).find(
      (r) => r.occurrence === MARCH && r.unitId === "so-noi-vu",
    );
    expect(pending).toMatchObject({ state: "extension-requested", extensionReason: "chờ số liệu" });

    expect(
      grantExtension(store, { ...ref("so-noi-vu", "2025-03-18T01:00:00Z"), newDue: "2025-03-15" }),
    ).toMatchObject({ ok: false, code: "not-later" });
    expect(
      grantExtension(store, {
        ...ref("so-noi-vu", "2025-03-18T01:00:00Z"),
        newDue: "2025-03-31",
        by: "telegram:1",
      }),
    ).toEqual({ ok: true, due: "2025-03-31" });
    const before = to("so-noi-vu").length;
    await until("2025-04-01T00:00:00Z");
    const after = to("so-noi-vu").slice(before);
    expect(after[0]?.reply.text).toContain("Hạn mới: 31/03/2025");
    // The old plan's 19/3, 20/3 and overdue steps are gone; the new one: 24/3 (7 days), 28/3, 30/3, 31/3.
    expect(after.slice(1).map((s) => s.at.toISOString().slice(0, 10))).toEqual([
      "2025-03-24",
      "2025-03-28",
      "2025-03-30",
      "2025-03-31",
    ]);
    expect(to("so-tai-chinh").map((s) => s.at.toISOString().slice(0, 10))).toContain("2025-03-20");
    const row = statusTable(store, clock.now(), { deadlineId: "bc-thang" }).find(
      (r) => r.occurrence === MARCH && r.unitId === "so-noi-vu",
    );
    expect(row).toMatchObject({ state: "missing", due: "2025-03-31", daysOverdue: 1 });
  });
});

describe("the committee's view", () => {
  it("lists units × occurrences overdue first, and prints one JSON object per row", async () => {
    const { store } = dispatchScene();
    markReported(store, ref("so-noi-vu", "2025-03-19T03:00:00Z"));
    const now = new Date("2025-03-25T03:00:00Z");
    const rows = statusTable(store, now);
    expect(rows.map((r) => [r.occurrence, r.unitId, r.state])).toEqual([
      ["2025-03-20", "so-tai-chinh", "missing"],
      ["2025-04-20", "so-noi-vu", "pending"],
      ["2025-04-20", "so-tai-chinh", "pending"],
      ["2025-03-20", "so-noi-vu", "on-time"],
    ]);
    expect(rows[1]?.due).toBe("2025-04-18"); // Sunday 20/4 moves to Friday 18/4
    const lines = statusJsonLines(rows).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      deadlineId: "bc-thang",
      unitName: "Sở Tài chính",
      state: "missing",
      daysOverdue: 5,
      docNumber: "1470-CV/TU",
      task: 4,
    });
  });

  it("gets a weekly digest on Monday at 08:00 local, once, and none after a downtime past the grace window", async () => {
    const { store, clock, until, to } = dispatchScene({ digest: {} });
    markReported(store, ref("so-noi-vu", "2025-03-19T03:00:00Z"));
    clock.set("2025-03-23T20:00:00Z");
    await until("2025-03-24T06:00:00Z");
    const digests = to("btv");
    expect(digests.map((s) => s.at.toISOString())).toEqual(["2025-03-24T01:00:00.000Z"]); // Monday 08:00 in Hanoi
    expect(digests[0]?.reply.text).toContain("tuần từ 24/03/2025");
    expect(digests[0]?.reply.text).toContain("Sở Tài chính — chưa báo cáo, quá hạn 4 ngày");
    expect(digests[0]?.reply.text).not.toContain("Sở Nội vụ");
    clock.set("2025-03-31T14:00:00Z"); // 13 h after the next Monday's 08:00
    await until("2025-03-31T16:00:00Z");
    expect(to("btv")).toHaveLength(1);
  });
});
