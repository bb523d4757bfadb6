import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLAN,
  isWorkingDay,
  type PlannedStep,
  planReminders,
  timeOfDayAt,
} from "../../../src/reminders/calendar/index.js";

const asRows = (plan: PlannedStep[]) => plan.map((p) => [p.at.toISOString(), p.step]);

describe("reminder plan", () => {
  it("defaults to 7, 3, 1 days before and the day at 08:00 Hanoi, then 3 notices every 2 working days", () => {
    expect(asRows(planReminders("2025-03-20"))).toEqual([
      ["2025-03-13T01:00:00.000Z", "before-7"],
      ["2025-03-17T01:00:00.000Z", "before-3"],
      ["2025-03-19T01:00:00.000Z", "before-1"],
      ["2025-03-20T01:00:00.000Z", "due"],
      ["2025-03-24T01:00:00.000Z", "overdue-1"], // Fri 21, Mon 24
      ["2025-03-26T01:00:00.000Z", "overdue-2"],
      ["2025-03-28T01:00:00.000Z", "overdue-3"],
    ]);
  });

  it("skips Tết when counting overdue working days (due Thursday 12 Feb 2026)", () => {
    const plan = planReminders("2026-02-12");
    expect(plan.map((p) => [p.date, p.step])).toEqual([
      ["2026-02-05", "before-7"],
      ["2026-02-09", "before-3"],
      ["2026-02-11", "before-1"],
      ["2026-02-12", "due"],
      ["2026-02-23", "overdue-1"], // Fri 13, then Tết 16–20/2, Mon 23
      ["2026-02-25", "overdue-2"],
      ["2026-02-27", "overdue-3"],
    ]);
    for (const p of plan) expect(timeOfDayAt(p.at, "Asia/Ho_Chi_Minh")).toBe("08:00");
    for (const p of plan.filter((s) => s.step.startsWith("overdue"))) expect(isWorkingDay(p.date)).toBe(true);
  });

  it("counts days before as calendar days, even into Tết 2025", () => {
    const plan = planReminders("2025-02-04");
    expect(plan.slice(0, 3).map((p) => [p.date, p.step])).toEqual([
      ["2025-01-28", "before-7"],
      ["2025-02-01", "before-3"],
      ["2025-02-03", "before-1"],
    ]);
  });

  it("follows the configured zone, time, steps and overdue rhythm, across a DST change", () => {
    const plan = planReminders("2025-03-10", {
      zone: "America/New_York",
      plan: { daysBefore: [1, 14, 1], timeOfDay: "07:30", overdueEveryWorkingDays: 1, overdueCount: 1 },
    });
    expect(asRows(plan)).toEqual([
      ["2025-02-24T12:30:00.000Z", "before-14"], // EST
      ["2025-03-09T11:30:00.000Z", "before-1"], // EDT from 9 March
      ["2025-03-10T11:30:00.000Z", "due"],
      ["2025-03-11T11:30:00.000Z", "overdue-1"],
    ]);
  });

  it("can send no overdue notice and no early step", () => {
    const plan = planReminders("2025-06-10", { plan: { daysBefore: [], overdueCount: 0 } });
    expect(plan.map((p) => p.step)).toEqual(["due"]);
  });

  it("uses the holiday lists for overdue notices", () => {
    const plan = planReminders("2025-03-20", { extraDaysOff: ["2025-03-24"], plan: { overdueCount: 1 } });
    expect(plan.at(-1)?.date).toBe("2025-03-25");
  });

  it("keeps the default frozen and rejects bad settings", () => {
    expect(Object.isFrozen(DEFAULT_PLAN)).toBe(true);
    expect(() => planReminders("2025-03-20", { plan: { timeOfDay: "8am" } })).toThrow();
    expect(() => planReminders("2025-03-20", { plan: { daysBefore: [0] } })).toThrow();
    expect(() => planReminders("2025-03-20", { plan: { overdueEveryWorkingDays: 0 } })).toThrow();
  });
});
