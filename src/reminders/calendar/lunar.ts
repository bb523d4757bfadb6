/**
 * The Vietnamese lunisolar calendar (âm lịch), computed, not looked up.
 *
 * The method is the one published by Hồ Ngọc Đức and used by Vietnamese calendar software: a month
 * starts on the local day of an astronomical new moon (Meeus' series, "Astronomical Algorithms"),
 * month 11 is the month containing the winter solstice, and in a year with 13 months the first month
 * after month 11 that contains no major solar term (trung khí) is the leap month. Days are counted in
 * UTC+7, the meridian Vietnam has used for its calendar since 1968; with UTC+8 the same code gives
 * the Chinese calendar, which is why Tết 1985 fell on 21 January in Vietnam and 20 February in China.
 * Accurate for 1900–2199, the range accepted here.
 */
import { dateParts, type LocalDate, localDate } from "./zone.js";

/** A lunar date; `leap` marks the repeated (nhuận) month of a 13-month year. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Offset of the calendar meridian from UTC; 7 for Vietnam (the default), 8 for China. */
export interface LunarOptions {
  utcOffsetHours?: number;
}

const VIETNAM = 7;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const SYNODIC_MONTH = 29.530588853;
const K_EPOCH = 2415021.076998695; // Julian day of the new moon of 1900-01-01, the series' origin

// Julian day number of a Gregorian date (integer days, noon-based).
function julianDay(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return (
    d +
    Math.floor((153 * mm + 2) / 5) +
    365 * yy +
    Math.floor(yy / 4) -
    Math.floor(yy / 100) +
    Math.floor(yy / 400) -
    32045
  );
}

function fromJulianDay(jd: number): LocalDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return localDate(year, month, day);
}

const RAD = Math.PI / 180;

// Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus ch. 49, short series).
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * t) * Math.sin(m * RAD) + 0.0021 * Math.sin(2 * RAD * m);
  c += -0.4068 * Math.sin(mp * RAD) + 0.0161 * Math.sin(RAD * 2 * mp) - 0.0004 * Math.sin(RAD * 3 * mp);
  c += 0.0104 * Math.sin(RAD * 2 * f) - 0.0051 * Math.sin(RAD * (m + mp));
  c += -0.0074 * Math.sin(RAD * (m - mp)) + 0.0004 * Math.sin(RAD * (2 * f + m));
  c += -0.0004 * Math.sin(RAD * (2 * f - m)) - 0.0006 * Math.sin(RAD * (2 * f + mp));
  c += 0.001 * Math.sin(RAD * (2 * f - mp)) + 0.0005 * Math.sin(RAD * (2 * mp + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

// Apparent longitude of the sun (radians, 0..2π) at a Julian date.
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(RAD * m);
  dl += (0.019993 - 0.000101 * t) * Math.sin(RAD * 2 * m) + 0.00029 * Math.sin(RAD * 3 * m);
  const l = (l0 + dl) * RAD;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

// Local day number of the k-th new moon.
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

// Which of the 12 solar-term sectors (30° each) the sun is in at the start of a local day.
function sunSector(dayNumber: number, tz: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

// First day of the lunar month 11 (the one with the winter solstice) that begins in or before December of `y`.
function month11(y: number, tz: number): number {
  const k = Math.floor((julianDay(y, 12, 31) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

// In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes.
function leapOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - K_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(y: number): void {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
    throw new RangeError(`lunar calendar supports ${MIN_YEAR}–${MAX_YEAR}, got ${y}`);
  }
}

/** The lunar date of a solar (Gregorian) date, e.g. "2025-01-29" → {2025, 1, 1}. Use for display and checks. */
export function solarToLunar(date: LocalDate, options: LunarOptions = {}): LunarDate {
  const tz = options.utcOffsetHours ?? VIETNAM;
  const { y, m, d } = dateParts(date);
  checkYear(y);
  const day = julianDay(y, m, d);
  const k = Math.floor((day - K_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > day) monthStart = newMoonDay(k, tz);
  let a11 = month11(y, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = y;
    a11 = month11(y - 1, tz);
  } else {
    year = y + 1;
    b11 = month11(y + 1, tz);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day: day - monthStart + 1, leap };
}

// Julian day of the first day of a lunar month, or null when that (leap) month does not exist.
function monthStartDay(year: number, month: number, leap: boolean, tz: number): number | null {
  const [a11, b11] =
    month < 11 ? [month11(year - 1, tz), month11(year, tz)] : [month11(year, tz), month11(year + 1, tz)];
  const k = Math.floor(0.5 + (a11 - K_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off, tz);
}

/**
 * The solar date of a lunar date, e.g. (2026, 1, 1) → "2026-02-17" (Tết) or (2025, 3, 10) →
 * "2025-04-07" (Hùng Kings' day). Throws RangeError for a lunar date that does not exist (a leap
 * month the year lacks, day 30 of a 29-day month); check with `leapMonthOf` / `lunarMonthLength`.
 */
export function lunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  leap = false,
  options: LunarOptions = {},
): LocalDate {
  const tz = options.utcOffsetHours ?? VIETNAM;
  checkYear(lunarYear);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`lunar month must be 1–12, got ${lunarMonth}`);
  }
  const start = monthStartDay(lunarYear, lunarMonth, leap, tz);
  if (start === null) throw new RangeError(`lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  const length = monthLength(start, tz);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > length) {
    throw new RangeError(`lunar month ${lunarMonth}/${lunarYear} has ${length} days, got day ${lunarDay}`);
  }
  return fromJulianDay(start + lunarDay - 1);
}

function monthLength(start: number, tz: number): number {
  const k = Math.floor((start - K_EPOCH) / SYNODIC_MONTH + 0.5);
  return newMoonDay(k + 1, tz) - start;
}

/** Days (29 or 30) in a lunar month; throws RangeError when the (leap) month does not exist. */
export function lunarMonthLength(
  lunarYear: number,
  lunarMonth: number,
  leap = false,
  options: LunarOptions = {},
): number {
  const tz = options.utcOffsetHours ?? VIETNAM;
  checkYear(lunarYear);
  const start = monthStartDay(lunarYear, lunarMonth, leap, tz);
  if (start === null) throw new RangeError(`lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  return monthLength(start, tz);
}

/** The month a lunar year repeats (e.g. 6 in 2025), or null in a 12-month year. */
export function leapMonthOf(lunarYear: number, options: LunarOptions = {}): number | null {
  const tz = options.utcOffsetHours ?? VIETNAM;
  checkYear(lunarYear);
  for (let month = 1; month <= 12; month += 1) {
    if (monthStartDay(lunarYear, month, true, tz) !== null) return month;
  }
  return null;
}
