import { fold, LANGS, type Lang } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";
import { NO_CONCEPTS } from "./concepts.js";
import type { CorpusIndex } from "./corpus-index.js";
import type { Entry } from "./entries.js";
import { tokenize } from "./tokenize.js";

/**
 * Hybrid retrieval: lexical (BM25) and vector (HNSW) rankings fused by weighted reciprocal rank,
 * then a confidence judged on the best passage: how much of the question's content (IDF-weighted
 * words, glossary concepts, anchors) it actually contains. Below the threshold the caller says
 * the corpus does not hold the answer instead of guessing.
 */

/** Fusion weights and the refusal threshold (chosen on the evaluation set; see bench/). */
export interface RetrievalTuning {
  lexicalWeight: number;
  vectorWeight: number;
  rrfK: number;
  /** Minimum share of the question's content found in the best passage. */
  minCoverage: number;
  /** Weight of glossary expansion terms relative to the question's own words. */
  expansionBoost: number;
}

export const DEFAULT_TUNING: RetrievalTuning = {
  lexicalWeight: 1,
  vectorWeight: 0.5,
  rrfK: 20,
  minCoverage: 0.5,
  expansionBoost: 0.4,
};

/** One fused result with the evidence behind it. */
export interface Hit {
  entry: Entry;
  score: number;
  coverage: number;
}

export interface RetrievalResult {
  hits: Hit[];
  confident: boolean;
  /** Folded content words of the question (used to pick the quoted sentences). */
  focus: Set<string>;
}

/** What the search needs to know about the question. */
export interface SearchQuery {
  text: string;
  lang: Lang;
  /** Restrict to these documents (by id) when the question names them. */
  docIds?: Set<string> | null;
}

export class Retriever {
  constructor(
    private readonly index: CorpusIndex,
    private readonly concepts: ConceptFinder = NO_CONCEPTS,
    private readonly tuning: RetrievalTuning = DEFAULT_TUNING,
    private readonly useVectors = true,
  ) {}

  async search(q: SearchQuery, k = 5): Promise<RetrievalResult> {
    const { words, anchors } = tokenize(q.text, q.lang, { question: true });
    const own = [...new Set(words.filter((w) => !w.includes("_")).map(fold))];
    const concepts = [...new Set(this.concepts.conceptsIn(q.text, q.lang).map((c) => c.id))];
    const expansions = new Set<string>();
    for (const id of concepts) {
      for (const lang of LANGS) {
        if (lang === q.lang) continue;
        for (const term of this.concepts.termsFor(id, lang)) {
          for (const w of tokenize(term, lang).words) expansions.add(w);
        }
      }
    }
    const terms = [...anchors, ...words, ...expansions];
    const filter = q.docIds
      ? (id: number) => q.docIds?.has(this.index.entries[id]?.doc.id ?? "") ?? false
      : undefined;
    const anchorSet = new Set(anchors);
    const ownSet = new Set(words);
    const lexical = this.index.lexical.search(terms, {
      filter,
      limit: 40,
      boost: (t) => (anchorSet.has(t) ? 2 : ownSet.has(t) ? 1 : this.tuning.expansionBoost),
    });
    const vector =
      this.useVectors && !this.index.vectors.empty
        ? await this.index.vectors.search(await this.index.embeddings.embedQuery(q.text), 40, filter)
        : [];

    const fused = new Map<number, number>();
    const { rrfK, lexicalWeight, vectorWeight } = this.tuning;
    const fuse = (ids: number[], weight: number) => {
      ids.forEach((id, rank) => {
        fused.set(id, (fused.get(id) ?? 0) + weight / (rrfK + rank + 1));
      });
    };
    fuse(
      lexical.map((h) => h.id),
      lexicalWeight,
    );
    fuse(
      vector.map((h) => h.id),
      vectorWeight,
    );

    const ranked = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, Math.max(k, 10));
    const hits: Hit[] = [];
    for (const [id, score] of ranked) {
      const entry = this.index.entries[id];
      if (!entry) continue;
      hits.push({ entry, score, coverage: this.coverage(entry, q.lang, own, anchors, concepts) });
    }
    // Among close candidates, prefer the one that holds more of the question.
    hits.sort((a, b) => b.score * (0.5 + b.coverage) - a.score * (0.5 + a.coverage));
    const top = hits.slice(0, k);
    const best = top[0];
    return { hits: top, confident: !!best && best.coverage >= this.tuning.minCoverage, focus: new Set(own) };
  }

  /**
   * How strongly each candidate document matches the question's words (best lexical passage score,
   * rounded so that near-ties fall to the caller's tie-breaks). Used to pick the document a bare
   * "task N" question means.
   */
  documentRelevance(text: string, lang: Lang, docs: { id: string }[]): Map<string, number> {
    const out = new Map<string, number>();
    if (docs.length < 2) return out;
    const { words, anchors } = tokenize(text, lang, { question: true });
    const ids = new Set(docs.map((d) => d.id));
    const hits = this.index.lexical.search([...anchors, ...words], {
      filter: (id) => ids.has(this.index.entries[id]?.doc.id ?? ""),
      limit: 200,
    });
    for (const h of hits) {
      const doc = this.index.entries[h.id]?.doc.id;
      if (doc && !out.has(doc)) out.set(doc, Math.round(h.score));
    }
    return out;
  }

  /**
   * Share of the question found in a passage: IDF-weighted over the question's own words (folded),
   * or over its glossary concepts when that is higher (a question in another language shares
   * concepts, not words). A date or figure the question names must be in the passage.
   */
  coverage(entry: Entry, lang: Lang, own: string[], anchors: string[], concepts: string[]): number {
    const passage = tokenize(entry.passage.text, entry.lang);
    const have = new Set([...passage.words.map(fold), ...passage.anchors]);
    const context = new Set(tokenize(`${entry.doc.number ?? ""} ${entry.version.title}`, entry.lang).anchors);
    const needAnchors = anchors.filter((a) => !a.startsWith("#doc:"));
    if (needAnchors.some((a) => !have.has(a))) return 0;
    const n = Math.max(1, this.index.lexical.size);
    const idf = (t: string) => Math.log(1 + n / (1 + this.index.lexical.docFrequency(t)));
    let total = 0;
    let found = 0;
    for (const w of own) {
      const weight = idf(w);
      total += weight;
      if (have.has(w)) found += weight;
    }
    for (const a of anchors) {
      total += 2;
      if (have.has(a) || context.has(a)) found += 2;
    }
    const wordShare = total > 0 ? found / total : 0;
    // Concepts bridge languages; within one language the question's own words are the better test
    // (shared concepts such as "mass mobilisation" are everywhere and would admit anything).
    if (concepts.length === 0 || entry.lang === lang) return wordShare;
    const inPassage = new Set(this.concepts.conceptsIn(entry.passage.text, entry.lang).map((c) => c.id));
    const conceptShare = concepts.filter((c) => inPassage.has(c)).length / concepts.length;
    return Math.max(wordShare, conceptShare * 0.6);
  }
}
