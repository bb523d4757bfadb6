/**
 * Calendar dates and wall-clock times in a named IANA time zone, independent of the server's `TZ`.
 *
 * A `LocalDate` is an ISO string "YYYY-MM-DD": it sorts and compares as text, is the form the JSON
 * contract (DESIGN §3.3) prints, and serialises to SQLite and YAML unchanged. Day arithmetic runs on
 * UTC midnights (no zone involved); only `localDateOf` and `instantAt` touch a zone, through
 * `Intl.DateTimeFormat`, so nothing here reads the process time zone.
 */

/** An ISO calendar date "YYYY-MM-DD" with no time and no zone. Build one with `localDate()`. */
export type LocalDate = string;

/** The zone reminders use unless a deployment configures another (DESIGN §6). */
export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Year, month (1–12) and day of a `LocalDate`, for code that needs the numbers. */
export interface DateParts {
  y: number;
  m: number;
  d: number;
}

/** Builds the `LocalDate` for a year, month (1–12) and day; throws RangeError on an impossible date. */
export function localDate(y: number, m: number, d: number): LocalDate {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000 || y > 9999) {
    throw new RangeError(`not a calendar date: ${y}-${m}-${d}`);
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    throw new RangeError(`not a calendar date: ${y}-${m}-${d}`);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** True when `value` is a well-formed, existing "YYYY-MM-DD" date (use to validate input). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Splits a `LocalDate` into numbers; throws RangeError on a malformed one. */
export function dateParts(date: LocalDate): DateParts {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${String(date)}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** Number of days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// Days since 1970-01-01: the one integer the arithmetic below works on.
function dayNumber(date: LocalDate): number {
  const { y, m, d } = dateParts(date);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  return localDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Day of the week: 0 = Sunday … 6 = Saturday (as `Date.getDay`, but never zone-dependent). */
export function weekday(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** True on Saturday and Sunday, the weekly rest days in Vietnamese public service. */
export function isWeekend(date: LocalDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** The last day of the date's month, e.g. for "day 31" in a 30-day month. */
export function clampToMonth(y: number, m: number, day: number): LocalDate {
  return localDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Orders two dates as a sort comparator (ISO strings compare as text). */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name this runtime knows (validate configuration with it). */
export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

// Wall-clock fields of an instant in a zone, read as if they were UTC (milliseconds dropped).
function wallClockAsUtc(instant: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

// Offset of the zone from UTC at an instant, in milliseconds (east positive).
function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtc(whole, zone) - whole;
}

/** The calendar date an instant falls on in `zone` (e.g. 2025-01-28T17:30Z → "2025-01-29" in Hanoi). */
export function localDateOf(instant: Date, zone: string = DEFAULT_ZONE): LocalDate {
  const wall = new Date(wallClockAsUtc(instant.getTime(), zone));
  return localDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

/**
 * The UTC instant at which the wall clock in `zone` shows `time` ("HH:MM") on `date`.
 * A time skipped by a daylight-saving jump is moved forward by the jump (02:30 on a spring-forward
 * night in New York → 03:30 EDT); a time that occurs twice takes the earlier one. This is the
 * "compatible" rule of Temporal and of most calendars, so a reminder is never dropped or doubled.
 */
export function instantAt(date: LocalDate, time: string, zone: string = DEFAULT_ZONE): Date {
  const hm = HH_MM.exec(time);
  if (!hm) throw new RangeError(`not an HH:MM time: ${time}`);
  const { y, m, d } = dateParts(date);
  const wall = Date.UTC(y, m - 1, d, Number(hm[1]), Number(hm[2]));
  // Zones change offset at most once within a day either side; the offsets a day before and a day
  // after bound every candidate.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const candidates = [wall - before, wall - after].filter((t) => wallClockAsUtc(t, zone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before); // in the gap: read with the offset in force before the jump
}

/** Wall-clock "HH:MM" of an instant in `zone`, for messages and tests. */
export function timeOfDayAt(instant: Date, zone: string = DEFAULT_ZONE): string {
  const wall = new Date(wallClockAsUtc(instant.getTime(), zone));
  return `${String(wall.getUTCHours()).padStart(2, "0")}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;
}
