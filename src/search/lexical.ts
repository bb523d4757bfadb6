import { writeFile } from "node:fs/promises";
import type { Lang } from "../text/index.js";
import { contextOf, type Entry } from "./entries.js";
import { type Field, Postings } from "./postings.js";
import { indexTokens, tokenize } from "./tokenize.js";

/**
 * The lexical index: BM25+ over our own tokens, scored exactly as MiniSearch 7 scores them
 * (k 1.2, b 0.7, d 0.5; field lengths in distinct terms; fields `text` ×1 and `context` ×0.3; the
 * sum of a result's scores times the number of query terms it matched), which this index replaced:
 * at 10,000 documents MiniSearch's maps of maps took ~2 GB of heap and a re-index rebuilt them all.
 * Here postings are packed in typed arrays (src/search/postings.ts), saved as one binary file, and
 * patched in place when files change: entry ids are stable, so only changed passages move.
 * Each entry is indexed with the tokeniser of its own language.
 */

const FIELD_BOOST = [1, 0.3] as const;
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A lexical hit: entry id, BM25 score and the query terms it matched. */
export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** The tokens of one entry, per field: term → occurrences. */
function fieldsOf(e: Entry, contexts: Map<string, Map<string, number>>): [Field, Field] {
  const count = (tokens: string[]) => {
    const m = new Map<string, number>();
    for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  // Every passage of a section shares its context: tokenised once.
  const ctx = `${e.lang}\n${contextOf(e)}`;
  let c = contexts.get(ctx);
  if (!c) {
    if (contexts.size > 10_000) contexts.clear();
    c = count(indexTokens(contextOf(e), e.lang));
    contexts.set(ctx, c);
  }
  return [count(indexTokens(e.passage.text, e.lang)), c];
}

/** The lexical side of the hybrid search. */
export class LexicalIndex {
  private readonly frequencies = new Map<string, number>();
  private scratch: { scores: Float64Array; last: Int32Array; matched: Int32Array } | null = null;

  private constructor(private readonly postings: Postings) {}

  /** Builds the index over `entries` (ascending ids). */
  static build(entries: Iterable<Entry>): LexicalIndex {
    const contexts = new Map<string, Map<string, number>>();
    const p = Postings.empty();
    // Each entry's postings are encoded as it is tokenised; the lists are packed once, at the end.
    for (const e of entries) p.queue(e.id, fieldsOf(e, contexts));
    p.flush();
    return new LexicalIndex(p);
  }

  /**
   * A copy without the entries `removed` (as they were indexed) and with `added` (ids above every
   * id already held); the index itself is unchanged.
   */
  update(removed: Entry[], added: Entry[]): LexicalIndex {
    const contexts = new Map<string, Map<string, number>>();
    const p = this.postings.without(removed.map((e) => ({ id: e.id, fields: fieldsOf(e, contexts) })));
    p.append(added.map((e) => ({ id: e.id, fields: fieldsOf(e, contexts) })));
    return new LexicalIndex(p);
  }

  /** Restores an index written by `save`, section by section. */
  static read(file: string): LexicalIndex {
    return new LexicalIndex(Postings.fromFile(file));
  }

  /** Writes the index to `file`, its arrays as they are (no joined copy of the postings). */
  async save(file: string): Promise<void> {
    await writeFile(file, this.postings.toBuffers());
  }

  /** How many entries contain `term` in either field (for IDF weights in confidence). */
  docFrequency(term: string): number {
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    const n = this.postings.docFrequency(term);
    this.frequencies.set(term, n);
    return n;
  }

  /**
   * Words of the index that share a Latin-script word's stem ("urbanised" → "urbanisation",
   * "bureaucratic" → "bureaucratique"), most common first: the same rule as coverage's `sharesStem`,
   * so that retrieval finds what coverage would count. Empty for short words.
   */
  stemVariants(word: string, limit = 6): string[] {
    // Postings per field, summed: an upper bound of the document frequency that needs no merge of
    // the two lists (a common stem can have hundreds of words; only their order matters here).
    const count = (t: string) => this.postings.frequency(t, 0) + this.postings.frequency(t, 1);
    return stemsOf(word)
      .flatMap((stem) => this.postings.termsStartingWith(stem, 200))
      .filter((t) => t !== word && !t.includes("_") && count(t) > 0)
      .sort((a, b) => count(b) - count(a))
      .slice(0, limit);
  }

  /** Entries indexed. */
  get size(): number {
    return this.postings.count;
  }

  /** Searches with already-tokenised terms (OR semantics), optionally within some entry ids. */
  search(
    terms: string[],
    opts: { filter?: (id: number) => boolean; limit?: number; boost?: (term: string) => number } = {},
  ): LexicalHit[] {
    const unique = [...new Set(terms)];
    if (unique.length === 0) return [];
    const p = this.postings;
    const acc = this.accumulator();
    const { scores, last, matched } = acc;
    const touched: number[] = [];
    unique.forEach((term, t) => {
      const termBoost = opts.boost?.(term) ?? 1;
      for (const f of [0, 1] as const) {
        const df = p.frequency(term, f);
        if (df === 0) continue;
        const idf = Math.log(1 + (p.count - df + 0.5) / (df + 0.5));
        const avg = p.avgLength(f);
        const weight = termBoost * FIELD_BOOST[f];
        p.visit(term, f, (id, tf) => {
          const len = p.length(id, f);
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
          if (last[id] === 0) touched.push(id);
          scores[id] = (scores[id] as number) + weight * raw;
          if (last[id] !== t + 1) {
            last[id] = t + 1;
            matched[id] = (matched[id] as number) + 1;
          }
        });
      }
    });
    // The best `limit`, kept sorted while scanning (no object per candidate); first-touch order
    // breaks ties, as MiniSearch's result map did.
    const limit = opts.limit ?? 50;
    const top: { id: number; score: number }[] = [];
    for (const id of touched) {
      const score = (scores[id] as number) * (matched[id] as number);
      scores[id] = 0;
      last[id] = 0;
      matched[id] = 0;
      if (top.length === limit && score <= (top[limit - 1]?.score ?? 0)) continue;
      if (opts.filter && !opts.filter(id)) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((top[mid]?.score ?? 0) >= score) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, { id, score });
      if (top.length > limit) top.pop();
    }
    // The query terms each hit matched: one more pass over the terms' postings, looking at the hits
    // only. The zeroed scratch arrays mark them: `last` holds a hit's place + 1, `matched` the
    // last term that counted for it (a Set and a Map per term cost more than the scoring pass).
    const found: string[][] = top.map(() => []);
    top.forEach((h, i) => {
      last[h.id] = i + 1;
    });
    unique.forEach((term, t) => {
      for (const f of [0, 1] as const) {
        p.visit(term, f, (id) => {
          const at = last[id] as number;
          if (at === 0 || matched[id] === t + 1) return;
          matched[id] = t + 1;
          found[at - 1]?.push(term);
        });
      }
    });
    for (const h of top) {
      last[h.id] = 0;
      matched[h.id] = 0;
    }
    return top.map((h, i) => ({ ...h, terms: found[i] ?? [] }));
  }

  /** Per-entry scratch arrays, kept zeroed between searches (one search runs at a time). */
  private accumulator() {
    const n = this.postings.nextId;
    if (!this.scratch || this.scratch.scores.length < n) {
      this.scratch = { scores: new Float64Array(n), last: new Int32Array(n), matched: new Int32Array(n) };
    }
    return this.scratch;
  }
}

/** The query terms of a question in its language (words and anchors). */
export function queryTerms(question: string, lang: Lang): { words: string[]; anchors: string[] } {
  return tokenize(question, lang, { question: true });
}

/**
 * The stems of a Latin-script word of six letters or more: its first letters, all but the last three
 * (at least five), and with "-iz-" spelled "-is-" when it has it ("urbanization" meets the French
 * "urbanisation"). No stemmer package is installed; this prefix rule is the cheap part of one that
 * matters most in French and English ("faiblesses" ~ "faibles", "digitised" ~ "digitisation").
 */
export function stemsOf(word: string): string[] {
  if (word.length < 6 || !/^[a-z]+$/.test(word)) return [];
  const stem = word.slice(0, Math.max(5, word.length - 3));
  const british = stem.replace(/iz/g, "is");
  return british === stem ? [stem] : [stem, british];
}

/** True when one of `words` begins with a stem of `word` (see `stemsOf`; false for short words). */
export function sharesStem(word: string, words: Iterable<string>): boolean {
  const stems = stemsOf(word);
  if (stems.length === 0) return false;
  for (const w of words) if (stems.some((stem) => w.startsWith(stem))) return true;
  return false;
}
