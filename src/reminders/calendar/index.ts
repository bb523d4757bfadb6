/**
 * The calendar core of reminders: zone-correct dates, the Vietnamese lunar calendar, public
 * holidays and working days, recurrence rules and reminder plans. Pure functions, no I/O, no clock:
 * callers pass "today" and the zone in. Other code imports from here, never from the inner files.
 */
export { describeRule } from "./describe.js";
export {
  type Holiday,
  type HolidayCode,
  type HolidayOptions,
  holidayName,
  holidayOn,
  isPublicHoliday,
  publicHolidays,
} from "./holidays.js";
export {
  type LunarDate,
  type LunarOptions,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
} from "./lunar.js";
export {
  DEFAULT_PLAN,
  type PlanConfig,
  PlanConfigSchema,
  type PlannedStep,
  type PlanOptions,
  type PlanStep,
  planReminders,
} from "./plan.js";
export {
  type Occurrence,
  type OccurrenceOptions,
  occurrences,
  type ParseRuleResult,
  parseRule,
  type Rule,
  type RuleKind,
  RuleSchema,
  suggestedDates,
} from "./recurrence.js";
export {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  type WorkdayOptions,
  workingDayOnOrBefore,
  workingDaysBetween,
} from "./workdays.js";
export {
  addDays,
  clampToMonth,
  compareDates,
  type DateParts,
  DEFAULT_ZONE,
  dateParts,
  daysBetween,
  daysInMonth,
  instantAt,
  isLocalDate,
  isValidZone,
  isWeekend,
  type LocalDate,
  localDate,
  localDateOf,
  timeOfDayAt,
  weekday,
} from "./zone.js";
