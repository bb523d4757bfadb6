/**
 * When a reporting duty falls due: the `Rule` a deadline carries and the dates it yields.
 *
 * "Before day N" in a directive ("trước ngày 20", "before the 20th") means the report is due on
 * day N: that is how committees read it and the date DESIGN §3.3 prints (quarterly before the 20th
 * → 2025-03-20). A day past the end of a short month means its last day (monthly day 31 → 30 April,
 * 28 or 29 February). Each occurrence has a `nominal` date (what the rule says; stable, so it names
 * the occurrence in delivery keys even if holiday lists change) and a `due` date (moved back to the
 * previous working day when the nominal date is a weekend or holiday, unless the deadline opts out).
 */
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import type { HolidayOptions } from "./holidays.js";
import { workingDayOnOrBefore } from "./workdays.js";
import {
  addDays,
  clampToMonth,
  compareDates,
  DEFAULT_ZONE,
  dateParts,
  daysBetween,
  instantAt,
  isLocalDate,
  type LocalDate,
  localDateOf,
} from "./zone.js";

const Day = z.number().int().min(1).max(31);
const Month = z.number().int().min(1).max(12);
// The longest each month can be, so "30/2" is refused while "29/2" means 28 Feb in common years.
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DayOfYear = z.object({ day: Day, month: Month }).refine((v) => v.day <= (MAX_DAY[v.month - 1] ?? 31), {
  message: "no such day in that month",
  path: ["day"],
});

function validCron(expr: string): boolean {
  // minute hour day month weekday, or an alias such as @monthly; seconds mean nothing for a deadline.
  if (!expr.trim().startsWith("@") && expr.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(expr, { tz: "UTC" }).next();
    return true;
  } catch {
    return false;
  }
}

/** The zod schema of a recurrence rule; parse untrusted input (YAML, chat commands, storage) with it. */
export const RuleSchema = z.discriminatedUnion("kind", [
  /** A one-off report due on `date`. */
  z.object({ kind: z.literal("once"), date: z.string().refine(isLocalDate, "expected a YYYY-MM-DD date") }),
  /** Every month on `day` (clamped to the month's last day). */
  z.object({ kind: z.literal("monthly"), day: Day }),
  /** Every quarter on `day` of the quarter's first, second or last month. */
  z.object({
    kind: z.literal("quarterly"),
    day: Day,
    month: z.union([z.literal("first"), z.literal("last"), z.literal(1), z.literal(2), z.literal(3)]),
  }),
  /**
   * A half-yearly report: each listed day/month recurs once a year. "Định kỳ 6 tháng (trước ngày
   * 10/6)" is [{day: 10, month: 6}]: the mid-year report, due 10 June every year; a directive that
   * also wants a year-end one says so ("và hằng năm (trước ngày 25/11)"), which is a separate annual
   * rule. Nothing is inferred six months later, since directives rarely mean exactly that.
   */
  z.object({ kind: z.literal("semiannual"), dates: z.array(DayOfYear).min(1).max(2) }),
  /** Every year on day/month. */
  z
    .object({ kind: z.literal("annual"), day: Day, month: Month })
    .refine((v) => v.day <= (MAX_DAY[v.month - 1] ?? 31), {
      message: "no such day in that month",
      path: ["day"],
    }),
  /** A five-field cron expression (minute hour day month weekday) read in the deadline's zone. */
  z.object({
    kind: z.literal("cron"),
    expr: z.string().refine(validCron, "expected a valid five-field cron expression"),
  }),
  /** A duty with no stated date ("rendre compte périodiquement"); `every` keeps a stated period. Yields no dates. */
  z.object({
    kind: z.literal("periodic"),
    every: z.enum(["month", "quarter", "half-year", "year"]).optional(),
  }),
]);

/** A recurrence rule; `kind` is the value DESIGN §3.3 prints. */
export type Rule = z.infer<typeof RuleSchema>;

/** The rule kinds, in the order of DESIGN §3.3. */
export type RuleKind = Rule["kind"];

/** Result of `parseRule`: a rule, or a stable code with a message naming the bad field. */
export type ParseRuleResult = { ok: true; rule: Rule } | { ok: false; code: "invalid-rule"; message: string };

/** Validates an untrusted value as a `Rule`; an invalid rule is an expected outcome, not an exception. */
export function parseRule(input: unknown): ParseRuleResult {
  const parsed = RuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, code: "invalid-rule", message: `${where}${issue?.message ?? "invalid rule"}` };
}

/** One occurrence of a rule: the date the rule names and the date the report is actually due. */
export interface Occurrence {
  nominal: LocalDate;
  due: LocalDate;
}

/** How occurrences are computed: zone (for cron), whether due dates move off non-working days, holidays. */
export interface OccurrenceOptions extends HolidayOptions {
  zone?: string;
  /** Move a weekend/holiday due date to the previous working day (default true; DESIGN §6). */
  shiftToWorkingDay?: boolean;
}

const MAX_RANGE_DAYS = 366 * 50;

function quarterMonths(month: "first" | "last" | 1 | 2 | 3): number[] {
  const offset = month === "first" ? 0 : month === "last" ? 2 : month - 1;
  return [1, 4, 7, 10].map((m) => m + offset);
}

// Nominal dates of the rule in the years [fromYear, untilYear], unfiltered.
function nominalDates(rule: Rule, fromYear: number, untilYear: number): LocalDate[] {
  const out: LocalDate[] = [];
  for (let y = fromYear; y <= untilYear; y += 1) {
    switch (rule.kind) {
      case "monthly":
        for (let m = 1; m <= 12; m += 1) out.push(clampToMonth(y, m, rule.day));
        break;
      case "quarterly":
        for (const m of quarterMonths(rule.month)) out.push(clampToMonth(y, m, rule.day));
        break;
      case "semiannual":
        for (const d of rule.dates) out.push(clampToMonth(y, d.month, d.day));
        break;
      case "annual":
        out.push(clampToMonth(y, rule.month, rule.day));
        break;
      default:
        break;
    }
  }
  return out;
}

function nextFiring(expr: string, zone: string, after: Date): Date | null {
  const schedule = CronExpressionParser.parse(expr, { tz: zone, currentDate: after });
  return schedule.hasNext() ? schedule.next().toDate() : null;
}

// Local dates on which a cron expression fires between `from` and `until`, in `zone`.
function cronDates(expr: string, from: LocalDate, until: LocalDate, zone: string): LocalDate[] {
  const out: LocalDate[] = [];
  let day = from;
  while (day <= until) {
    // Start a second before local midnight so a job at 00:00 counts; one parse per firing day keeps
    // "every minute" expressions from iterating 1,440 times a day.
    const start = new Date(instantAt(day, "00:00", zone).getTime() - 1000);
    const next = nextFiring(expr, zone, start);
    if (!next) break;
    const date = localDateOf(next, zone);
    if (date > until) break;
    out.push(date);
    day = addDays(date, 1);
  }
  return out;
}

/**
 * The occurrences of `rule` whose nominal date lies in [from, until] (both inclusive), sorted by
 * nominal date. A `periodic` rule yields none. Throws RangeError for a malformed range longer than 50 years.
 */
export function occurrences(
  rule: Rule,
  from: LocalDate,
  until: LocalDate,
  options: OccurrenceOptions = {},
): Occurrence[] {
  const span = daysBetween(from, until);
  if (span < 0) return [];
  if (span > MAX_RANGE_DAYS) throw new RangeError(`range ${from}..${until} is longer than 50 years`);
  const zone = options.zone ?? DEFAULT_ZONE;
  let nominal: LocalDate[];
  if (rule.kind === "once") nominal = [rule.date];
  else if (rule.kind === "periodic") nominal = [];
  else if (rule.kind === "cron") nominal = cronDates(rule.expr, from, until, zone);
  else nominal = nominalDates(rule, dateParts(from).y, dateParts(until).y);
  const shift = options.shiftToWorkingDay ?? true;
  return [...new Set(nominal)]
    .filter((d) => d >= from && d <= until)
    .sort(compareDates)
    .map((d) => ({ nominal: d, due: shift ? workingDayOnOrBefore(d, options) : d }));
}

/**
 * The due dates DESIGN §3.3 prints for a suggested deadline: occurrences in [from, until], except
 * that a one-off with an explicit date is always listed, wherever it falls.
 */
export function suggestedDates(
  rule: Rule,
  from: LocalDate,
  until: LocalDate,
  options: OccurrenceOptions = {},
): LocalDate[] {
  const list =
    rule.kind === "once"
      ? occurrences(rule, rule.date, rule.date, options)
      : occurrences(rule, from, until, options);
  return [...new Set(list.map((o) => o.due))];
}
