import { fold, type Lang } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";
import type { Entry } from "./entries.js";
import type { LexicalIndex } from "./lexical.js";
import { tokenize } from "./tokenize.js";

/**
 * How much of a question a passage holds: the confidence behind "the corpus does not contain the
 * answer". Computed per candidate passage; what a passage holds is kept for the next question.
 */
export class Coverage {
  private readonly contents = new Map<number, EntryContent>();

  constructor(
    private readonly lexical: LexicalIndex,
    private readonly concepts: ConceptFinder,
  ) {}

  /**
   * Share of the question found in a passage, IDF-weighted. The question counts as units: each
   * glossary concept it names (found when the passage names the same concept, in any language or
   * wording) and each remaining word (found in the passage or in its document's title and heading).
   * Across languages the share of concepts alone may decide, discounted. A date or figure the
   * question names must be in the passage.
   */
  of(entry: Entry, q: QuestionContent): number {
    const seen = this.entryContent(entry);
    const needAnchors = q.anchors.filter((a) => !a.startsWith("#doc:"));
    if (needAnchors.some((a) => !seen.words.has(a))) return 0;
    const n = Math.max(1, this.lexical.size);
    const idf = (t: string) => Math.log(1 + n / (1 + this.lexical.docFrequency(t)));
    const has = (w: string) =>
      seen.words.has(w) || seen.context.has(w) || (entry.lang !== "ja" && sharesStem(w, seen.words));
    let total = 0;
    let found = 0;
    const spanned = new Set<string>();
    for (const unit of q.units) {
      const weight = unit.words.length > 0 ? Math.max(...unit.words.map(idf)) : 1;
      total += weight;
      if (seen.concepts.has(unit.id) || (unit.words.length > 0 && unit.words.every(has))) found += weight;
      for (const w of unit.words) spanned.add(w);
    }
    for (const w of q.own) {
      if (spanned.has(w)) continue;
      const weight = idf(w);
      total += weight;
      if (has(w)) found += weight;
    }
    for (const p of q.pairs) {
      const weight = idf(p) * PAIR_WEIGHT;
      total += weight;
      if (has(p)) found += weight;
    }
    for (const a of q.anchors) {
      total += 2;
      if (seen.words.has(a) || seen.context.has(a)) found += 2;
    }
    const share = total > 0 ? found / total : 0;
    if (q.units.length === 0 || entry.lang === q.lang) return share;
    const conceptShare = q.units.filter((u) => seen.concepts.has(u.id)).length / q.units.length;
    return Math.max(share, conceptShare * 0.6);
  }

  /** What a passage holds, computed once per entry: words and anchors, concepts, context words. */
  private entryContent(entry: Entry): EntryContent {
    let content = this.contents.get(entry.id);
    if (!content) {
      const passage = tokenize(entry.passage.text, entry.lang);
      const context = tokenize(
        `${entry.doc.number ?? ""} ${entry.version.title} ${entry.version.issuer ?? ""} ${entry.passage.heading ?? ""}`,
        entry.lang,
      );
      content = {
        words: new Set([...passage.words.map(fold), ...passage.anchors]),
        context: new Set([...context.words.map(fold), ...context.anchors]),
        concepts: new Set(this.concepts.conceptsIn(entry.passage.text, entry.lang).map((c) => c.id)),
      };
      // Bounded: a long-running bot over a large corpus must not keep every passage it ever saw.
      if (this.contents.size >= MAX_CACHED) this.contents.clear();
      this.contents.set(entry.id, content);
    }
    return content;
  }
}

/** Passages whose content is kept between questions. */
const MAX_CACHED = 20_000;

/** A glossary concept named in a question, with the question's words it spans. */
export interface ConceptUnit {
  id: string;
  words: string[];
}

/** The parts of a question that coverage looks for. */
export interface QuestionContent {
  lang: Lang;
  own: string[];
  anchors: string[];
  units: ConceptUnit[];
  /** Vietnamese syllable pairs ("bo_chinh", "chinh_tri"), counted at `PAIR_WEIGHT`. */
  pairs: string[];
}

/** Weight of a syllable pair relative to a word of the same rarity. */
const PAIR_WEIGHT = 0.5;

interface EntryContent {
  words: Set<string>;
  context: Set<string>;
  concepts: Set<string>;
}

/**
 * Light stemming for Latin-script words: a word of six letters or more is found when the passage
 * has a word with the same first letters ("faiblesses" ~ "faibles", "présidé" ~ "présidée",
 * "digitised" ~ "digitisation"). No stemmer package is installed; this prefix rule is the cheap part
 * of one that matters most in French and English.
 */
function sharesStem(word: string, words: Set<string>): boolean {
  if (word.length < 6 || word.includes("_") || word.startsWith("#")) return false;
  const stem = word.slice(0, Math.max(5, word.length - 3));
  for (const w of words) if (w.length >= stem.length && w.startsWith(stem)) return true;
  return false;
}
