/**
 * The reminder plan for one occurrence: which steps go out, and at which UTC instant.
 *
 * Default (DESIGN §6, issue 5): 7, 3 and 1 calendar days before the due date and on the day, at 08:00
 * local time; then overdue notices every 2 working days after the due date, at most 3 (overdue-k on
 * due + 2k working days, so none lands on a weekend or holiday). "Days before" are calendar days: a
 * week's notice is a week even across a weekend. The step names are stable: they are part of the
 * exactly-once delivery key (deadline, unit, occurrence, step).
 */
import { z } from "zod";
import type { HolidayOptions } from "./holidays.js";
import { addWorkingDays } from "./workdays.js";
import { addDays, DEFAULT_ZONE, instantAt, type LocalDate } from "./zone.js";

/** A step of the plan: "before-7", "before-3", "before-1", "due", "overdue-1" … */
export type PlanStep = `before-${number}` | "due" | `overdue-${number}`;

/** The zod schema of a plan's settings, for deadline YAML and configuration. */
export const PlanConfigSchema = z.object({
  /** Calendar days before the due date on which to remind. */
  daysBefore: z.array(z.number().int().min(1).max(366)).max(10),
  /** Local wall-clock time of every step, "HH:MM". */
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM"),
  /** Working days between overdue notices (and from the due date to the first). */
  overdueEveryWorkingDays: z.number().int().min(1).max(60),
  /** How many overdue notices at most; 0 sends none. */
  overdueCount: z.number().int().min(0).max(20),
});

/** Settings of a reminder plan. */
export type PlanConfig = z.infer<typeof PlanConfigSchema>;

/** The default plan: 7/3/1 days before and on the day at 08:00, then 3 overdue notices every 2 working days. */
export const DEFAULT_PLAN: Readonly<PlanConfig> = Object.freeze({
  daysBefore: [7, 3, 1],
  timeOfDay: "08:00",
  overdueEveryWorkingDays: 2,
  overdueCount: 3,
});

/** One planned send: the step, the local date it belongs to and the UTC instant it is due. */
export interface PlannedStep {
  step: PlanStep;
  date: LocalDate;
  at: Date;
}

/** Where and how to plan: the zone of the wall-clock time, plan overrides and holiday adjustments. */
export interface PlanOptions extends HolidayOptions {
  zone?: string;
  plan?: Partial<PlanConfig>;
}

/**
 * Every step of the plan for a due date, sorted by time. Use once per (deadline, occurrence) to
 * schedule sends. Throws a ZodError when the plan settings are invalid (validate them at load time).
 */
export function planReminders(due: LocalDate, options: PlanOptions = {}): PlannedStep[] {
  const overrides = Object.entries(options.plan ?? {}).filter(([, value]) => value !== undefined);
  const config = PlanConfigSchema.parse({ ...DEFAULT_PLAN, ...Object.fromEntries(overrides) });
  const zone = options.zone ?? DEFAULT_ZONE;
  const at = (date: LocalDate) => instantAt(date, config.timeOfDay, zone);
  const steps: PlannedStep[] = [];
  for (const n of [...new Set(config.daysBefore)].sort((a, b) => b - a)) {
    const date = addDays(due, -n);
    steps.push({ step: `before-${n}`, date, at: at(date) });
  }
  steps.push({ step: "due", date: due, at: at(due) });
  for (let k = 1; k <= config.overdueCount; k += 1) {
    const date = addWorkingDays(due, k * config.overdueEveryWorkingDays, options);
    steps.push({ step: `overdue-${k}`, date, at: at(date) });
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
