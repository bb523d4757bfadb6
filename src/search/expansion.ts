import { fold, LANGS, type Lang } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";
import type { ConceptUnit } from "./coverage.js";
import { isPlace } from "./glossary-lookup.js";
import { askingSpans, tokenize } from "./tokenize.js";

/**
 * A question's glossary concepts, and their terms in every language: what the lexical search adds
 * to cross languages, and what the quote is cut around in the passage's language.
 */

/**
 * The glossary concepts of a question, each with the question's (folded) words it spans; a concept
 * found in part of an asking phrase ("báo" in "bao nhieu") is not one, while one the whole phrase
 * spells is ("bao lâu", how long: a time limit).
 */
export function conceptUnits(
  concepts: ConceptFinder,
  text: string,
  lang: Lang,
  own: Set<string>,
): ConceptUnit[] {
  const byId = new Map<string, Set<string>>();
  const asking = askingSpans(text, lang);
  for (const m of concepts.conceptsIn(text, lang)) {
    const inside = (a: { start: number; end: number }) =>
      a.start <= m.start && m.end <= a.end && m.end - m.start < a.end - a.start;
    if (asking.some(inside)) continue;
    const spanned = tokenize(text.slice(m.start, m.end), lang)
      .words.filter((w) => !w.includes("_"))
      .map(fold)
      .filter((w) => own.has(w));
    const set = byId.get(m.id) ?? new Set<string>();
    for (const w of spanned) set.add(w);
    byId.set(m.id, set);
  }
  return [...byId].map(([id, words]) => ({ id, words: [...words] }));
}

/**
 * Glossary expansion: each concept's terms in the other languages (to cross), and its other terms in
 * the question's language (synonyms: "trễ hẹn" finds "quá hạn"); `termsByLang` holds the folded words
 * of the question's concepts (places left out) per language.
 */
export function expand(
  concepts: ConceptFinder,
  units: ConceptUnit[],
  words: string[],
): { expansions: Set<string>; termsByLang: Map<Lang, Set<string>> } {
  const expansions = new Set<string>();
  const termsByLang = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));
  for (const { id } of units) {
    for (const lang of LANGS) {
      for (const term of concepts.termsFor(id, lang)) {
        for (const w of tokenize(term, lang).words) {
          if (!words.includes(w)) expansions.add(w);
          if (!w.includes("_") && !isPlace(id)) termsByLang.get(lang)?.add(fold(w));
        }
      }
    }
  }
  return { expansions, termsByLang };
}
