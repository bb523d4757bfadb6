import { readFileSync } from "node:fs";
import path from "node:path";
import type { QuizQuestion } from "../../src/quiz/index.js";
import { findDates, fold } from "../../src/text/index.js";

/**
 * Checks of DESIGN §3.4 written independently of the generator's own verifier: what a reviewer
 * would check by hand with the corpus file open. Each returns the problems found.
 */

const flat = (s: string) =>
  fold(s.replace(/[\u2019\u2018]/gu, "'"))
    .replace(/\s+/gu, " ")
    .trim();
const parts = (s: string) =>
  s
    .split("…")
    .map((p) => flat(p))
    .filter(Boolean);

/** True when every "…"-separated part of `needle` is in `hay` (folded, spaces squashed). */
export function inText(hay: string, needle: string): boolean {
  const h = flat(hay);
  const p = parts(needle);
  return p.length > 0 && p.every((x) => h.includes(x));
}

/** The limits of §3.4 and a quote that is verbatim in its file (read from disk). */
export function contractProblems(q: QuizQuestion, corpusDir: string): string[] {
  const out: string[] = [];
  const keys = Object.keys(q).join(",");
  if (keys !== "id,kind,lang,question,options,correct,explanation,citation") out.push(`keys ${keys}`);
  if (!q.id) out.push("no id");
  if (q.question.length === 0 || q.question.length > 300) out.push(`question length ${q.question.length}`);
  if (q.options.length < 2 || q.options.length > 10) out.push(`${q.options.length} options`);
  if (q.options.some((o) => o.length === 0 || o.length > 100)) out.push("option length");
  if (new Set(q.options.map(flat)).size !== q.options.length) out.push("options not distinct");
  if (q.correct.length !== 1 || !(q.correct[0]! >= 0 && q.correct[0]! < q.options.length))
    out.push("correct");
  if (q.explanation.length === 0 || q.explanation.length > 200)
    out.push(`explanation length ${q.explanation.length}`);
  const c = q.citation;
  if (!c) return [...out, "no citation"];
  const file = readFileSync(path.join(corpusDir, c.file), "utf8");
  if (!file.replace(/\s+/gu, " ").includes(c.quote.replace(/\s+/gu, " ")) || c.quote.trim().length < 5) {
    out.push("quote not verbatim in its file");
  }
  if (c.docNumber && !q.explanation.includes(c.docNumber)) out.push("explanation does not name the document");
  if (c.task !== null && !new RegExp(`\\D${c.task}(\\D|$)`, "u").test(q.explanation)) {
    out.push("explanation does not name the task");
  }
  return out;
}

const embedded = (q: QuizQuestion) => {
  const [open, close] = q.lang === "ja" ? ["『", "』"] : ["«", "»"];
  return q.question.slice(q.question.indexOf(open) + 1, q.question.lastIndexOf(close));
};

/**
 * Which options the quote supports, by kind, in the plainest terms: the option text is in the
 * quote; the date is a date of the quote; the sentence with the blank filled is in the quote; the
 * statement's quoted fact is in the quote. Kinds whose options are task numbers return null.
 */
export function supportedByQuote(q: QuizQuestion): boolean[] | null {
  const quote = q.citation?.quote ?? "";
  switch (q.kind) {
    case "assigned-body":
    case "document-issuer":
    case "motto":
    case "task-content":
      return q.options.map((o) => inText(quote, o));
    case "document-date": {
      const dates = new Set(findDates(quote).map((d) => d.iso));
      return q.options.map((o) => dates.has(findDates(o)[0]?.iso ?? "none"));
    }
    case "figure": {
      const [left, right] = embedded(q).split("___");
      return q.options.map((o) => inText(quote, `${left}${o}${right}`));
    }
    case "true-false": {
      const fact = embedded(q);
      const iso = findDates(fact)[0]?.iso;
      const holds =
        iso && fact.length <= 20 ? findDates(quote).some((d) => d.iso === iso) : inText(quote, fact);
      return [holds, !holds];
    }
    default:
      return null;
  }
}
