/**
 * Working days of Vietnamese public service: Monday to Friday, minus public holidays, compensatory
 * days and decreed days off, plus decreed working days (a Saturday swapped for a bridge day).
 */
import { type HolidayOptions, isPublicHoliday } from "./holidays.js";
import { addDays, isWeekend, type LocalDate } from "./zone.js";

/** Options for working-day arithmetic: the yearly holiday adjustments (see `HolidayOptions`). */
export type WorkdayOptions = HolidayOptions;

// A year holds ~250 working days; no gap between two of them is anywhere near this long, so a
// search that runs past it means the supplied lists declared (almost) everything a day off.
const MAX_SEARCH_DAYS = 366;

/** True for a day a unit is expected to work (and so can submit a report). */
export function isWorkingDay(date: LocalDate, options: WorkdayOptions = {}): boolean {
  if (options.extraWorkingDays?.includes(date)) return true;
  return !isWeekend(date) && !isPublicHoliday(date, options);
}

function step(date: LocalDate, direction: 1 | -1, options: WorkdayOptions): LocalDate {
  let d = addDays(date, direction);
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    if (isWorkingDay(d, options)) return d;
    d = addDays(d, direction);
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}`);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: LocalDate, options: WorkdayOptions = {}): LocalDate {
  return step(date, -1, options);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, options: WorkdayOptions = {}): LocalDate {
  return step(date, 1, options);
}

/** `date` itself when it is a working day, else the working day before it: where a due date moves (DESIGN §6). */
export function workingDayOnOrBefore(date: LocalDate, options: WorkdayOptions = {}): LocalDate {
  return isWorkingDay(date, options) ? date : previousWorkingDay(date, options);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself need not be
 * a working day. `n = 0` returns `date` unchanged. Use for "every 2 working days" style intervals.
 */
export function addWorkingDays(date: LocalDate, n: number, options: WorkdayOptions = {}): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
  let d = date;
  for (let i = 0; i < Math.abs(n); i += 1) d = step(d, n > 0 ? 1 : -1, options);
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, options: WorkdayOptions = {}): number {
  if (to < from) return -workingDaysBetween(to, from, options);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, options)) count += 1;
  return count;
}
