import { describe, expect, it } from "vitest";
import {
  addDays,
  clampToMonth,
  daysBetween,
  instantAt,
  isLocalDate,
  isValidZone,
  isWeekend,
  localDate,
  localDateOf,
  timeOfDayAt,
  weekday,
} from "../../../src/reminders/calendar/index.js";

describe("LocalDate arithmetic", () => {
  it("builds and validates ISO dates", () => {
    expect(localDate(2025, 1, 29)).toBe("2025-01-29");
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2025-02-29")).toBe(false);
    expect(isLocalDate("2025-13-01")).toBe(false);
    expect(isLocalDate("2025-1-1")).toBe(false);
    expect(isLocalDate(20250101)).toBe(false);
    expect(() => localDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => localDate(2025, 0, 1)).toThrow(RangeError);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2025-03-20", -7)).toBe("2025-03-13");
    expect(daysBetween("2025-01-29", "2026-02-17")).toBe(384);
    expect(daysBetween("2026-02-17", "2025-01-29")).toBe(-384);
  });

  it("knows the weekday of known dates", () => {
    expect(weekday("2025-01-29")).toBe(3); // Tết 2025, a Wednesday
    expect(weekday("2026-02-17")).toBe(2); // Tết 2026, a Tuesday
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("1969-12-28")).toBe(0);
    expect(isWeekend("2025-02-01")).toBe(true);
    expect(isWeekend("2025-02-03")).toBe(false);
  });

  it("clamps a day past the month's end to its last day", () => {
    expect(clampToMonth(2025, 4, 31)).toBe("2025-04-30");
    expect(clampToMonth(2025, 2, 31)).toBe("2025-02-28");
    expect(clampToMonth(2024, 2, 30)).toBe("2024-02-29");
    expect(clampToMonth(2025, 5, 31)).toBe("2025-05-31");
  });
});

describe("dates and instants in a zone", () => {
  it("reads the local date of an instant in the zone, not on the server", () => {
    const instant = new Date("2025-01-28T17:30:00Z");
    expect(localDateOf(instant, "Asia/Ho_Chi_Minh")).toBe("2025-01-29");
    expect(localDateOf(instant, "UTC")).toBe("2025-01-28");
    expect(localDateOf(instant, "America/New_York")).toBe("2025-01-28");
    expect(localDateOf(new Date("2025-01-29T04:59:59Z"), "America/New_York")).toBe("2025-01-28");
    expect(localDateOf(new Date("2025-01-29T05:00:00Z"), "America/New_York")).toBe("2025-01-29");
  });

  it("places 08:00 local at the right UTC instant", () => {
    expect(instantAt("2025-03-20", "08:00", "Asia/Ho_Chi_Minh").toISOString()).toBe(
      "2025-03-20T01:00:00.000Z",
    );
    expect(instantAt("2025-01-15", "08:00", "America/New_York").toISOString()).toBe(
      "2025-01-15T13:00:00.000Z",
    );
    expect(instantAt("2025-07-15", "08:00", "America/New_York").toISOString()).toBe(
      "2025-07-15T12:00:00.000Z",
    );
    expect(instantAt("2025-07-15", "08:00", "Asia/Kolkata").toISOString()).toBe("2025-07-15T02:30:00.000Z");
    expect(instantAt("2025-01-01", "00:00", "Pacific/Kiritimati").toISOString()).toBe(
      "2024-12-31T10:00:00.000Z",
    );
  });

  it("moves a time skipped by a spring-forward jump forward by the jump", () => {
    // New York, 9 March 2025: 02:00 EST jumps to 03:00 EDT.
    const ny = instantAt("2025-03-09", "02:30", "America/New_York");
    expect(ny.toISOString()).toBe("2025-03-09T07:30:00.000Z");
    expect(timeOfDayAt(ny, "America/New_York")).toBe("03:30");
    // Santiago, 7 September 2025: midnight does not exist, the day starts at 01:00.
    const scl = instantAt("2025-09-07", "00:00", "America/Santiago");
    expect(localDateOf(scl, "America/Santiago")).toBe("2025-09-07");
    expect(timeOfDayAt(scl, "America/Santiago")).toBe("01:00");
    // Lord Howe Island jumps by half an hour (02:00 → 02:30) on 5 October 2025.
    const lhi = instantAt("2025-10-05", "02:15", "Australia/Lord_Howe");
    expect(timeOfDayAt(lhi, "Australia/Lord_Howe")).toBe("02:45");
  });

  it("takes the earlier of a time that occurs twice", () => {
    // New York, 2 November 2025: 01:30 happens in EDT (05:30Z) and again in EST (06:30Z).
    expect(instantAt("2025-11-02", "01:30", "America/New_York").toISOString()).toBe(
      "2025-11-02T05:30:00.000Z",
    );
  });

  it("round-trips date and time for every day of 2025–2026 in several zones", () => {
    const zones = [
      "Asia/Ho_Chi_Minh",
      "UTC",
      "America/New_York",
      "Europe/Paris",
      "Asia/Tokyo",
      "Australia/Sydney",
    ];
    for (const zone of zones) {
      for (let d = "2025-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
        const at = instantAt(d, "08:00", zone);
        expect(localDateOf(at, zone)).toBe(d);
        expect(timeOfDayAt(at, zone)).toBe("08:00");
      }
    }
  });

  it("gives the same answers whatever the process TZ is", () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ["UTC", "America/New_York", "Asia/Ho_Chi_Minh", "Pacific/Chatham"]) {
        process.env.TZ = tz;
        results.push(
          [
            instantAt("2025-03-09", "02:30", "America/New_York").toISOString(),
            localDateOf(new Date("2025-01-28T17:30:00Z"), "Asia/Ho_Chi_Minh"),
            weekday("2025-01-29"),
            addDays("2025-03-30", 1),
          ].join(" "),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe("2025-03-09T07:30:00.000Z 2025-01-29 3 2025-03-31");
  });

  it("rejects unknown zones and malformed times", () => {
    expect(isValidZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isValidZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => instantAt("2025-01-01", "8:00", "UTC")).toThrow(RangeError);
    expect(() => instantAt("2025-01-01", "24:00", "UTC")).toThrow(RangeError);
    expect(() => localDateOf(new Date(0), "Nowhere/City")).toThrow(RangeError);
  });
});
