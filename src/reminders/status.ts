/**
 * The committee's view: for each deadline, each recent occurrence and each unit that owes it, where
 * the unit stands. Plain data (the chat feature formats it; `cadre deadlines status --json` prints
 * it as JSON lines), overdue first.
 */
import type { DeadlineRecord, StatusRecord, Store } from "../store/index.js";
import {
  addDays,
  daysBetween,
  type HolidayOptions,
  type LocalDate,
  localDateOf,
  type Occurrence,
  occurrences,
} from "./calendar/index.js";
import { dueFor, lookbackDays, type UnitState, unitState } from "./schedule.js";

/** One unit × occurrence of a deadline. */
export interface StatusRow {
  deadlineId: string;
  title: string;
  docNumber: string | null;
  task: number | null;
  /** The occurrence's nominal date (its name). */
  occurrence: LocalDate;
  /** The date the unit owes the report by (an extension included). */
  due: LocalDate;
  unitId: string;
  unitName: string;
  state: UnitState;
  /** Whole days past `due` for a missing unit, else 0. */
  daysOverdue: number;
  reportedAt: string | null;
  extensionRequestedAt: string | null;
  extensionReason: string | null;
}

/** Which rows: one deadline or all active ones; occurrences due in [from, until] (default: recent past to 31 days ahead). */
export interface StatusOptions extends HolidayOptions {
  deadlineId?: string;
  from?: LocalDate;
  until?: LocalDate;
}

const ORDER: Record<UnitState, number> = {
  missing: 0,
  "extension-requested": 1,
  pending: 2,
  extended: 3,
  late: 4,
  "on-time": 5,
};

function occurrencesFor(
  d: DeadlineRecord,
  today: LocalDate,
  statuses: StatusRecord[],
  o: StatusOptions,
): Occurrence[] {
  const from = o.from ?? addDays(today, -lookbackDays(d));
  const until = o.until ?? addDays(today, 31);
  // Nominal dates sit on or after due dates (due dates only move back), so widen by the longest move.
  const found = occurrences(d.rule, from, addDays(until, 14), {
    ...o,
    zone: d.zone,
    shiftToWorkingDay: d.shiftToWorkingDay,
  });
  const list = found.filter((occ) => occ.due >= from && occ.due <= until && occ.due >= (d.startsOn ?? from));
  // An occurrence outside the window still shows while some unit's extension keeps it open.
  for (const s of statuses) {
    if (s.extendedDue && s.extendedDue >= from && !list.some((x) => x.nominal === s.occurrence)) {
      const all = occurrences(d.rule, s.occurrence, s.occurrence, {
        ...o,
        zone: d.zone,
        shiftToWorkingDay: d.shiftToWorkingDay,
      });
      if (all[0]) list.push(all[0]);
    }
  }
  return list;
}

/**
 * The status table at `now`: rows for every unit of every (active, or the named) deadline and each
 * occurrence in the window, sorted missing first (most overdue first), then extension requested,
 * pending and extended by due date, then late and on-time reports. Use for `/status` and the digest.
 */
export function statusTable(store: Store, now: Date, options: StatusOptions = {}): StatusRow[] {
  const deadlines = options.deadlineId
    ? [store.deadlines.get(options.deadlineId)].filter((d): d is DeadlineRecord => d !== null)
    : store.deadlines.list({ active: true });
  const names = new Map(store.units.list().map((u) => [u.id, u.name]));
  const rows: StatusRow[] = [];
  for (const d of deadlines) {
    const today = localDateOf(now, d.zone);
    const statuses = store.statuses.list({ deadlineId: d.id });
    const byKey = new Map(statuses.map((s) => [`${s.occurrence}|${s.unitId}`, s]));
    for (const occ of occurrencesFor(d, today, statuses, options)) {
      for (const unitId of d.unitIds) {
        const s = byKey.get(`${occ.nominal}|${unitId}`) ?? null;
        const due = dueFor(occ, s);
        const state = unitState(d, occ, s, now);
        const overdue = state === "missing" ? daysBetween(due, today) : 0;
        rows.push({
          deadlineId: d.id,
          title: d.title,
          docNumber: d.docNumber,
          task: d.task,
          occurrence: occ.nominal,
          due,
          unitId,
          unitName: names.get(unitId) ?? unitId,
          state,
          daysOverdue: overdue,
          reportedAt: s?.reportedAt ?? null,
          extensionRequestedAt: s?.extensionRequestedAt ?? null,
          extensionReason: s?.extensionReason ?? null,
        });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      b.daysOverdue - a.daysOverdue ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      (a.deadlineId < b.deadlineId ? -1 : a.deadlineId > b.deadlineId ? 1 : 0) ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
}

/** The rows as JSON lines, one object per row: the output of `cadre deadlines status --json`. */
export function statusJsonLines(rows: readonly StatusRow[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length > 0 ? "\n" : "");
}
