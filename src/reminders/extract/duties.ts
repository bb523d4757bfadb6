/**
 * Reporting duties stated in a document: who reports, to whom, and when, with the exact sentence.
 *
 * A sentence is a duty when it has a reporting verb ("báo cáo", "sơ kết", "tổng kết", "rendre
 * compte", "faire rapport", "report", "報告") used as a verb, and states a time: a period ("hằng
 * quý", "périodiquement", "定期的に") or a deadline ("trước ngày 30/6/2025"). A report mentioned in
 * passing ("theo báo cáo của Sở…", "the quarterly report was published") is not a duty, nor is a
 * duty-like sentence with no time ("Sở Nội vụ báo cáo UBND tỉnh"), nor a deadline with no report
 * ("hoàn thành trước ngày 15/4/2025").
 * Matching runs on the NFC, half-width form of each sentence (PDF and DOCX text is often decomposed);
 * `quote` is always sliced from the input as given, so it stays a verbatim substring of it. `units`
 * and `recipient` are as written up to that normalisation.
 */
import type { Rule, RuleKind } from "../calendar/index.js";
import { recipientOf, splitUnits, subjectOf } from "./parties.js";
import { type DutyLang, PATTERNS } from "./patterns.js";
import { rulesIn, type ScheduleOptions } from "./schedule.js";
import { splitSentences } from "./sentences.js";

/** One reporting duty found in text; a sentence stating two periods gives two duties with the same quote. */
export interface Duty {
  kind: RuleKind;
  rule: Rule;
  /** The sentence, exactly as it stands in the input (a substring of it). */
  quote: string;
  /** The units that owe the report, as the text names them; empty when the text names none. */
  units: string[];
  /** The body the report goes to, or null. */
  recipient: string | null;
  lang: DutyLang;
  /** Offsets of `quote` in the input. */
  start: number;
  end: number;
}

/** How to read the text: force a language (otherwise each sentence's verb decides) and date context. */
export interface ExtractOptions extends ScheduleOptions {
  lang?: DutyLang;
}

const DETECT_ORDER: DutyLang[] = ["ja", "vi", "fr", "en"];

// Language of a sentence with no reporting verb, only to find its subject for the next sentence.
function guessLang(sentence: string): DutyLang {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(sentence)) return "ja";
  if (/[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(sentence)) return "vi";
  if (/[àâçéèêëîïôûùüÿœ]/iu.test(sentence)) return "fr";
  return "en";
}

// NFC plus full-width → ASCII, so "１０日" and decomposed "báo cáo" match the patterns.
function normalise(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// A short label ending in a colon at the head of a sentence: up to five words, no digits.
const LABEL = /^\s*(?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+\s*:(?=\s)/u;

// Offsets of reporting verbs used as verbs.
function verbsIn(sentence: string, lang: DutyLang): number[] {
  const { verb, notVerb } = PATTERNS[lang];
  return [...sentence.matchAll(verb)]
    .map((m) => m.index)
    .filter((at) => !notVerb.test(sentence.slice(0, at)));
}

function subjectBefore(sentence: string, verbAt: number, lang: DutyLang, labelled: boolean): string | null {
  const clauseStart = sentence.lastIndexOf(";", verbAt) + 1;
  const inClause = subjectOf(sentence.slice(clauseStart, verbAt), lang, true, labelled && clauseStart === 0);
  if (inClause || clauseStart === 0) return inClause;
  return subjectOf(sentence.slice(0, verbAt), lang, false, labelled);
}

// The clauses of a sentence (between semicolons), each with its offset in it.
function clausesOf(sentence: string): { text: string; at: number }[] {
  const clauses: { text: string; at: number }[] = [];
  let at = 0;
  for (const part of sentence.split(";")) {
    clauses.push({ text: part, at });
    at += part.length + 1;
  }
  return clauses;
}

/**
 * Every reporting duty in `text` (a sentence or a whole document), in document order. Use it to
 * suggest deadlines from the corpus (DESIGN §3.3); check its output before making reminders of it.
 */
export function extractDuties(text: string, options: ExtractOptions = {}): Duty[] {
  const duties: Duty[] = [];
  let paragraph = -1;
  let carried: string | null = null; // the last subject seen in this paragraph
  for (const sentence of splitSentences(text)) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      carried = null;
    }
    // A label ("Chế độ báo cáo:", "Reporting:") heads the sentence; the duty and its subject follow it.
    const normalised = normalise(sentence.text);
    const labelled = LABEL.test(normalised);
    const norm = normalised.replace(LABEL, (label) => " ".repeat(label.length));
    const langs = options.lang ? [options.lang] : DETECT_ORDER;
    const lang = langs.find((l) => verbsIn(norm, l).length > 0);
    const ownSubject = subjectOf(norm, lang ?? options.lang ?? guessLang(norm));
    if (!lang) {
      carried = ownSubject ?? carried;
      continue;
    }
    // "công an xã báo cáo hằng tháng …; các sở báo cáo 6 tháng …; Công an tỉnh tổng hợp, báo cáo …":
    // clauses that each state a report and its time are duties of their own, each with its units and
    // recipient; otherwise the sentence is one duty.
    const whole = { text: norm, at: 0, verbs: verbsIn(norm, lang) };
    const ruled = <C extends { text: string }>(c: C) => ({
      ...c,
      rules: rulesIn(c.text, PATTERNS[lang], options),
    });
    const stated = clausesOf(norm)
      .map((c) => ({ ...c, verbs: verbsIn(c.text, lang).map((v) => v + c.at) }))
      .filter((c) => c.verbs.length > 0)
      .map(ruled)
      .filter((c) => c.rules.length > 0);
    const parts = stated.length > 1 ? stated : [ruled(whole)];
    const recipientIn = (upTo: string, verbs: number[]) =>
      verbs.map((at) => recipientOf(upTo, at, lang)).find((r) => r !== null) ?? null;
    for (const part of parts) {
      if (part.rules.length === 0) continue;
      // Offsets stay those of the whole sentence, so the subject may come from a clause before.
      const text = norm.slice(0, part.at + part.text.length);
      const subject = subjectBefore(text, part.verbs[0] ?? 0, lang, labelled) ?? carried;
      // A clause that names no recipient reports where the sentence does ("…; gửi báo cáo năm về Ban
      // Thường vụ Tỉnh ủy trước ngày 10/12").
      const recipient =
        recipientIn(text, part.verbs) ?? (parts.length > 1 ? recipientIn(norm, whole.verbs) : null);
      const units = subject ? splitUnits(subject, lang) : [];
      for (const rule of part.rules) {
        duties.push({
          kind: rule.kind,
          rule,
          quote: sentence.text,
          units: [...units],
          recipient,
          lang,
          start: sentence.start,
          end: sentence.end,
        });
      }
    }
    carried = ownSubject ?? carried;
  }
  return duties;
}
