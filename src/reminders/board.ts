/**
 * The committee's dashboard as plain data: per deadline a grid of units × occurrences (worst units
 * first), per unit its history, and the due dates of the coming days with the holidays that move
 * them. Pure functions over the status table (`statusTable`), so the dashboard, the chat `/status`
 * and the CSV export agree on every state.
 */
import type { Store } from "../store/index.js";
import {
  addDays,
  DEFAULT_ZONE,
  type Holiday,
  type HolidayOptions,
  holidayOn,
  isWeekend,
  type LocalDate,
  localDateOf,
} from "./calendar/index.js";
import { occurrenceOf, type UnitState } from "./schedule.js";
import { type StatusRow, statusTable } from "./status.js";

/** Every state, worst first: the order the dashboard sorts and the legend lists them in. */
export const BOARD_STATES: readonly UnitState[] = [
  "missing",
  "late",
  "extension-requested",
  "pending",
  "extended",
  "on-time",
];

const RANK = new Map(BOARD_STATES.map((s, i) => [s, i]));
const rank = (s: UnitState) => RANK.get(s) ?? BOARD_STATES.length;

/** One column of a deadline's grid: an occurrence with the due date every unit has unless extended. */
export interface BoardColumn {
  occurrence: LocalDate;
  due: LocalDate;
}

/** One unit × occurrence in a grid: the status row without what the grid already says (deadline, unit). */
export type BoardCell = Pick<
  StatusRow,
  "occurrence" | "due" | "state" | "daysOverdue" | "reportedAt" | "extensionRequestedAt" | "extensionReason"
>;

const cellOf = (r: StatusRow): BoardCell => ({
  occurrence: r.occurrence,
  due: r.due,
  state: r.state,
  daysOverdue: r.daysOverdue,
  reportedAt: r.reportedAt,
  extensionRequestedAt: r.extensionRequestedAt,
  extensionReason: r.extensionReason,
});

/** One unit's row of a deadline's grid; `cells[i]` belongs to `columns[i]`. */
export interface BoardUnit {
  id: string;
  name: string;
  /** The unit's worst state in the window, and its largest number of days overdue. */
  worst: UnitState;
  daysOverdue: number;
  cells: (BoardCell | null)[];
}

/** One deadline's grid. Columns newest first; units worst first (most days overdue first). */
export interface BoardDeadline {
  id: string;
  title: string;
  docNumber: string | null;
  task: number | null;
  columns: BoardColumn[];
  units: BoardUnit[];
  counts: Record<UnitState, number>;
}

/** Which part of the board: one deadline or all active ones, occurrences due in [from, until]. */
export interface BoardOptions extends HolidayOptions {
  deadlineId?: string;
  from?: LocalDate;
  until?: LocalDate;
}

/** Days the grid looks back and ahead by default (about four months of monthly reports). */
export const BOARD_DAYS_BACK = 120;
export const BOARD_DAYS_AHEAD = 31;

const zeroCounts = (): Record<UnitState, number> =>
  Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<UnitState, number>;

/** The default window of the grid at `now`: [today − 120 days, today + 31 days] in Vietnam. */
export function boardWindow(now: Date, o: BoardOptions = {}): { from: LocalDate; until: LocalDate } {
  const today = localDateOf(now, DEFAULT_ZONE);
  return {
    from: o.from ?? addDays(today, -BOARD_DAYS_BACK),
    until: o.until ?? addDays(today, BOARD_DAYS_AHEAD),
  };
}

/** The window's status rows (one per unit × occurrence), overdue first: what the CSV export lists. */
export function boardRows(store: Store, now: Date, o: BoardOptions = {}): StatusRow[] {
  return statusTable(store, now, { ...o, ...boardWindow(now, o) });
}

/**
 * The grid of every active deadline (or the one named) at `now`: deadlines with the most missing
 * reports first, then by most days overdue; in each, units in `BOARD_STATES` order of their worst cell.
 */
export function deadlineBoard(store: Store, now: Date, o: BoardOptions = {}): BoardDeadline[] {
  const rows = boardRows(store, now, o);
  const boards: BoardDeadline[] = [];
  const names = new Map(store.units.list().map((u) => [u.id, u.name]));
  const deadlines = o.deadlineId
    ? [store.deadlines.get(o.deadlineId)].flatMap((d) => (d ? [d] : []))
    : store.deadlines.list({ active: true });
  for (const d of deadlines) {
    const mine = rows.filter((r) => r.deadlineId === d.id);
    const nominals = [...new Set(mine.map((r) => r.occurrence))].sort().reverse();
    const byCell = new Map(mine.map((r) => [`${r.unitId}|${r.occurrence}`, cellOf(r)]));
    const columns = nominals.map((n) => ({ occurrence: n, due: occurrenceOf(d, n, o)?.due ?? n }));
    const counts = zeroCounts();
    const units: BoardUnit[] = [];
    for (const unitId of d.unitIds) {
      const cells = nominals.map((n) => byCell.get(`${unitId}|${n}`) ?? null);
      const present = cells.filter((c): c is BoardCell => c !== null);
      for (const c of present) counts[c.state] += 1;
      const worst = present.reduce<UnitState>((w, c) => (rank(c.state) < rank(w) ? c.state : w), "on-time");
      const daysOverdue = Math.max(0, ...present.map((c) => c.daysOverdue));
      units.push({
        id: unitId,
        name: names.get(unitId) ?? unitId,
        worst,
        daysOverdue,
        cells,
      });
    }
    units.sort(
      (a, b) =>
        rank(a.worst) - rank(b.worst) || b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name, "vi"),
    );
    boards.push({ id: d.id, title: d.title, docNumber: d.docNumber, task: d.task, columns, units, counts });
  }
  const overdue = (b: BoardDeadline) => Math.max(0, ...b.units.map((u) => u.daysOverdue));
  return boards.sort(
    (a, b) =>
      b.counts.missing - a.counts.missing || overdue(b) - overdue(a) || a.title.localeCompare(b.title, "vi"),
  );
}

/** Days of history a unit's page shows by default. */
export const HISTORY_DAYS = 365;

/** A unit's rows across all active deadlines, newest due date first (a year back, 90 days ahead by default). */
export function unitHistory(store: Store, unitId: string, now: Date, o: BoardOptions = {}): StatusRow[] {
  const today = localDateOf(now, DEFAULT_ZONE);
  const window = { from: o.from ?? addDays(today, -HISTORY_DAYS), until: o.until ?? addDays(today, 90) };
  return statusTable(store, now, { ...o, ...window })
    .filter((r) => r.unitId === unitId)
    .sort((a, b) => (a.due < b.due ? 1 : a.due > b.due ? -1 : a.deadlineId.localeCompare(b.deadlineId)));
}

/** What falls due on one day for one deadline: how many units, in which states. */
export interface DueItem {
  deadlineId: string;
  title: string;
  occurrence: LocalDate;
  units: number;
  counts: Record<UnitState, number>;
}

/** One day of the coming-days calendar. */
export interface CalendarDay {
  date: LocalDate;
  weekend: boolean;
  /** The public holiday (or decreed day off) on that day, which due dates move away from. */
  holiday: Holiday | null;
  due: DueItem[];
}

/**
 * The `days` days from today (in Vietnam): each with its holiday and the deadlines due that day,
 * due dates computed as the reminders compute them (moved off weekends and holidays, extensions granted).
 */
export function dueCalendar(
  store: Store,
  now: Date,
  days = 90,
  holidays: HolidayOptions = {},
): CalendarDay[] {
  const today = localDateOf(now, DEFAULT_ZONE);
  const until = addDays(today, days - 1);
  const rows = statusTable(store, now, { ...holidays, from: today, until }).filter(
    (r) => r.due >= today && r.due <= until,
  );
  const byDay = new Map<LocalDate, StatusRow[]>();
  for (const r of rows) byDay.set(r.due, [...(byDay.get(r.due) ?? []), r]);
  const out: CalendarDay[] = [];
  for (let i = 0; i < days; i += 1) {
    const date = addDays(today, i);
    const due: DueItem[] = [];
    for (const r of byDay.get(date) ?? []) {
      let item = due.find((x) => x.deadlineId === r.deadlineId && x.occurrence === r.occurrence);
      if (!item) {
        item = {
          deadlineId: r.deadlineId,
          title: r.title,
          occurrence: r.occurrence,
          units: 0,
          counts: zeroCounts(),
        };
        due.push(item);
      }
      item.units += 1;
      item.counts[r.state] += 1;
    }
    out.push({ date, weekend: isWeekend(date), holiday: holidayOn(date, holidays), due });
  }
  return out;
}
