import { describe, expect, it } from "vitest";
import { deadlineBoard, dueCalendar, markReported, unitHistory } from "../../src/reminders/index.js";
import { dashboardScene, HTML_NAME } from "../web/dashboard-scene.js";

describe("the dashboard's board", () => {
  it("puts the deadline with a missing report first, its missing unit first and on-time units last", () => {
    const { store, clock } = dashboardScene();
    const boards = deadlineBoard(store, clock.now());
    expect(boards.map((b) => b.id)).toEqual(["bc-thang", "bc-le"]);
    const [monthly] = boards;
    // Newest occurrence first; April's 20th is a Sunday, so it is due on Friday 18/4.
    expect(monthly?.columns).toEqual([
      { occurrence: "2025-04-20", due: "2025-04-18" },
      { occurrence: "2025-03-20", due: "2025-03-20" },
    ]);
    expect(monthly?.units.map((u) => [u.id, u.worst, u.daysOverdue])).toEqual([
      ["so-tai-chinh", "missing", 5],
      ["huyen-le-thuy", "late", 0],
      ["ban-tuyen-giao", "extension-requested", 0],
      ["so-noi-vu", "pending", 0],
    ]);
    const cells = (id: string) => monthly?.units.find((u) => u.id === id)?.cells.map((c) => c?.state);
    expect(cells("so-noi-vu")).toEqual(["pending", "on-time"]);
    expect(cells("ban-tuyen-giao")).toEqual(["extension-requested", "on-time"]);
    expect(monthly?.units.find((u) => u.id === "ban-tuyen-giao")?.name).toBe(HTML_NAME);
    expect(monthly?.counts).toMatchObject({
      missing: 1,
      late: 1,
      "on-time": 2,
      "extension-requested": 1,
      pending: 3,
    });
  });

  it("turns a missing unit late once it reports after its due day", () => {
    const { store, clock, answer } = dashboardScene();
    markReported(store, answer("so-tai-chinh", "2025-03-25T02:00:00Z"));
    const monthly = deadlineBoard(store, clock.now(), { deadlineId: "bc-thang" })[0];
    expect(monthly?.units[0]).toMatchObject({ id: "huyen-le-thuy", worst: "late" });
    expect(monthly?.units.find((u) => u.id === "so-tai-chinh")?.cells[1]?.state).toBe("late");
  });

  it("lists a unit's history newest first across deadlines, with the extended due date", () => {
    const { store, clock } = dashboardScene();
    const rows = unitHistory(store, "so-tai-chinh", clock.now());
    expect(rows.map((r) => [r.deadlineId, r.occurrence, r.due, r.state])).toEqual([
      ["bc-thang", "2025-06-20", "2025-06-20", "pending"],
      ["bc-thang", "2025-05-20", "2025-05-20", "pending"],
      ["bc-le", "2025-04-30", "2025-05-09", "extended"],
      ["bc-thang", "2025-04-20", "2025-04-18", "pending"],
      ["bc-thang", "2025-03-20", "2025-03-20", "missing"],
    ]);
  });

  it("gives 90 days of due dates moved off weekends and holidays, and marks the holidays", () => {
    const { store, clock } = dashboardScene();
    const days = dueCalendar(store, clock.now(), 90);
    expect(days).toHaveLength(90);
    expect(days[0]?.date).toBe("2025-03-25");
    expect(days.at(-1)?.date).toBe("2025-06-22");
    const dueDays = days.filter((d) => d.due.length > 0);
    expect(dueDays.map((d) => [d.date, d.due.map((x) => `${x.deadlineId}:${x.units}`).join(" ")])).toEqual([
      ["2025-04-18", "bc-thang:4"],
      ["2025-04-29", "bc-le:1"],
      ["2025-05-09", "bc-le:1"],
      ["2025-05-20", "bc-thang:4"],
      ["2025-06-20", "bc-thang:4"],
    ]);
    expect(days.find((d) => d.date === "2025-04-18")?.due[0]?.counts).toMatchObject({
      pending: 3,
      "extension-requested": 1,
    });
    const holidays = days.filter((d) => d.holiday).map((d) => [d.date, d.holiday?.code]);
    expect(holidays).toEqual([
      ["2025-04-07", "hung-kings"],
      ["2025-04-30", "reunification"],
      ["2025-05-01", "labour"],
    ]);
    expect(days.find((d) => d.date === "2025-03-29")?.weekend).toBe(true);
  });

  it("honours a decreed extra day off: a due date on it moves back too", () => {
    const { store, clock } = dashboardScene();
    const days = dueCalendar(store, clock.now(), 90, { extraDaysOff: ["2025-04-29"] });
    expect(days.find((d) => d.date === "2025-04-29")?.holiday?.code).toBe("extra");
    expect(days.find((d) => d.date === "2025-04-28")?.due.map((x) => x.deadlineId)).toEqual(["bc-le"]);
  });
});
