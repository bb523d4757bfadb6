import type { Document, DocumentVersion } from "../corpus/index.js";
import type { ConceptFinder } from "../search/index.js";
import { findDates, findDocNumbers, type Lang } from "../text/index.js";
import { BLANK } from "./kinds/figures.js";
import { sourceOf } from "./source.js";
import { contains, sameThing } from "./text.js";
import type { QuizQuestion } from "./types.js";

/**
 * Which options of a question its evidence supports, decided per kind from the question's own
 * text and citation — never from what the generator meant. A generated question is kept only when
 * exactly its right option is supported.
 */

/** What support is checked against. */
export interface Evidence {
  doc: Document;
  version: DocumentVersion;
  concepts: ConceptFinder;
}

/** The text between the first opening mark and the last closing mark of `text`, or null. */
export function embedded(text: string, lang: Lang): string | null {
  const [open, close] = lang === "ja" ? ["『", "』"] : ["«", "»"];
  const a = text.indexOf(open);
  const b = text.lastIndexOf(close);
  return a >= 0 && b > a ? text.slice(a + 1, b) : null;
}

const isoOf = (s: string) => {
  const found = findDates(s);
  return found.length === 1 ? (found[0]?.iso ?? null) : null;
};
const isosIn = (s: string) => new Set(findDates(s).map((d) => d.iso));

function conceptIds(text: string, lang: Lang, concepts: ConceptFinder): Set<string> {
  return new Set(concepts.conceptsIn(text, lang).map((m) => m.id));
}

/** For each option, whether the evidence supports it; a string says why the question cannot be judged. */
export function supported(q: QuizQuestion, ev: Evidence): boolean[] | string {
  const quote = q.citation?.quote ?? "";
  const right = q.options[q.correct[0] ?? -1] ?? "";
  const lang = ev.version.lang;
  switch (q.kind) {
    case "which-task": {
      const phrase = embedded(q.question, q.lang);
      if (!phrase) return "no quoted phrase in the question";
      const s = sourceOf({ ...ev.doc, versions: [ev.version] }, lang);
      const units = q.citation?.task != null ? s.tasks : s.articles;
      const unitOf = (o: string) => units.find((u) => u.n === Number(o.match(/\d+/u)?.[0]));
      const rightUnit = unitOf(right);
      if (!rightUnit) return "the right option names no unit of the document";
      const verbatim = contains(rightUnit.text, phrase);
      const ids = conceptIds(phrase, q.lang, ev.concepts);
      if (!verbatim && ids.size === 0) return "the phrase is neither in the task nor a known concept";
      const inQuote = conceptIds(quote, lang, ev.concepts);
      if (verbatim ? !contains(quote, phrase) : ![...ids].every((id) => inQuote.has(id))) {
        return "the quote does not hold what the question names";
      }
      return q.options.map((o) => {
        const u = unitOf(o);
        if (!u) return false;
        if (verbatim) return contains(u.text, phrase);
        const here = conceptIds(u.text, lang, ev.concepts);
        return [...ids].every((id) => here.has(id));
      });
    }
    case "task-content":
    case "assigned-body":
    case "motto":
    case "document-issuer": {
      if (q.kind === "document-issuer" && !namesNumberOf(q.question, quote)) {
        return "the quote does not state the document number the question asks about";
      }
      return q.options.map((o) => contains(quote, o));
    }
    case "document-date": {
      if (!namesNumberOf(q.question, quote))
        return "the quote does not state the document number asked about";
      const dates = isosIn(quote);
      return q.options.map((o) => {
        const iso = isoOf(o);
        return iso !== null && dates.has(iso);
      });
    }
    case "figure": {
      const cloze = embedded(q.question, q.lang);
      const parts = cloze?.split(BLANK) ?? [];
      if (parts.length !== 2) return "the question has no single blank";
      return q.options.map((o) => contains(quote, `${parts[0]}${o}${parts[1]}`));
    }
    case "true-false": {
      if (q.options.length !== 2) return "a true/false question has two options";
      const fact = embedded(q.question, q.lang);
      if (!fact) return "no quoted fact in the statement";
      const iso = isoOf(fact);
      const holds = iso !== null && fact.trim().length <= 20 ? isosIn(quote).has(iso) : contains(quote, fact);
      return [holds, !holds];
    }
    default:
      return q.options.map((_, i) => q.correct.includes(i));
  }
}

/** True when the question names a document number that the quote states. */
function namesNumberOf(question: string, quote: string): boolean {
  const inQuote = new Set(findDocNumbers(quote).map((n) => n.key));
  return findDocNumbers(question).some((n) => inQuote.has(n.key));
}

/** Problems with distractors that mean the same as the right option (another wording of it). */
export function equivalentDistractors(q: QuizQuestion, ev: Evidence): string[] {
  const right = q.options[q.correct[0] ?? -1] ?? "";
  if (q.kind === "figure" || q.kind === "document-date") {
    // "74,34 %" and "74,34%" (or 30/07/2021 and 30 July 2021) are one value written twice.
    const value = (o: string) => (q.kind === "figure" ? o.replace(/\D/gu, "") : (findDates(o)[0]?.iso ?? o));
    return q.options
      .filter((o, i) => !q.correct.includes(i) && value(o) === value(right))
      .map((o) => `option "${o}" is the right value written another way`);
  }
  if (!["assigned-body", "document-issuer", "motto"].includes(q.kind)) return [];
  return q.options
    .filter(
      (o, i) =>
        !q.correct.includes(i) && sameThing(o, right, ev.concepts, ev.version.lang, q.kind === "motto"),
    )
    .map((o) => `option "${o}" means the same as the right one`);
}
