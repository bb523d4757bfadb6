import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  holidayName,
  holidayOn,
  isPublicHoliday,
  isWeekend,
  isWorkingDay,
  lunarToSolar,
  nextWorkingDay,
  previousWorkingDay,
  publicHolidays,
  workingDayOnOrBefore,
  workingDaysBetween,
} from "../../../src/reminders/calendar/index.js";

const dates = (year: number, kind?: string) =>
  publicHolidays(year)
    .filter((h) => !kind || h.kind === kind)
    .map((h) => h.date);

describe("public holidays (Labour Code 2019 art. 112)", () => {
  it("has 11 statutory days every year, Tết being the lunar year's last day plus lunar 1–4/1", () => {
    for (let year = 2020; year <= 2030; year += 1) {
      const statutory = publicHolidays(year).filter((h) => h.kind === "statutory");
      expect(statutory).toHaveLength(11);
      const tet = lunarToSolar(year, 1, 1);
      const tetDays = statutory.filter((h) => h.code === "tet").map((h) => h.date);
      expect(tetDays).toEqual([-1, 0, 1, 2, 3].map((n) => addDays(tet, n)));
      expect(holidayOn(lunarToSolar(year, 3, 10))?.code).toBe("hung-kings");
      for (const md of ["01-01", "04-30", "05-01", "09-01", "09-02"]) {
        expect(isPublicHoliday(`${year}-${md}`)).toBe(true);
      }
    }
  });

  it("lists 2025: Tết 28/1–1/2, the Saturday giving Monday 3/2 off", () => {
    expect(dates(2025, "statutory")).toEqual([
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-09-01",
      "2025-09-02",
    ]);
    expect(dates(2025, "compensatory")).toEqual(["2025-02-03"]);
  });

  it("lists 2026: Tết 16–20/2, Hùng Kings on Sunday 26/4 → Monday 27/4 off", () => {
    expect(dates(2026, "statutory")).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26",
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ]);
    expect(dates(2026, "compensatory")).toEqual(["2026-04-27"]);
    expect(holidayOn("2026-04-27")).toEqual({ date: "2026-04-27", code: "hung-kings", kind: "compensatory" });
  });

  it("gives each weekend holiday its own compensatory day (2023: a weekend-heavy year)", () => {
    expect(lunarToSolar(2023, 3, 10)).toBe("2023-04-29");
    expect(dates(2023, "compensatory")).toEqual([
      "2023-01-02", // 1/1 Sunday
      "2023-01-26", // Tết eve Saturday 21/1 (Tết runs to Wednesday 25/1)
      "2023-01-27", // Tết Sunday 22/1
      "2023-05-02", // Hùng Kings Saturday 29/4 (Monday 1/5 is itself a holiday)
      "2023-05-03", // 30/4 Sunday
      "2023-09-04", // 2/9 Saturday
    ]);
    for (const d of dates(2023, "compensatory")) expect(isWeekend(d)).toBe(false);
  });

  it("puts the National Day's extra day after 2/9 when asked", () => {
    const after = publicHolidays(2025, { nationalDayAdjacent: "after" }).filter((h) => h.code === "national");
    expect(after.map((h) => h.date)).toEqual(["2025-09-02", "2025-09-03"]);
  });

  it("applies the government's yearly lists", () => {
    const options = { extraDaysOff: ["2025-01-27"], extraWorkingDays: ["2025-02-03", "2025-02-08"] };
    const list = publicHolidays(2025, options);
    expect(list.find((h) => h.date === "2025-01-27")?.kind).toBe("extra");
    expect(list.some((h) => h.date === "2025-02-03")).toBe(false);
    expect(isWorkingDay("2025-01-27", options)).toBe(false);
    expect(isWorkingDay("2025-02-03", options)).toBe(true);
    expect(isWorkingDay("2025-02-08", options)).toBe(true); // a swapped Saturday
    expect(isWorkingDay("2025-02-08")).toBe(false);
    // Only the year asked for: a 2026 extra day does not leak into 2025's list.
    expect(publicHolidays(2025, { extraDaysOff: ["2026-01-02"] }).some((h) => h.date === "2026-01-02")).toBe(
      false,
    );
  });

  it("names holidays in Vietnamese and English", () => {
    expect(holidayName("tet")).toBe("Tết Nguyên đán");
    expect(holidayName("hung-kings", "en")).toBe("Hùng Kings' Commemoration");
  });
});

describe("working days", () => {
  it("treats weekends, holidays and compensatory days as non-working", () => {
    expect(isWorkingDay("2025-01-27")).toBe(true); // Monday before Tết
    expect(isWorkingDay("2025-01-28")).toBe(false); // last day of the lunar year
    expect(isWorkingDay("2025-02-01")).toBe(false); // Saturday, Tết
    expect(isWorkingDay("2025-02-03")).toBe(false); // compensatory Monday
    expect(isWorkingDay("2025-02-04")).toBe(true);
    expect(isWorkingDay("2026-02-15")).toBe(false); // Sunday
    expect(isWorkingDay("2026-02-23")).toBe(true);
  });

  it("steps to the previous and next working day across Tết", () => {
    expect(previousWorkingDay("2025-02-04")).toBe("2025-01-27");
    expect(nextWorkingDay("2025-01-27")).toBe("2025-02-04");
    expect(previousWorkingDay("2026-02-23")).toBe("2026-02-13");
    expect(previousWorkingDay("2026-02-24")).toBe("2026-02-23");
    expect(workingDayOnOrBefore("2026-02-18")).toBe("2026-02-13");
    expect(workingDayOnOrBefore("2026-02-12")).toBe("2026-02-12");
    expect(workingDayOnOrBefore("2025-09-02")).toBe("2025-08-29");
  });

  it("adds working days forwards and backwards", () => {
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-01-27");
    expect(addWorkingDays("2025-01-24", 2)).toBe("2025-02-04");
    expect(addWorkingDays("2025-02-04", -2)).toBe("2025-01-24");
    expect(addWorkingDays("2025-03-20", 0)).toBe("2025-03-20");
    expect(addWorkingDays("2025-03-22", 1)).toBe("2025-03-24"); // from a Saturday
    expect(() => addWorkingDays("2025-03-20", 1.5)).toThrow(RangeError);
  });

  it("counts working days between dates", () => {
    expect(workingDaysBetween("2025-01-24", "2025-02-04")).toBe(2);
    expect(workingDaysBetween("2025-02-04", "2025-01-24")).toBe(-2);
    // 2025: 365 days, 104 weekend days, 11 statutory days of which 1 on a Saturday, 1 compensatory day.
    expect(workingDaysBetween("2024-12-31", "2025-12-31")).toBe(365 - 104 - 10 - 1);
  });

  it("stops instead of looping when the lists leave no working day", () => {
    const everyDay: string[] = [];
    for (let d = "2025-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) everyDay.push(d);
    expect(() => previousWorkingDay("2026-06-01", { extraDaysOff: everyDay })).toThrow(RangeError);
  });
});
