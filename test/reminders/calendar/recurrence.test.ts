import { describe, expect, it } from "vitest";
import {
  describeRule,
  isWorkingDay,
  occurrences,
  parseRule,
  type Rule,
  suggestedDates,
  weekday,
} from "../../../src/reminders/calendar/index.js";

const rule = (input: unknown): Rule => {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
};

const Y2025_2026: [string, string] = ["2025-01-01", "2026-12-31"];

describe("occurrences", () => {
  it("monthly before the 25th: 24 occurrences over 2025–2026, weekend dates moved to Friday", () => {
    const list = occurrences(rule({ kind: "monthly", day: 25 }), ...Y2025_2026);
    expect(list).toHaveLength(24);
    expect(list.every((o) => o.nominal.endsWith("-25"))).toBe(true);
    expect(list.every((o) => isWorkingDay(o.due) && o.due <= o.nominal)).toBe(true);
    const moved = Object.fromEntries(list.filter((o) => o.due !== o.nominal).map((o) => [o.nominal, o.due]));
    expect(moved).toEqual({
      "2025-01-25": "2025-01-24", // Saturday
      "2025-05-25": "2025-05-23", // Sunday
      "2025-10-25": "2025-10-24",
      "2026-01-25": "2026-01-23",
      "2026-04-25": "2026-04-24",
      "2026-07-25": "2026-07-24",
      "2026-10-25": "2026-10-23",
    });
  });

  it("moves a monthly due date that lands in Tết to the last working day before it", () => {
    const tet2025 = occurrences(rule({ kind: "monthly", day: 30 }), "2025-01-01", "2025-02-28");
    expect(tet2025).toEqual([
      { nominal: "2025-01-30", due: "2025-01-27" }, // Tết 28/1–1/2: back to Monday 27/1
      { nominal: "2025-02-28", due: "2025-02-28" }, // day 30 in February → 28 Feb
    ]);
    const tet2026 = occurrences(rule({ kind: "monthly", day: 18 }), "2026-02-01", "2026-02-28");
    expect(tet2026).toEqual([{ nominal: "2026-02-18", due: "2026-02-13" }]); // Tết 16–20/2 → Friday 13/2
  });

  it("puts day 31 on the last day of shorter months", () => {
    const list = occurrences(rule({ kind: "monthly", day: 31 }), "2024-01-01", "2024-12-31", {
      shiftToWorkingDay: false,
    });
    expect(list.map((o) => o.nominal)).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
      "2024-06-30",
      "2024-07-31",
      "2024-08-31",
      "2024-09-30",
      "2024-10-31",
      "2024-11-30",
      "2024-12-31",
    ]);
    expect(list.every((o) => o.due === o.nominal)).toBe(true);
  });

  it("quarterly before the 20th of the quarter's last month (DESIGN §3.3: 2025-03-20)", () => {
    const list = occurrences(rule({ kind: "quarterly", day: 20, month: "last" }), ...Y2025_2026);
    expect(list).toEqual([
      { nominal: "2025-03-20", due: "2025-03-20" },
      { nominal: "2025-06-20", due: "2025-06-20" },
      { nominal: "2025-09-20", due: "2025-09-19" },
      { nominal: "2025-12-20", due: "2025-12-19" },
      { nominal: "2026-03-20", due: "2026-03-20" },
      { nominal: "2026-06-20", due: "2026-06-19" },
      { nominal: "2026-09-20", due: "2026-09-18" },
      { nominal: "2026-12-20", due: "2026-12-18" },
    ]);
    expect(list.map((o) => o.nominal)).toEqual(
      occurrences(rule({ kind: "quarterly", day: 20, month: 3 }), ...Y2025_2026).map((o) => o.nominal),
    );
  });

  it("quarterly in the first or second month of each quarter", () => {
    const first = occurrences(
      rule({ kind: "quarterly", day: 5, month: "first" }),
      "2025-01-01",
      "2025-12-31",
    );
    expect(first.map((o) => o.nominal)).toEqual(["2025-01-05", "2025-04-05", "2025-07-05", "2025-10-05"]);
    const second = occurrences(rule({ kind: "quarterly", day: 31, month: 2 }), "2025-01-01", "2025-12-31");
    expect(second.map((o) => o.nominal)).toEqual(["2025-02-28", "2025-05-31", "2025-08-31", "2025-11-30"]);
  });

  it("semiannual and annual dates recur each year", () => {
    const mid = occurrences(rule({ kind: "semiannual", dates: [{ day: 10, month: 6 }] }), ...Y2025_2026);
    expect(mid).toEqual([
      { nominal: "2025-06-10", due: "2025-06-10" },
      { nominal: "2026-06-10", due: "2026-06-10" },
    ]);
    const both = occurrences(
      rule({
        kind: "semiannual",
        dates: [
          { day: 15, month: 12 },
          { day: 15, month: 6 },
        ],
      }),
      "2025-01-01",
      "2025-12-31",
    );
    expect(both.map((o) => o.due)).toEqual(["2025-06-13", "2025-12-15"]);
    const annual = occurrences(rule({ kind: "annual", day: 25, month: 11 }), ...Y2025_2026);
    expect(annual.map((o) => o.due)).toEqual(["2025-11-25", "2026-11-25"]);
  });

  it("moves a due date off a public holiday and the weekend next to it", () => {
    const victory = occurrences(rule({ kind: "annual", day: 30, month: 4 }), ...Y2025_2026);
    expect(victory.map((o) => o.due)).toEqual(["2025-04-29", "2026-04-29"]);
    const national = occurrences(rule({ kind: "annual", day: 2, month: 9 }), "2025-01-01", "2025-12-31");
    expect(national).toEqual([{ nominal: "2025-09-02", due: "2025-08-29" }]); // 1–2/9 + weekend
    const hung = occurrences(rule({ kind: "annual", day: 27, month: 4 }), "2026-01-01", "2026-12-31");
    expect(hung).toEqual([{ nominal: "2026-04-27", due: "2026-04-24" }]); // compensatory day for 26/4
  });

  it("keeps the nominal date when the deadline opts out of shifting", () => {
    const list = occurrences(rule({ kind: "monthly", day: 30 }), "2025-01-01", "2025-01-31", {
      shiftToWorkingDay: false,
    });
    expect(list).toEqual([{ nominal: "2025-01-30", due: "2025-01-30" }]);
  });

  it("uses the supplied holiday lists", () => {
    const r = rule({ kind: "monthly", day: 27 });
    expect(occurrences(r, "2025-01-01", "2025-01-31")[0]?.due).toBe("2025-01-27");
    expect(occurrences(r, "2025-01-01", "2025-01-31", { extraDaysOff: ["2025-01-27"] })[0]?.due).toBe(
      "2025-01-24",
    );
  });

  it("lists a one-off only inside the range, while suggestedDates always lists it", () => {
    const once = rule({ kind: "once", date: "2025-06-30" });
    expect(occurrences(once, "2025-01-01", "2025-12-31")).toEqual([
      { nominal: "2025-06-30", due: "2025-06-30" },
    ]);
    expect(occurrences(once, "2025-07-01", "2026-06-30")).toEqual([]);
    expect(suggestedDates(once, "2025-07-01", "2026-06-30")).toEqual(["2025-06-30"]);
    const sunday = rule({ kind: "once", date: "2026-11-15" });
    expect(suggestedDates(sunday, "2025-01-01", "2025-12-31")).toEqual(["2026-11-13"]);
    expect(
      suggestedDates(rule({ kind: "quarterly", day: 20, month: "last" }), "2025-01-01", "2025-12-31"),
    ).toEqual(["2025-03-20", "2025-06-20", "2025-09-19", "2025-12-19"]);
  });

  it("gives no dates to a periodic duty", () => {
    expect(occurrences(rule({ kind: "periodic" }), ...Y2025_2026)).toEqual([]);
    expect(occurrences(rule({ kind: "periodic", every: "year" }), ...Y2025_2026)).toEqual([]);
  });

  it("reads cron expressions in the deadline's zone", () => {
    // 00:30 on the 1st in Hanoi is still the last day of the previous month in UTC.
    const r = rule({ kind: "cron", expr: "30 0 1 * *" });
    const hanoi = occurrences(r, "2025-01-01", "2025-06-30", { shiftToWorkingDay: false });
    expect(hanoi.map((o) => o.nominal)).toEqual([
      "2025-01-01",
      "2025-02-01",
      "2025-03-01",
      "2025-04-01",
      "2025-05-01",
      "2025-06-01",
    ]);
    const mondays = occurrences(rule({ kind: "cron", expr: "0 8 * * 1" }), "2025-03-01", "2025-03-31", {
      zone: "America/New_York",
    });
    expect(mondays.map((o) => o.nominal)).toEqual([
      "2025-03-03",
      "2025-03-10",
      "2025-03-17",
      "2025-03-24",
      "2025-03-31",
    ]);
    expect(mondays.every((o) => weekday(o.nominal) === 1)).toBe(true);
    const hourly = occurrences(rule({ kind: "cron", expr: "0 * * * *" }), "2025-03-01", "2025-03-03");
    expect(hourly.map((o) => o.nominal)).toEqual(["2025-03-01", "2025-03-02", "2025-03-03"]);
    // shifted: Saturday 1 March and Sunday 2 March fall back to Friday 28 February.
    expect(hourly.map((o) => o.due)).toEqual(["2025-02-28", "2025-02-28", "2025-03-03"]);
  });

  it("returns nothing for an inverted range and refuses absurdly long ones", () => {
    expect(occurrences(rule({ kind: "monthly", day: 1 }), "2025-12-31", "2025-01-01")).toEqual([]);
    expect(() => occurrences(rule({ kind: "monthly", day: 1 }), "2000-01-01", "2199-01-01")).toThrow(
      RangeError,
    );
  });
});

describe("parseRule", () => {
  it.each([
    [{ kind: "monthly", day: 32 }, "day"],
    [{ kind: "monthly" }, "day"],
    [{ kind: "annual", day: 30, month: 2 }, "no such day"],
    [{ kind: "quarterly", day: 20, month: 4 }, "month"],
    [{ kind: "once", date: "2025-02-30" }, "date"],
    [{ kind: "cron", expr: "0 0 0 * * *" }, "cron"],
    [{ kind: "cron", expr: "61 * * * *" }, "cron"],
    [{ kind: "semiannual", dates: [] }, "dates"],
    [{ kind: "weekly", day: 1 }, "kind"],
  ])("refuses %j with a message naming %s", (input, word) => {
    const parsed = parseRule(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe("invalid-rule");
      expect(parsed.message).toContain(word);
    }
  });

  it("accepts 29 February in an annual rule and lands on 28 February in common years", () => {
    const r = rule({ kind: "annual", day: 29, month: 2 });
    expect(
      occurrences(r, "2025-01-01", "2028-12-31", { shiftToWorkingDay: false }).map((o) => o.nominal),
    ).toEqual(["2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"]);
  });
});

describe("describeRule", () => {
  it("says each kind in English for the JSON contract", () => {
    expect(describeRule(rule({ kind: "quarterly", day: 20, month: "last" }), "en")).toBe(
      "quarterly, before the 20th of the quarter's last month",
    );
    expect(describeRule(rule({ kind: "monthly", day: 25 }), "en")).toBe("monthly, before the 25th");
    expect(describeRule(rule({ kind: "monthly", day: 1 }), "en")).toBe("monthly, before the 1st");
    expect(describeRule(rule({ kind: "monthly", day: 22 }), "en")).toBe("monthly, before the 22nd");
    expect(describeRule(rule({ kind: "monthly", day: 11 }), "en")).toBe("monthly, before the 11th");
    expect(describeRule(rule({ kind: "semiannual", dates: [{ day: 10, month: 6 }] }), "en")).toBe(
      "every six months, before 10 June",
    );
    expect(describeRule(rule({ kind: "annual", day: 25, month: 11 }), "en")).toBe(
      "annually, before 25 November",
    );
    expect(describeRule(rule({ kind: "once", date: "2025-06-30" }), "en")).toBe("once, before 30 June 2025");
    expect(describeRule(rule({ kind: "periodic" }), "en")).toBe("periodically, no date stated");
    expect(describeRule(rule({ kind: "cron", expr: "0 8 1 * *" }), "en")).toContain("0 8 1 * *");
  });

  it("says each kind in Vietnamese by default", () => {
    expect(describeRule(rule({ kind: "quarterly", day: 20, month: "last" }))).toBe(
      "hằng quý, trước ngày 20 của tháng cuối quý",
    );
    expect(describeRule(rule({ kind: "monthly", day: 25 }))).toBe("hằng tháng, trước ngày 25");
    expect(describeRule(rule({ kind: "semiannual", dates: [{ day: 10, month: 6 }] }))).toBe(
      "định kỳ 6 tháng, trước ngày 10/6",
    );
    expect(describeRule(rule({ kind: "annual", day: 25, month: 11 }))).toBe("hằng năm, trước ngày 25/11");
    expect(describeRule(rule({ kind: "once", date: "2026-12-15" }))).toBe("một lần, trước ngày 15/12/2026");
    expect(describeRule(rule({ kind: "periodic" }))).toBe("định kỳ, không nêu thời hạn cụ thể");
  });

  it("also speaks French and Japanese", () => {
    expect(describeRule(rule({ kind: "quarterly", day: 20, month: "last" }), "fr")).toBe(
      "chaque trimestre, avant le 20 du dernier mois du trimestre",
    );
    expect(describeRule(rule({ kind: "annual", day: 25, month: 11 }), "ja")).toBe("毎年11月25日まで");
    expect(describeRule(rule({ kind: "periodic" }), "fr")).toBe("périodiquement, sans date précisée");
  });
});
