import type { Document } from "../corpus/index.js";
import { fold } from "../text/index.js";

export { asksQuantity, statesFigure, statesTime } from "../search/answer-type.js";
export { placeNames } from "../text/index.js";

/**
 * Checks that a retrieved passage can answer the question at all, beyond sharing its words:
 * a question that names a place must be about a document that mentions that place, and a question
 * that asks "how many / how much" must be answered by a passage that states a figure. A passage that
 * fails is not quoted as the answer (the corpus "does not hold it" is then the honest reply).
 */

/** True when every place the question names appears somewhere in the document (any version). */
export function namesFit(names: string[], doc: Document): boolean {
  if (names.length === 0) return true;
  const text = doc.versions.map((v) => fold(`${v.title} ${v.issuer ?? ""} ${v.text}`)).join(" ");
  const squashed = text.replace(/[^\p{L}\p{N}]+/gu, " ");
  return names.every((n) => squashed.includes(n));
}

/** The type code of a document number for each glossary kind ("05-CT/TU" is a directive). */
const KIND_CODES: Record<string, string[]> = {
  directive: ["ct"],
  plan: ["kh"],
  regulation: ["qdi", "qd"],
  decision: ["qd"],
  "official-letter": ["cv"],
  resolution: ["nq"],
  conclusion: ["kl"],
  project: ["da"],
};

/**
 * True when the document's number says it is of one of these kinds (glossary ids: directive, plan,
 * …), read from the type code after the serial ("112/KH-UBND" is a plan, "08-QĐi/TU" a regulation).
 */
export function kindFits(kinds: string[], doc: Document): boolean {
  const code = /^[\d/]+[-/]\s*([\p{L}]+)/u.exec(doc.number ?? "")?.[1];
  if (!code) return false;
  const folded = fold(code).replace(/đ/g, "d");
  return kinds.some((k) => KIND_CODES[k]?.includes(folded));
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * True when every year the question names ("in 2026", "2026年") appears somewhere in the document
 * (any version, its date included): a document that never mentions the year cannot say what
 * happened or is planned in it.
 */
export function yearsFit(question: string, doc: Document): boolean {
  const years = question.match(YEAR) ?? [];
  if (years.length === 0) return true;
  const text = doc.versions.map((v) => `${v.title} ${v.text}`).join(" ");
  return years.every((y) => text.includes(y) || doc.date?.startsWith(y));
}
