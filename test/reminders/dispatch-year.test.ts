import { describe, expect, it } from "vitest";
import { occurrences, planReminders } from "../../src/reminders/calendar/index.js";
import { createDispatcher, parseReminderAction } from "../../src/reminders/index.js";
import { createMemoryStore, type DeadlineRecord } from "../../src/store/index.js";
import { aDeadline, aUnit, FakeClock, RecordingOutbox, seed } from "../support/reminders.js";

const HOUR = 3_600_000;

describe("a year of reminders with a fake clock ticking every hour", () => {
  it("sends every plan step of every unit and occurrence exactly once, on time, Tết included", async () => {
    const deadlines: DeadlineRecord[] = [
      aDeadline({ unitIds: ["so-noi-vu", "so-tai-chinh"], startsOn: "2025-01-01" }),
      aDeadline({
        id: "bc-quy",
        rule: { kind: "quarterly", day: 20, month: "last" },
        startsOn: "2025-01-01",
      }),
      aDeadline({
        id: "bc-6-thang",
        unitIds: ["so-tai-chinh"],
        rule: { kind: "once", date: "2025-06-15" },
        docNumber: null,
      }),
    ];
    const store = createMemoryStore();
    seed(store, [aUnit(), aUnit({ id: "so-tai-chinh", name: "Sở Tài chính" })], deadlines);
    const clock = new FakeClock("2025-01-01T00:00:00Z");
    const outbox = new RecordingOutbox("telegram", clock.now);
    const dispatcher = createDispatcher({
      store,
      outboxes: new Map([["telegram", outbox]]),
      clock: clock.now,
      digest: false,
    });
    const end = Date.parse("2026-01-01T00:00:00Z");
    while (clock.now().getTime() < end) {
      await dispatcher.tick();
      clock.advance(HOUR);
    }

    // Every (deadline, occurrence, unit, step) planned in 2025, by the calendar.
    const expected = new Map<string, number>();
    for (const d of deadlines) {
      for (const occ of occurrences(d.rule, "2025-01-01", "2025-12-31")) {
        for (const unit of d.unitIds) {
          for (const step of planReminders(occ.due)) {
            if (step.at.getTime() < end)
              expected.set(`${d.id}|${occ.nominal}|${unit}|${step.step}`, step.at.getTime());
          }
        }
      }
    }
    const rows = store.deliveries.list().filter((r) => r.kind === "reminder");
    const got = new Map(rows.map((r) => [`${r.deadlineId}|${r.occurrence}|${r.unitId}|${r.step}`, r]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(rows.every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);

    // Each ledger row is one outbox send (matched by message id), made in the hour the step was due.
    const reminderSends = outbox.sent.filter((s) => s.reply.buttons?.length === 2);
    expect(reminderSends).toHaveLength(expected.size);
    for (const row of rows) {
      const send = outbox.sent[Number(row.messageIds[0]) - 1];
      const due = expected.get(`${row.deadlineId}|${row.occurrence}|${row.unitId}|${row.step}`) ?? 0;
      expect(send?.at.getTime()).toBeGreaterThanOrEqual(due);
      expect(send?.at.getTime()).toBeLessThan(due + HOUR);
      const action = parseReminderAction(send?.reply.buttons?.[0]?.action ?? "");
      expect(action).toEqual({
        kind: "done",
        deadlineId: row.deadlineId,
        occurrence: row.occurrence,
        unitId: row.unitId,
      });
      expect(send?.to).toEqual({ messenger: "telegram", chatId: row.unitId });
    }
    // Nobody reported: each occurrence escalates once to the supervising chat, after the last notice.
    const escalations = store.deliveries.list({ state: "sent" }).filter((r) => r.kind === "escalation");
    expect(escalations.every((r) => r.chatId === "btv")).toBe(true);
    expect(new Set(escalations.map((r) => `${r.deadlineId}|${r.occurrence}`)).size).toBe(escalations.length);
    // 12 monthly + 4 quarterly + 1 one-off; December's are due Fri 19/12 (20/12 is a Saturday): escalated 31/12.
    expect(escalations.length).toBe(17);
    expect(dispatcher.stats()).toMatchObject({
      retried: 0,
      uncertain: 0,
      permanent: 0,
      skipped: 0,
      recovered: 0,
    });

    // Spot checks by hand: the monthly report of January 2025 (due Mon 20/1) and Tết 2025 (28/1–3/2 off).
    const jan = rows.filter(
      (r) => r.deadlineId === "bc-thang" && r.occurrence === "2025-01-20" && r.unitId === "so-noi-vu",
    );
    expect(jan.map((r) => [r.step, r.plannedAt])).toEqual([
      ["before-1", "2025-01-19T01:00:00.000Z"],
      ["before-3", "2025-01-17T01:00:00.000Z"],
      ["before-7", "2025-01-13T01:00:00.000Z"],
      ["due", "2025-01-20T01:00:00.000Z"],
      ["overdue-1", "2025-01-22T01:00:00.000Z"],
      ["overdue-2", "2025-01-24T01:00:00.000Z"],
      ["overdue-3", "2025-02-04T01:00:00.000Z"], // Mon 27/1, then Tết 28/1–1/2 and Mon 3/2 in lieu: Tue 4/2
    ]);
    const once = rows.find((r) => r.deadlineId === "bc-6-thang" && r.step === "due");
    expect(once?.plannedAt).toBe("2025-06-13T01:00:00.000Z"); // Sunday 15/6 moves to Friday 13/6
  }, 60_000);
});
