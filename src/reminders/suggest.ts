/**
 * Deadlines suggested from the corpus (DESIGN §3.3): every reporting duty `extractDuties` finds in
 * a document, with the rule in plain words and the due dates it yields in a window, and the step
 * that turns one suggestion into a real deadline input (`cadre deadlines accept`, `/deadlines`).
 */
import { createHash } from "node:crypto";
import type { Lang } from "../text/index.js";
import {
  addDays,
  DEFAULT_ZONE,
  describeRule,
  type HolidayOptions,
  isLocalDate,
  type LocalDate,
  type Rule,
  type RuleKind,
  suggestedDates,
} from "./calendar/index.js";
import { extractDuties } from "./extract/index.js";

/** The part of a corpus file suggestions read (a `DocumentVersion` fits). */
export interface SuggestSource {
  file: string;
  text: string;
  number: string | null;
  title?: string;
  date: string | null;
}

/** One suggested deadline: the §3.3 fields, plus the parsed rule and a short stable id. */
export interface Suggestion {
  /** Short and stable while the sentence stays the same, e.g. "s-3f9a2c"; a valid deadline id. */
  id: string;
  docNumber: string | null;
  /** The document's title, used as the deadline's title when accepted. */
  title: string;
  file: string;
  quote: string;
  kind: RuleKind;
  rule: Rule;
  dates: LocalDate[];
  units: string[];
  recipient: string | null;
}

/** Which dates to list: [from, until] in `zone` (default Asia/Ho_Chi_Minh), moved off non-working days. */
export interface SuggestOptions extends HolidayOptions {
  from: LocalDate;
  /** Default: one year after `from`. */
  until?: LocalDate;
  zone?: string;
}

function suggestionId(file: string, start: number, rule: Rule): string {
  const hash = createHash("sha256")
    .update(`${file}|${start}|${JSON.stringify(rule)}`)
    .digest("hex");
  return `s-${hash.slice(0, 6)}`;
}

/** One year after `from` (the default end of the window). */
export function oneYearAfter(from: LocalDate): LocalDate {
  const [y, m, d] = from.split("-");
  const next = `${Number(y) + 1}-${m}-${d}`;
  return isLocalDate(next) ? next : addDays(`${Number(y) + 1}-03-01`, -1); // 29 Feb → 28 Feb
}

/**
 * Every duty in `sources`, in corpus order (files as given, sentences in document order). A date
 * with no year ("trước ngày 10/6") is read against the document's date, or `from` when it has none;
 * no date is listed before the document's date (a duty is not due before it is set).
 */
export function suggestDeadlines(sources: readonly SuggestSource[], options: SuggestOptions): Suggestion[] {
  const until = options.until ?? oneYearAfter(options.from);
  const zone = options.zone ?? DEFAULT_ZONE;
  const out: Suggestion[] = [];
  for (const src of sources) {
    const referenceDate = src.date && isLocalDate(src.date) ? src.date : options.from;
    const start = referenceDate > options.from ? referenceDate : options.from;
    for (const duty of extractDuties(src.text, { referenceDate })) {
      out.push({
        id: suggestionId(src.file, duty.start, duty.rule),
        docNumber: src.number,
        title: src.title ?? src.number ?? src.file,
        file: src.file,
        quote: duty.quote,
        kind: duty.kind,
        rule: duty.rule,
        dates: suggestedDates(duty.rule, start, until, { ...options, zone }),
        units: duty.units,
        recipient: duty.recipient,
      });
    }
  }
  return out;
}

/** The JSON object of DESIGN §3.3 for one suggestion (`rule` in plain English words). */
export function suggestionJson(s: Suggestion) {
  return {
    docNumber: s.docNumber,
    file: s.file,
    quote: s.quote,
    kind: s.kind,
    rule: describeRule(s.rule, "en"),
    dates: s.dates,
    units: s.units,
    recipient: s.recipient,
  };
}

/** Several lines of plain text for one suggestion, numbered `n` (what `accept N` takes). */
export function suggestionText(s: Suggestion, n: number, lang: Lang = "vi"): string {
  const dates = s.dates.length > 0 ? s.dates.join(", ") : "—";
  return [
    `${n}. [${s.id}] ${s.docNumber ?? s.file}: ${describeRule(s.rule, lang)}`,
    `   ${dates}`,
    `   ${s.units.join("; ") || "—"} → ${s.recipient ?? "—"}`,
    `   “${s.quote.replace(/\s+/g, " ").trim()}”`,
  ].join("\n");
}

/** Finds a suggestion by its 1-based number in the list or by its id; null when neither matches. */
export function pickSuggestion(list: readonly Suggestion[], ref: string): Suggestion | null {
  const r = ref.trim().toLowerCase();
  if (/^\d+$/.test(r)) return list[Number(r) - 1] ?? null;
  return list.find((s) => s.id === r) ?? null;
}

/**
 * The deadline input (`DeadlineInputSchema`) for a suggestion: the text's units and recipient unless
 * overridden. Periodic duties have no dates and cannot become reminders: `null` then.
 */
export function suggestionInput(
  s: Suggestion,
  overrides: { id?: string; title?: string; units?: string[]; recipient?: string } = {},
): Record<string, unknown> | null {
  if (s.rule.kind === "periodic") return null;
  const recipient = overrides.recipient ?? s.recipient ?? undefined;
  return {
    id: overrides.id ?? s.id,
    title: overrides.title ?? s.title,
    ...(s.docNumber ? { docNumber: s.docNumber } : {}),
    quote: s.quote,
    units: overrides.units ?? s.units,
    ...(recipient ? { recipient } : {}),
    rule: s.rule,
  };
}
