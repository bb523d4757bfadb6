import { fold, LANGS, type Lang, statesMoney, statesShare } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";
import type { Entry } from "./entries.js";
import { DOCUMENT_KINDS } from "./glossary-lookup.js";
import { type LexicalIndex, sharesStem } from "./lexical.js";
import { charPairs, tokenize } from "./tokenize.js";

/**
 * How much of a question a passage holds: the confidence behind "the corpus does not contain the
 * answer". Computed per candidate passage; what a passage holds is kept for the next question.
 */
export class Coverage {
  private readonly contents = new Map<number, EntryContent>();
  private readonly conceptWeights = new Map<string, number>();

  constructor(
    private readonly lexical: LexicalIndex,
    private readonly concepts: ConceptFinder,
  ) {}

  /**
   * Share of the question found in a passage, IDF-weighted. The question counts as units: each
   * glossary concept it names (found when the passage names the same concept, in any language or
   * wording) and each remaining word (found in the passage or in its document's title and heading).
   * Across languages a concept weighs what it is rare in the corpus; a question word no passage uses
   * weighs half. A date or figure the question names must be in the passage.
   */
  of(entry: Entry, q: QuestionContent): number {
    const seen = this.entryContent(entry);
    const lang = entry.lang;
    const needAnchors = q.anchors.filter((a) => !a.startsWith("#doc:"));
    if (needAnchors.some((a) => !seen.words.has(a))) return 0;
    const n = Math.max(1, this.lexical.size);
    const idf = (t: string) => Math.log(1 + n / (1 + this.lexical.docFrequency(t)));
    const has = (w: string) =>
      seen.words.has(w) || seen.context.has(w) || (lang !== "ja" && sharesStem(w, seen.words));
    let total = 0;
    let found = 0;
    const spanned = new Set<string>();
    const foreign = lang !== q.lang;
    for (const unit of q.units) {
      // A concept weighs what its rarest spelling of the question weighs, but never more than the
      // concept itself is rare in the corpus: across languages the question's own spelling is
      // unknown to the index ("media" over French text), and would make every concept the rarest.
      const spelled = unit.words.length > 0 ? Math.max(...unit.words.map(idf)) : 1;
      const weight = foreign ? Math.min(spelled, this.conceptIdf(unit.id)) : spelled;
      total += weight;
      const holds = seen.concepts.has(unit.id) || seen.kinds.has(unit.id);
      if (holds || spells(unit, q.lang, has)) found += weight;
      for (const w of unit.words) spanned.add(w);
    }
    // A word no passage of the corpus uses is weak evidence either way, not the rarest word of the
    // question: across languages it has no translation offline ("target" over Vietnamese text), and
    // in the corpus's own language it is the asker's wording ("ghe" for "tàu", "mách" for "báo tin").
    // A Japanese word and its character pairs are one word of the question, found in part when only
    // some of its pairs are ("受け入れ人数" over "受入人数"), not several words each missing.
    const pairsOf = new Map(q.own.map((w) => [w, charPairs(w)]));
    const parts = new Set([...pairsOf.values()].flat());
    for (const w of q.own) {
      if (spanned.has(w) || parts.has(w)) continue;
      const unknown = this.lexical.docFrequency(w) === 0;
      const weight = idf(w) * (unknown ? UNKNOWN_WEIGHT : 1);
      total += weight;
      const pieces = pairsOf.get(w) ?? [];
      if (has(w)) found += weight;
      else if (pieces.length > 0) found += (weight * pieces.filter(has).length) / pieces.length;
    }
    // Syllable pairs keep Vietnamese word order; a passage in another language cannot have them.
    for (const p of foreign ? [] : q.pairs) {
      // A pair no passage has is not a word of the corpus ("buổi đối" across two words): no order to keep.
      if (this.lexical.docFrequency(p) === 0) continue;
      const weight = idf(p) * PAIR_WEIGHT;
      total += weight;
      if (has(p)) found += weight;
    }
    for (const a of q.anchors) {
      // The number of the passage's own document (known from its context, not its text) says which
      // document is meant, which the search already restricts to: it tells no passage of it apart.
      if (a.startsWith("#doc:") && !seen.words.has(a) && seen.context.has(a)) continue;
      total += 2;
      if (seen.words.has(a)) found += 2;
    }
    return total > 0 ? found / total : 0;
  }

  /**
   * Share of the question's glossary concepts that the passage holds (by concept, in any language or
   * wording, or by all the question's words for it); 0 when the question names no concept.
   */
  conceptsHeld(entry: Entry, q: QuestionContent): number {
    if (q.units.length === 0) return 0;
    const seen = this.entryContent(entry);
    const held = q.units.filter(
      (u) =>
        seen.concepts.has(u.id) ||
        seen.kinds.has(u.id) ||
        spells(u, q.lang, (w) => seen.words.has(w) || seen.context.has(w)),
    );
    return held.length / q.units.length;
  }

  /**
   * IDF of a concept, estimated from the index: the passages holding its most common spelling in any
   * language (a spelling is as common as its rarest word or syllable pair). Cached per concept.
   */
  private conceptIdf(id: string): number {
    let value = this.conceptWeights.get(id);
    if (value === undefined) {
      let df = 0;
      for (const lang of LANGS) {
        for (const term of this.concepts.termsFor(id, lang)) {
          // Vietnamese syllable pairs ("cao_diem") estimate a term's rarity far better than its
          // syllables ("cao" is in every "nâng cao").
          const words = tokenize(term, lang).words;
          if (words.length > 0)
            df = Math.max(df, Math.min(...words.map((w) => this.lexical.docFrequency(w))));
        }
      }
      value = Math.log(1 + Math.max(1, this.lexical.size) / (1 + df));
      this.conceptWeights.set(id, value);
    }
    return value;
  }

  /** What a passage holds, computed once per entry: words and anchors, concepts, context words. */
  private entryContent(entry: Entry): EntryContent {
    let content = this.contents.get(entry.id);
    if (!content) {
      const { doc, version, passage } = entry;
      // The serial of its number too: "le 1470", "1470号" name the document as "1470-CV/TU" does.
      const serial = /^\d+/.exec(doc.number ?? "")?.[0] ?? "";
      const context = `${doc.number ?? ""} ${serial} ${version.title} ${version.issuer ?? ""} ${passage.heading ?? ""}`;
      // Like its words, the concepts of a passage's heading ("II. CHỈ TIÊU") count as held by it.
      content = this.contentOf(passage.text, context, passage.heading ?? "", entry);
      // Bounded: a long-running bot over a large corpus must not keep every passage it ever saw.
      if (this.contents.size >= MAX_CACHED) this.contents.clear();
      this.contents.set(entry.id, content);
    }
    return content;
  }

  /** What a text holds, with the words of its context (title, heading) and the concepts of its framing. */
  private contentOf(text: string, context: string, framing: string, entry: Entry): EntryContent {
    const lang = entry.lang;
    const words = tokenize(text, lang);
    const around = tokenize(context, lang);
    // The kind of document ("KẾ HOẠCH", "the regulation") is stated once, at its head: "plan
    // 112/KH-UBND" asks about the plan, and no passage of it needs to say "plan" again.
    const head = `${entry.version.title} ${entry.version.text.slice(0, HEAD_CHARS)}`;
    return {
      words: new Set([...words.words.map(fold), ...words.anchors]),
      context: new Set([...around.words.map(fold), ...around.anchors]),
      concepts: new Set([
        ...this.concepts.conceptsIn(text, lang).map((c) => c.id),
        ...figureConcepts(fold(text)),
      ]),
      kinds: new Set([
        ...this.concepts
          .conceptsIn(head, lang)
          .map((c) => c.id)
          .filter((id) => DOCUMENT_KINDS.has(id)),
        ...this.concepts.conceptsIn(framing, lang).map((c) => c.id),
      ]),
    };
  }
}

/**
 * The concepts a passage holds by the figures it states: a percentage is a `rate` ("what share",
 * "tỷ lệ", "phần trăm" over "20%"), a sum of money is `funding` ("how much money" over "60 triệu đồng").
 */
function figureConcepts(folded: string): string[] {
  return [...(statesShare(folded) ? ["rate"] : []), ...(statesMoney(folded) ? ["funding"] : [])];
}

/** Characters at the head of a document where its kind is stated. */
const HEAD_CHARS = 400;

/** Weight of a question word unknown to the whole corpus, relative to its IDF. */
const UNKNOWN_WEIGHT = 0.5;

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

/**
 * True when a passage spells a concept unit with the question's words: all of them, and in
 * Vietnamese also in the question's order ("hằng tháng" is not "hằng quý … tháng cuối quý").
 */
function spells(unit: ConceptUnit, lang: Lang, has: (w: string) => boolean): boolean {
  if (unit.words.length === 0 || !unit.words.every(has)) return false;
  if (lang !== "vi") return true;
  return unit.words.slice(1).every((w, i) => has(`${unit.words[i]}_${w}`));
}

/** Weight of a syllable pair relative to a word of the same rarity. */
const PAIR_WEIGHT = 0.5;

interface EntryContent {
  words: Set<string>;
  context: Set<string>;
  concepts: Set<string>;
  /** Kinds of document its head names (plan, regulation, …), and the concepts of its heading. */
  kinds: Set<string>;
}
