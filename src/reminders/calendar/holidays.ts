/**
 * Vietnamese public holidays (Labour Code 2019, art. 112) and the compensatory days they give.
 *
 * Statutory days, 11 a year:
 * - 1/1 (Tết Dương lịch);
 * - Tết Nguyên đán, 5 days: the last day of the lunar year plus lunar 1/1–4/1. The law fixes the
 *   count and the government's yearly notice picks the days; "last day of the old year + first four
 *   of the new" is the usual split, and a deployment corrects a given year with `extraDaysOff` /
 *   `extraWorkingDays`;
 * - Hùng Kings' commemoration, lunar 10/3;
 * - 30/4 and 1/5;
 * - 2/9 plus one adjacent day. The law says "the day before or after"; the default here is the day
 *   before (1/9), as in 2025 (1–2/9); `nationalDayAdjacent: "after"` gives 3/9.
 * A statutory day on a Saturday or Sunday gives a compensatory day off on the next working day
 * (art. 111.3), taken in date order so two weekend holidays give two distinct days.
 * The government's yearly decisions (bridge days, swapped working Saturdays) come as plain lists.
 */
import { lunarToSolar } from "./lunar.js";
import { addDays, compareDates, dateParts, isWeekend, type LocalDate, localDate } from "./zone.js";

/** Which statutory holiday a day belongs to; stable codes for storage and i18n. */
export type HolidayCode = "new-year" | "tet" | "hung-kings" | "reunification" | "labour" | "national";

/** One day off: a statutory holiday, the compensatory day for one, or a day from a government decision. */
export interface Holiday {
  date: LocalDate;
  code: HolidayCode | "extra";
  kind: "statutory" | "compensatory" | "extra";
}

/** The yearly adjustments a deployment supplies; everything is optional. */
export interface HolidayOptions {
  /** Extra days off decreed for a year (bridge days, a longer Tết). */
  extraDaysOff?: readonly LocalDate[];
  /** Days that are working days even though the rules say otherwise (a swapped Saturday, a moved holiday). */
  extraWorkingDays?: readonly LocalDate[];
  /** The day added to 2/9: "before" = 1/9 (default), "after" = 3/9. */
  nationalDayAdjacent?: "before" | "after";
}

function statutory(year: number, adjacent: "before" | "after"): Holiday[] {
  const day = (date: LocalDate, code: HolidayCode): Holiday => ({ date, code, kind: "statutory" });
  const tet = lunarToSolar(year, 1, 1);
  return [
    day(localDate(year, 1, 1), "new-year"),
    day(addDays(tet, -1), "tet"),
    ...[0, 1, 2, 3].map((n) => day(addDays(tet, n), "tet")),
    day(lunarToSolar(year, 3, 10), "hung-kings"),
    day(localDate(year, 4, 30), "reunification"),
    day(localDate(year, 5, 1), "labour"),
    day(localDate(year, 9, adjacent === "before" ? 1 : 3), "national"),
    day(localDate(year, 9, 2), "national"),
  ].sort((a, b) => compareDates(a.date, b.date));
}

const cache = new Map<string, Holiday[]>();

// Statutory days plus compensatory days of one solar year (cached: the lunar maths is not free).
function rulesOfYear(year: number, adjacent: "before" | "after"): Holiday[] {
  const key = `${year}:${adjacent}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const days = statutory(year, adjacent);
  const taken = new Set(days.map((h) => h.date));
  const result = [...days];
  for (const h of days) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, code: h.code, kind: "compensatory" });
  }
  result.sort((a, b) => compareDates(a.date, b.date));
  cache.set(key, result);
  return result;
}

/**
 * Every day off of a solar year beyond ordinary weekends, sorted: statutory holidays, compensatory
 * days and supplied extra days, minus supplied extra working days. Use to show a year's calendar.
 */
export function publicHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const working = new Set(options.extraWorkingDays ?? []);
  const days = rulesOfYear(year, options.nationalDayAdjacent ?? "before").filter((h) => !working.has(h.date));
  const seen = new Set(days.map((h) => h.date));
  for (const date of options.extraDaysOff ?? []) {
    if (dateParts(date).y !== year || seen.has(date) || working.has(date)) continue;
    seen.add(date);
    days.push({ date, code: "extra", kind: "extra" });
  }
  return days.sort((a, b) => compareDates(a.date, b.date));
}

/** The holiday a date is, or null; extra working days are never holidays. */
export function holidayOn(date: LocalDate, options: HolidayOptions = {}): Holiday | null {
  return publicHolidays(dateParts(date).y, options).find((h) => h.date === date) ?? null;
}

/** True when the date is a public holiday, a compensatory day or a supplied extra day off. */
export function isPublicHoliday(date: LocalDate, options: HolidayOptions = {}): boolean {
  return holidayOn(date, options) !== null;
}

const NAMES: Record<HolidayCode | "extra", Record<"vi" | "en", string>> = {
  "new-year": { vi: "Tết Dương lịch", en: "New Year's Day" },
  tet: { vi: "Tết Nguyên đán", en: "Lunar New Year (Tết)" },
  "hung-kings": { vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration" },
  reunification: { vi: "Ngày Chiến thắng", en: "Reunification Day" },
  labour: { vi: "Ngày Quốc tế Lao động", en: "International Labour Day" },
  national: { vi: "Quốc khánh", en: "National Day" },
  extra: { vi: "Ngày nghỉ theo quyết định", en: "Day off by government decision" },
};

/** The holiday's name for messages ("Tết Nguyên đán" / "Lunar New Year (Tết)"). */
export function holidayName(code: HolidayCode | "extra", lang: "vi" | "en" = "vi"): string {
  return NAMES[code][lang];
}
