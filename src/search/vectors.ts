import { createHash } from "node:crypto";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document as LcDocument } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Entry } from "./entries.js";

/**
 * The vector side of the hybrid search: LangChain's HNSWLib (hnswlib-node) with cosine distance.
 * The docstore keeps only the entry id and a content key, not the text (the corpus file is the
 * text's home). Vectors are reused by content key when the index is rebuilt, so re-indexing only
 * embeds passages that changed.
 */

/** A vector hit: entry id and cosine distance (0 = same direction). */
export interface VectorHit {
  id: number;
  distance: number;
}

/** The content key of an entry: what decides whether its vector can be reused. */
export function entryKey(e: Entry): string {
  return createHash("sha1").update(`${e.lang}\n${e.passage.text}`).digest("hex");
}

/** Search breadth for HNSW queries: higher means better recall and slower queries. */
const EF_SEARCH = 128;

export class VectorIndex {
  private constructor(private readonly store: HNSWLib | null) {}

  /** Builds the index, embedding only the entries whose key is not in `reuse`. */
  static async build(
    entries: Entry[],
    embeddings: EmbeddingsInterface,
    reuse: Map<string, number[]> = new Map(),
    onProgress?: (done: number, total: number) => void,
  ): Promise<VectorIndex> {
    if (entries.length === 0) return new VectorIndex(null);
    const keys = entries.map(entryKey);
    const missing = entries.filter((_, i) => !reuse.has(keys[i] ?? ""));
    const fresh = new Map<string, number[]>();
    const batch = 256;
    for (let i = 0; i < missing.length; i += batch) {
      const slice = missing.slice(i, i + batch);
      const vectors = await embeddings.embedDocuments(slice.map((e) => embeddingText(e)));
      slice.forEach((e, j) => {
        fresh.set(entryKey(e), vectors[j] ?? []);
      });
      onProgress?.(Math.min(i + batch, missing.length), missing.length);
    }
    const vectors = keys.map((k) => reuse.get(k) ?? fresh.get(k) ?? []);
    const dims = vectors[0]?.length ?? 0;
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dims });
    const docs = entries.map(
      (e, i) => new LcDocument({ pageContent: "", metadata: { id: e.id, key: keys[i] } }),
    );
    await store.addVectors(vectors, docs);
    return new VectorIndex(store);
  }

  /** Loads an index saved with `save`, or an empty one when `dir` holds none. */
  static async load(dir: string, embeddings: EmbeddingsInterface, empty: boolean): Promise<VectorIndex> {
    if (empty) return new VectorIndex(null);
    const store = await HNSWLib.load(dir, embeddings);
    return new VectorIndex(store);
  }

  async save(dir: string): Promise<void> {
    if (this.store) await this.store.save(dir);
  }

  get empty(): boolean {
    return this.store === null;
  }

  /** The stored vectors by content key, for reuse in the next build. */
  vectorsByKey(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    if (!this.store) return out;
    const index = this.store.index;
    for (const [label, doc] of this.store.docstore._docs.entries()) {
      out.set(String(doc.metadata.key), index.getPoint(Number(label)));
    }
    return out;
  }

  /** The `k` nearest entries to `vector`, optionally only among ids accepted by `filter`. */
  async search(vector: number[], k: number, filter?: (id: number) => boolean): Promise<VectorHit[]> {
    if (!this.store) return [];
    this.store.index.setEf(Math.max(EF_SEARCH, k));
    const n = Math.min(k, this.store.index.getCurrentCount());
    const hits = await this.store.similaritySearchVectorWithScore(
      vector,
      n,
      filter ? (doc: LcDocument) => filter(Number(doc.metadata.id)) : undefined,
    );
    return hits.map(([doc, distance]) => ({ id: Number(doc.metadata.id), distance }));
  }
}

/** What gets embedded for an entry: the passage with its heading (concepts in headings count). */
export function embeddingText(e: Entry): string {
  return e.passage.heading ? `${e.passage.heading}\n${e.passage.text}` : e.passage.text;
}
