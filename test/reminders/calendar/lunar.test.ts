import { describe, expect, it } from "vitest";
import {
  addDays,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
} from "../../../src/reminders/calendar/index.js";

// Published dates (Vietnamese government holiday notices, Vietnamese calendars).
const TET: [number, string][] = [
  [2023, "2023-01-22"],
  [2024, "2024-02-10"],
  [2025, "2025-01-29"],
  [2026, "2026-02-17"],
  [2027, "2027-02-06"],
];
const HUNG_KINGS: [number, string][] = [
  [2024, "2024-04-18"],
  [2025, "2025-04-07"],
  [2026, "2026-04-26"],
];

describe("Vietnamese lunar calendar", () => {
  it.each(TET)("puts Tết %i on %s", (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
    // The day before Tết is the last day of the previous lunar year's 12th month.
    const eve = solarToLunar(addDays(date, -1));
    expect(eve.year).toBe(year - 1);
    expect(eve.month).toBe(12);
    expect([29, 30]).toContain(eve.day);
  });

  it.each(HUNG_KINGS)("puts Hùng Kings' day %i (10/3 lunar) on %s", (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 3, day: 10, leap: false });
  });

  it("finds the leap months of recent years", () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(lunarToSolar(2025, 6, 1, true)).toBe("2025-07-25");
    expect(lunarToSolar(2023, 2, 1, true)).toBe("2023-03-22");
    expect(lunarToSolar(2020, 4, 1, true)).toBe("2020-05-23");
    expect(solarToLunar("2025-07-25")).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar("2025-07-24")).toEqual({ year: 2025, month: 6, day: 30, leap: false });
  });

  it("counts in UTC+7: Vietnam and China differ where the new moon is near midnight", () => {
    expect(lunarToSolar(1985, 1, 1)).toBe("1985-01-21");
    expect(lunarToSolar(1985, 1, 1, false, { utcOffsetHours: 8 })).toBe("1985-02-20");
    expect(lunarToSolar(2007, 1, 1)).toBe("2007-02-17");
    expect(lunarToSolar(2007, 1, 1, false, { utcOffsetHours: 8 })).toBe("2007-02-18");
  });

  it("is consistent day by day over 2019–2030", () => {
    let previous = solarToLunar("2018-12-31");
    let monthsSeen = 0;
    for (let d = "2019-01-01"; d <= "2030-12-31"; d = addDays(d, 1)) {
      const lunar = solarToLunar(d);
      if (lunar.day === 1) {
        monthsSeen += 1;
        expect([29, 30]).toContain(previous.day);
        expect(lunarMonthLength(previous.year, previous.month, previous.leap)).toBe(previous.day);
        const sameMonthAgain = lunar.leap && lunar.month === previous.month;
        const next = previous.month === 12 ? 1 : previous.month + 1;
        expect(sameMonthAgain || lunar.month === next).toBe(true);
        expect(lunar.year).toBe(lunar.month === 1 && !lunar.leap ? previous.year + 1 : previous.year);
      } else {
        expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      }
      expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)).toBe(d);
      previous = lunar;
    }
    // 12 years hold about 148 lunar months (235 months per 19 years).
    expect(monthsSeen).toBeGreaterThanOrEqual(147);
    expect(monthsSeen).toBeLessThanOrEqual(150);
  });

  it("refuses lunar dates that do not exist", () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(2026, m) === 29);
    expect(short).toBeDefined();
    expect(() => lunarToSolar(2026, short!, 30)).toThrow(RangeError);
    expect(() => lunarToSolar(1800, 1, 1)).toThrow(RangeError);
    expect(() => solarToLunar("2300-01-01")).toThrow(RangeError);
  });
});
