import { Embeddings } from "@langchain/core/embeddings";
import { detectLang, fold } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";
import { NO_CONCEPTS } from "./concepts.js";
import { tokenize } from "./tokenize.js";

/**
 * The offline default embedding: not a language model, and named for what it is. A passage
 * becomes a hashed bag of features: glossary concept ids (language-independent, so "khiếu nại",
 * "plainte", "complaint" and "苦情" share a feature), anchors (document numbers, dates, figures),
 * folded words, and character 4-grams of words (so "plainte"/"plaintes" stay close). Features are
 * hashed with a sign into a fixed number of dimensions and the vector is L2-normalised, so cosine
 * distance in HNSW measures shared features. Deterministic: the same text gives the same vector.
 *
 * Concepts hash into their own first quarter of the dimensions, the other features into the rest.
 * With one shared range, a heavy concept of a question (e.g. `c:task`) often collided with the
 * anchor of a short passage (a date line), and such chance matches filled the exact top 10 of
 * cross-language questions: passages sharing nothing with the question, which HNSW cannot reach
 * (v1: 41 of 44 HNSW misses in a 2,000-document bench; see the comment in vectors.ts).
 */
export class HashedFeatureEmbeddings extends Embeddings {
  /** Recorded in the index manifest; a different name, size or glossary forces a rebuild. */
  readonly name: string;
  /** The first dimensions, where glossary concepts (and nothing else) are hashed. */
  readonly conceptDimensions: number;
  /**
   * Passages per `embedDocuments` call while indexing. In process, batching saves nothing, and
   * the vectors of a batch of 256 lived long enough (while the graph took them) to be moved to
   * V8's old generation: a 10,000-document build's heap grew by ~700 MB of dead vectors before a
   * full collection. A batch of 16 dies young (measured with a 2,500-document build).
   */
  readonly batchSize = 16;

  constructor(
    private readonly concepts: ConceptFinder = NO_CONCEPTS,
    readonly dimensions = 512,
  ) {
    super({});
    // The glossary's concepts are features: another glossary makes other vectors.
    this.name = `local-hashed-features-v2/${dimensions}${concepts.fingerprint ? `/glossary-${concepts.fingerprint}` : ""}`;
    this.conceptDimensions = Math.max(1, Math.floor(dimensions / 4));
  }

  /** The weighted features of one text (exposed for tests and for the ablation bench). */
  features(text: string): Map<string, number> {
    const lang = detectLang(text, "vi");
    const out = new Map<string, number>();
    const add = (key: string, w: number) => out.set(key, (out.get(key) ?? 0) + w);
    for (const c of this.concepts.conceptsIn(text, lang)) add(`c:${c.id}`, 3);
    const { words, anchors } = tokenize(text, lang);
    for (const a of anchors) add(a, 2);
    for (const w of words) {
      if (w.includes("_")) continue;
      const f = fold(w);
      add(`w:${f}`, 1);
      if (f.length >= 5) for (let i = 0; i + 4 <= f.length; i++) add(`g:${f.slice(i, i + 4)}`, 0.25);
    }
    return out;
  }

  /** The vector of one text. */
  vector(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    for (const [key, weight] of this.features(text)) {
      const h = fnv1a(key);
      const sign = h & 0x80000000 ? -1 : 1;
      const concepts = this.conceptDimensions;
      const i = key.startsWith("c:") ? h % concepts : concepts + (h % (this.dimensions - concepts));
      v[i] = (v[i] ?? 0) + sign * Math.sqrt(weight);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
