import MiniSearch from "minisearch";
import type { Lang } from "../text/index.js";
import { contextOf, type Entry } from "./entries.js";
import { indexTokens, tokenize } from "./tokenize.js";

/**
 * The lexical index: MiniSearch (BM25+ scoring) over our own tokens. Each entry is indexed with
 * the tokeniser of its own language; a question is tokenised in the question's language and, for
 * cross-language use, may carry extra expansion terms.
 */

type Row = { id: number; text: string; context: string; lang: Lang };

const OPTIONS = {
  idField: "id",
  fields: ["text", "context"],
  // The language travels as a prefix line that the tokeniser reads and drops.
  tokenize: (text: string) => {
    const nl = text.indexOf("\n");
    const lang = text.slice(0, nl) as Lang;
    return indexTokens(text.slice(nl + 1), lang);
  },
  processTerm: (term: string) => term,
  searchOptions: { boost: { text: 1, context: 0.3 } },
};

/** A lexical hit: entry id, BM25 score and the query terms it matched. */
export interface LexicalHit {
  id: number;
  score: number;
  terms: string[];
}

/** The lexical side of the hybrid search. */
export class LexicalIndex {
  private readonly frequencies = new Map<string, number>();

  private constructor(private readonly mini: MiniSearch<Row>) {}

  /** Builds the index over `entries`. */
  static build(entries: Entry[]): LexicalIndex {
    const mini = new MiniSearch<Row>(OPTIONS);
    mini.addAll(
      entries.map((e) => ({
        id: e.id,
        text: `${e.lang}\n${e.passage.text}`,
        context: `${e.lang}\n${contextOf(e)}`,
        lang: e.lang,
      })),
    );
    return new LexicalIndex(mini);
  }

  /** Restores an index saved with `toJSON`. */
  static load(json: string): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<Row>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  /** How many entries contain `term` (for IDF weights in confidence). */
  docFrequency(term: string): number {
    // Counted once per term: the index does not change after it is built, and common terms have
    // posting lists as long as the corpus (coverage asks for dozens per question).
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    // biome-ignore lint/suspicious/noExplicitAny: MiniSearch exposes term statistics only internally.
    const index = (this.mini as any)._index;
    const fields: Map<number, Map<number, number>> | undefined = index?.get(term);
    let n = 0;
    if (fields) {
      const ids = new Set<number>();
      for (const perField of fields.values()) for (const id of perField.keys()) ids.add(id);
      n = ids.size;
    }
    this.frequencies.set(term, n);
    return n;
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** Searches with already-tokenised terms (OR semantics), optionally within some entry ids. */
  search(
    terms: string[],
    opts: { filter?: (id: number) => boolean; limit?: number; boost?: (term: string) => number } = {},
  ): LexicalHit[] {
    if (terms.length === 0) return [];
    const query = { combineWith: "OR" as const, queries: [...new Set(terms)] };
    const results = this.mini.search(query, {
      tokenize: (t: string) => [t],
      processTerm: (t: string) => t,
      boostTerm: opts.boost ? (term: string) => opts.boost?.(term) ?? 1 : undefined,
      filter: opts.filter ? (r) => opts.filter?.(r.id as number) ?? true : undefined,
    });
    return results
      .slice(0, opts.limit ?? 50)
      .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
  }
}

/** The query terms of a question in its language (words and anchors). */
export function queryTerms(question: string, lang: Lang): { words: string[]; anchors: string[] } {
  return tokenize(question, lang, { question: true });
}
