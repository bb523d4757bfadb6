/**
 * A stored deadline seen through the calendar: its occurrences around a day, the due date a unit
 * actually has (extension included), its reminder plan, its escalation day, and a unit's standing.
 * Pure functions over records; the dispatcher, the status table and the chat-command helpers share them.
 */
import type { DeadlineRecord, StatusRecord } from "../store/index.js";
import {
  addDays,
  addWorkingDays,
  daysBetween,
  type HolidayOptions,
  instantAt,
  type LocalDate,
  localDateOf,
  type Occurrence,
  occurrences,
  type PlannedStep,
  planReminders,
} from "./calendar/index.js";

/** The standing of one unit for one occurrence. */
export type UnitState = "on-time" | "late" | "missing" | "pending" | "extension-requested" | "extended";

// The calendar computes instants through Intl (microseconds each) and a dispatcher asks for the same
// plans every tick; results depend only on their inputs, so they are memoised (bounded).
const memo = new Map<string, unknown>();
function cached<T>(parts: unknown[], make: () => T): T {
  const key = JSON.stringify(parts);
  if (memo.has(key)) return memo.get(key) as T;
  if (memo.size >= 20_000) memo.clear();
  const value = make();
  memo.set(key, value);
  return value;
}

const optionsOf = (d: DeadlineRecord, holidays: HolidayOptions) => ({
  ...holidays,
  zone: d.zone,
  shiftToWorkingDay: d.shiftToWorkingDay,
});

/** The occurrence of `d` whose nominal date is `nominal`, or null when the rule has none that day. */
export function occurrenceOf(
  d: DeadlineRecord,
  nominal: LocalDate,
  holidays: HolidayOptions = {},
): Occurrence | null {
  const key = ["occ", d.rule, d.zone, d.shiftToWorkingDay, nominal, holidays];
  return cached(key, () => occurrences(d.rule, nominal, nominal, optionsOf(d, holidays))[0] ?? null);
}

/**
 * Calendar days before today to look back for occurrences still producing steps: past the last
 * overdue notice and the escalation (working days, so × 7/5, plus a Tết-sized margin) and past the
 * days a due date can move back from its nominal date.
 */
export function lookbackDays(d: DeadlineRecord): number {
  const workingDays = (d.plan.overdueCount + 1) * d.plan.overdueEveryWorkingDays;
  return Math.ceil((workingDays * 7) / 5) + 21;
}

/** Calendar days ahead of today in which an occurrence can already have a step due. */
export function lookaheadDays(d: DeadlineRecord): number {
  return Math.max(0, ...d.plan.daysBefore) + 21;
}

/**
 * The occurrences of `d` whose steps can fall near `today` (nominal dates in the look-back/ahead
 * window), minus those due before the deadline's `startsOn`.
 */
export function occurrencesNear(
  d: DeadlineRecord,
  today: LocalDate,
  holidays: HolidayOptions = {},
): Occurrence[] {
  const key = ["near", d.rule, d.zone, d.shiftToWorkingDay, d.plan, d.startsOn, today, holidays];
  return cached(key, () => {
    const from = addDays(today, -lookbackDays(d));
    const found = occurrences(d.rule, from, addDays(today, lookaheadDays(d)), optionsOf(d, holidays));
    return d.startsOn ? found.filter((o) => o.due >= (d.startsOn ?? "")) : found;
  }).slice();
}

/** The due date a unit has: the granted extension, else the occurrence's own. */
export function dueFor(occ: Occurrence, status: StatusRecord | null): LocalDate {
  return status?.extendedDue ?? occ.due;
}

/** The reminder plan (steps and instants) for a due date of `d`. */
export function planFor(
  d: DeadlineRecord,
  due: LocalDate,
  holidays: HolidayOptions = {},
): readonly PlannedStep[] {
  return cached(["plan", d.zone, d.plan, due, holidays], () =>
    planReminders(due, { ...holidays, zone: d.zone, plan: d.plan }),
  );
}

/** The day the supervising chat hears of units still missing: one overdue rhythm after the last notice. */
export function escalationDate(d: DeadlineRecord, due: LocalDate, holidays: HolidayOptions = {}): LocalDate {
  const n = (d.plan.overdueCount + 1) * d.plan.overdueEveryWorkingDays;
  return cached(["esc", due, n, holidays], () => addWorkingDays(due, n, holidays));
}

/** The instant of the escalation for a due date. */
export function escalationAt(d: DeadlineRecord, due: LocalDate, holidays: HolidayOptions = {}): Date {
  const date = escalationDate(d, due, holidays);
  return cached(["at", date, d.plan.timeOfDay, d.zone], () => instantAt(date, d.plan.timeOfDay, d.zone));
}

/**
 * Where a unit stands at `now`: reported on time (on or before its due day, local time) or late;
 * otherwise missing once its due day is over, else extended / extension requested / pending.
 */
export function unitState(
  d: DeadlineRecord,
  occ: Occurrence,
  status: StatusRecord | null,
  now: Date,
): UnitState {
  const due = dueFor(occ, status);
  if (status?.reportedAt) return localDateOf(new Date(status.reportedAt), d.zone) <= due ? "on-time" : "late";
  if (localDateOf(now, d.zone) > due) return "missing";
  if (status?.extendedDue) return "extended";
  if (status?.extensionRequestedAt) return "extension-requested";
  return "pending";
}

/** Calendar days from today (in the deadline's zone) to `due`: negative once overdue. */
export function daysLeft(d: DeadlineRecord, due: LocalDate, now: Date): number {
  return daysBetween(localDateOf(now, d.zone), due);
}
