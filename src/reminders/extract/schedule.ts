/**
 * From a duty sentence to the rules it states. Periods and deadlines are found separately, then each
 * period takes the deadlines that follow it up to the next period (or, failing that, those just
 * before it): "Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 25/11)" → semiannual 10/6 +
 * annual 25/11; "trước ngày 25 hằng tháng" → monthly 25. A deadline with a year is a one-off of its own
 * (unless in the brackets of a period: "định kỳ 6 tháng (trước ngày 10/6/2026)" is semiannual 10/6);
 * one with a month and year but no day ("vào tháng 7/2026") falls due on that month's last day.
 */
import {
  daysInMonth,
  isLocalDate,
  type LocalDate,
  localDate,
  parseRule,
  type Rule,
} from "../calendar/index.js";
import {
  type LangPatterns,
  monthFromName,
  type Period,
  type QuarterMonth,
  quarterMonthOf,
} from "./patterns.js";

/** What rule-building needs beyond the sentence. */
export interface ScheduleOptions {
  /**
   * The date a "day/month" without a year is read against (the document's date, or today): such a
   * one-off is the first matching date on or after it. Without it, such a deadline yields no rule.
   */
  referenceDate?: LocalDate;
}

interface Span {
  start: number;
  end: number;
}

interface Deadline extends Span {
  day: number;
  month?: number;
  year?: number;
  quarter?: QuarterMonth;
}

interface Mark extends Span {
  period: Period;
}

const PERIOD_OF: Partial<Record<Rule["kind"], Period>> = {
  monthly: "month",
  quarterly: "quarter",
  semiannual: "half-year",
  annual: "year",
};

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

// The rule model has no "within a month" form, so a month and year with no day ("sơ kết 6 tháng vào
// tháng 7/2026") is a one-off due on that month's last day: the latest date that still keeps the
// duty, shown as "before 31 July 2026" and moved back to a working day like any other due date.
function dayOf(g: Record<string, string | undefined>, month: number | undefined): number {
  if (g.d) return Number(g.d);
  const year = Number(g.y);
  const inRange = month !== undefined && month >= 1 && month <= 12 && year >= 1000 && year <= 9999;
  return inRange ? daysInMonth(year, month) : Number.NaN;
}

function deadline(g: Record<string, string | undefined>, span: Span): Deadline {
  const month = g.m ? Number(g.m) : g.mn ? (monthFromName(g.mn) ?? undefined) : undefined;
  return {
    ...span,
    day: dayOf(g, month),
    ...(month !== undefined && { month }),
    ...(g.y && { year: Number(g.y) }),
    ...(g.q && { quarter: quarterMonthOf(g.q) }),
  };
}

function findDeadlines(sentence: string, patterns: LangPatterns): Deadline[] {
  const found: Deadline[] = [];
  for (const re of patterns.deadlines) {
    for (const m of sentence.matchAll(re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (found.some((f) => overlaps(f, span))) continue;
      found.push(deadline(m.groups ?? {}, span));
      // "before 15 June and 15 December": each further date is a deadline of its own.
      const more = patterns.more;
      if (!more) continue;
      more.lastIndex = span.end;
      for (let n = more.exec(sentence); n; n = more.exec(sentence)) {
        const next = { start: n.index, end: n.index + n[0].length };
        if (found.some((f) => overlaps(f, next))) break;
        found.push(deadline(n.groups ?? {}, next));
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function findMarks(sentence: string, patterns: LangPatterns, deadlines: Deadline[]): Mark[] {
  const marks: Mark[] = [];
  for (const { period, re } of patterns.periods) {
    for (const m of sentence.matchAll(re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (deadlines.some((d) => overlaps(d, span)) || marks.some((k) => overlaps(k, span))) continue;
      marks.push({ ...span, period });
    }
  }
  // A deadline naming a month of the quarter states the period itself.
  for (const d of deadlines) {
    if (d.quarter !== undefined && !marks.some((k) => k.period === "quarter")) {
      marks.push({ start: d.start, end: d.start, period: "quarter" });
    }
  }
  // "Định kỳ 6 tháng", "định kỳ, hằng quý": a bare "periodically" adds nothing to a stated period.
  const specific = marks.filter((k) => k.period !== "periodic");
  return (specific.length > 0 ? specific : marks.slice(0, 1)).sort((a, b) => a.start - b.start);
}

// The deadlines each period takes: those after it up to the next period, else those just before it.
// A deadline with a year is a one-off, unless it is in the brackets the period opens: "định kỳ 6
// tháng (trước ngày 10/6/2026)" dates the period (the rule keeps its day and month, not its year).
function pair(sentence: string, marks: Mark[], deadlines: Deadline[]): Map<Mark, Deadline[]> {
  const bracketed = (d: Deadline) =>
    marks.some((k) => k.end <= d.start && /^\s*[(（][^)）]*$/u.test(sentence.slice(k.end, d.start)));
  const free = deadlines.filter((d) => d.year === undefined || bracketed(d));
  const taken = new Set<Deadline>();
  const result = new Map<Mark, Deadline[]>();
  marks.forEach((mark, i) => {
    const next = marks[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    const previous = marks[i - 1]?.end ?? 0;
    let mine = free.filter((d) => !taken.has(d) && d.start >= mark.start && d.start < next);
    if (mine.length === 0)
      mine = free.filter((d) => !taken.has(d) && d.end <= mark.start && d.start >= previous);
    if (mark.period === "periodic") mine = [];
    for (const d of mine) taken.add(d);
    result.set(mark, mine);
  });
  return result;
}

function ruleFor(period: Period, deadlines: Deadline[]): Rule[] {
  const first = deadlines[0];
  const withMonth = deadlines.filter((d) => d.month !== undefined);
  switch (period) {
    case "month":
      return [first ? { kind: "monthly", day: first.day } : { kind: "periodic", every: "month" }];
    case "quarter":
      return [
        first
          ? { kind: "quarterly", day: first.day, month: first.quarter ?? "last" }
          : { kind: "periodic", every: "quarter" },
      ];
    case "half-year":
      return [
        withMonth.length > 0
          ? {
              kind: "semiannual",
              dates: withMonth.slice(0, 2).map((d) => ({ day: d.day, month: d.month ?? 1 })),
            }
          : { kind: "periodic", every: "half-year" },
      ];
    case "year":
      return withMonth.length > 0
        ? withMonth.map((d) => ({ kind: "annual", day: d.day, month: d.month ?? 1 }))
        : [{ kind: "periodic", every: "year" }];
    case "periodic":
      return [{ kind: "periodic" }];
  }
}

function oneOff(d: Deadline, options: ScheduleOptions): Rule | null {
  if (d.month === undefined) return null;
  if (d.year !== undefined) {
    const iso = `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
    return isLocalDate(iso) ? { kind: "once", date: iso } : null;
  }
  if (!options.referenceDate) return null;
  const year = Number(options.referenceDate.slice(0, 4));
  for (const y of [year, year + 1]) {
    try {
      const date = localDate(y, d.month, d.day);
      if (date >= options.referenceDate) return { kind: "once", date };
    } catch {
      return null; // 31/4 and the like: not a date in any year
    }
  }
  return null;
}

/** The rules a duty sentence states, in the order it states them; empty when it states no time. */
export function rulesIn(sentence: string, patterns: LangPatterns, options: ScheduleOptions = {}): Rule[] {
  const deadlines = findDeadlines(sentence, patterns);
  const marks = findMarks(sentence, patterns, deadlines);
  const paired = pair(sentence, marks, deadlines);
  const claimed = new Set([...paired.values()].flat());
  const items: { at: number; rules: Rule[] }[] = marks.map((mark) => ({
    at: mark.start,
    rules: ruleFor(mark.period, paired.get(mark) ?? []),
  }));
  for (const d of deadlines) {
    if (claimed.has(d)) continue;
    const rule = oneOff(d, options);
    if (rule) items.push({ at: d.start, rules: [rule] });
  }
  const all = items.sort((a, b) => a.at - b.at).flatMap((i) => i.rules);
  // "monthly reports by the 5th of each month" states one period twice; keep the dated rule.
  const dated = new Set(all.map((r) => PERIOD_OF[r.kind]).filter((p) => p !== undefined));
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const rule of all) {
    const parsed = parseRule(rule);
    const key = JSON.stringify(rule);
    if (!parsed.ok || seen.has(key)) continue;
    if (rule.kind === "periodic" && rule.every && dated.has(rule.every)) continue;
    seen.add(key);
    rules.push(parsed.rule);
  }
  return rules;
}
