import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { EmbeddingsError, type NamedEmbeddings } from "./embeddings-checked.js";
import type { Entry } from "./entries.js";
import { reuseSegment, writePieces } from "./storage.js";
import {
  CHANGES_FILE,
  Changes,
  MAX_CHANGES,
  type Point,
  replayChanges,
  writeChanges,
} from "./vector-changes.js";

/**
 * The vector side of the hybrid search: LangChain's HNSWLib (hnswlib-node, cosine distance) as
 * the stored format, driven through its `index` and `docstore`. One HNSW point per distinct
 * passage content (boilerplate paragraphs repeated across documents are one point listing all
 * their entry ids); the docstore keeps the content key and the ids, not the text (the corpus
 * file is the text's home). The key includes the embedding's identity, so a vector made by
 * another model is never reused.
 *
 * Why not `HNSWLib.addVectors`/`fromDocuments`: at 10,000 documents (150,000 passages) holding
 * every vector as a JS array costs ~600 MB, and re-indexing one changed file rebuilt the whole
 * graph. Here a fresh build streams batches into a pre-sized graph, and a rebuild changes the
 * previous graph in place: points of vanished passages are marked deleted, new ones added; the
 * graph is compacted when a quarter of it is deleted. A saved generation shares the previous
 * one's graph file and adds the changes since it (vector-changes.ts) while they are few.
 */

/**
 * The docstore file of LangChain's `HNSWLib.save` (a JSON array of `[label, document]` pairs, the
 * point in the document's metadata), written piece by piece: `save` builds every document and then
 * one string of them all, which at 10,000 documents grew the heap by ~90 MB at the build's peak.
 */
function* docstoreJSON(points: Map<number, Point>): Generator<string> {
  let first = true;
  yield "[";
  for (const [label, p] of points) {
    const doc = { pageContent: "", metadata: { key: p.key, ids: p.ids } };
    yield `${first ? "" : ","}\n${JSON.stringify([String(label), doc])}`;
    first = false;
  }
  yield "\n]";
}

/** A vector hit: entry id and cosine distance (0 = same direction). */
export interface VectorHit {
  id: number;
  distance: number;
}

/** The content key of an entry under one embedding: what decides whether its vector can be reused. */
export function entryKey(e: Entry, embedding: string): string {
  return createHash("sha1")
    .update(`${embedding}\n${e.lang}\n${embeddingText(e)}`)
    .digest("hex");
}

/** What gets embedded for an entry: the passage with its heading (concepts in headings count). */
export function embeddingText(e: Entry): string {
  return e.passage.heading ? `${e.passage.heading}\n${e.passage.text}` : e.passage.text;
}

type Graph = HNSWLib["index"];

/**
 * Search breadth and graph degree, measured with bench/scale.ts at 10,000 documents (127,000
 * distinct vectors, 300 questions, `--ef`). With embedding v1, recall@10 against exact search
 * plateaued near 0.93 (M 16: 0.86 / 0.89 / 0.91 / 0.93 at ef 200 / 400 / 800 / 2000; M 32 no
 * better): most misses (41 of 44 at 2,000 documents) shared no feature with the question, near it
 * only because a question's concept hashed into the dimension of a passage's date or word, and
 * nothing near the question leads to them in the graph. v2 gives concepts their own dimensions
 * (embeddings.ts): 0.975 at ef 2000 (0.979 counting ties at the 10th place; p50 8.5, p95 10.8 ms),
 * but 0.887 at ef 800 (p95 5.3 ms): the exact neighbours of a cross-language question are now the
 * many passages sharing its concepts, at nearly equal distances, and a narrow beam misses some.
 */
const EF_SEARCH = 2000;
/** Graph degree (hnswlib's default) and build breadth. */
const M = 16;
const EF_CONSTRUCTION = 200;
/** Extra neighbours fetched so that points tied at the k-th distance are ordered by id, not by chance. */
const TIE_SLACK = 10;
/** The most neighbours fetched while looking for the end of a run of equal distances. */
const MAX_TIES = 2000;
/** Passages embedded per request to the model, unless the embedding gives its own `batchSize`. */
const BATCH = 256;
/** A filter that leaves at most this many points is searched exactly (HNSW is slow on narrow filters). */
const EXACT_LIMIT = 4096;

export class VectorIndex {
  private labels: Map<number, number> | null = null;
  /** Overrides the search breadth (bench/scale.ts measures recall against it). */
  efSearch: number | undefined;

  private constructor(
    private readonly store: HNSWLib | null,
    private readonly points: Map<number, Point>,
    /** Changes since the graph file last read or written (null: none yet, the next save is whole). */
    private since: Changes | null = null,
    /** The next label to give (labels of deleted points are never given again). */
    private nextLabel = points.size,
  ) {}

  /**
   * Builds the index of `entries`, embedding only contents that `previous` lacks. `previous` (of
   * the same embedding, as its keys say) is taken over and changed in place: do not use it after.
   * With `sameIds`, an entry id that `previous` holds names the same content as then (ids are
   * stable), so its key is taken from there instead of hashing the passage again.
   */
  static async build(
    entries: Entry[],
    embeddings: NamedEmbeddings,
    previous: VectorIndex | null = null,
    onProgress?: (done: number, total: number) => void,
    sameIds = false,
  ): Promise<VectorIndex> {
    const idsByKey = new Map<string, number[]>();
    // The first entry of each content, not its text: 150,000 passage texts copied would be ~200 MB.
    const entryByKey = new Map<string, Entry>();
    // By entry id (ids are dense: an array is several times quicker than a Map at 150,000).
    const known: (string | undefined)[] = [];
    if (sameIds && previous)
      for (const p of previous.points.values()) for (const id of p.ids) known[id] = p.key;
    for (const e of entries) {
      const key = known[e.id] ?? entryKey(e, embeddings.name);
      const ids = idsByKey.get(key);
      if (ids) ids.push(e.id);
      else {
        idsByKey.set(key, [e.id]);
        entryByKey.set(key, e);
      }
    }
    if (idsByKey.size === 0) return new VectorIndex(null, new Map());
    const old = previous?.store ? previous : null;
    const kept = new Map<string, number>();
    for (const [label, p] of old?.points ?? []) if (idsByKey.has(p.key)) kept.set(p.key, label);
    const missing = [...idsByKey.keys()].filter((k) => !kept.has(k));
    const embed = async function* () {
      const size = embeddings.batchSize ?? BATCH;
      for (let i = 0; i < missing.length; i += size) {
        const keys = missing.slice(i, i + size);
        const texts = keys.map((k) => {
          const e = entryByKey.get(k);
          return e ? embeddingText(e) : "";
        });
        const vectors = await embeddings.embedDocuments(texts);
        onProgress?.(Math.min(i + size, missing.length), missing.length);
        yield keys.map((k, j) => [k, vectors[j] ?? []] as const);
      }
    };
    const store = old?.store;
    const staleCount = (old?.points.size ?? 0) - kept.size;
    const deleted = store ? store.index.getCurrentCount() - (old?.points.size ?? 0) + staleCount : 0;
    if (!store || deleted > idsByKey.size / 4) {
      // Fresh (or compacted) graph: kept vectors are copied from the old graph, the rest streamed in.
      let graph: Graph | null = null;
      const points = new Map<number, Point>();
      const add = async (key: string, vector: number[]) => {
        graph ??= await newGraph(vector.length, idsByKey.size);
        graph.addPoint(vector, points.size);
        points.set(points.size, { key, ids: idsByKey.get(key) ?? [] });
      };
      for (const [key, label] of kept) await add(key, store?.index.getPoint(label) ?? []);
      for await (const batch of embed()) for (const [key, vector] of batch) await add(key, vector);
      return VectorIndex.from(embeddings, graph as Graph | null, points);
    }
    // In place: embed first (a failing model leaves the old graph untouched), then change it.
    const fresh: (readonly [string, number[]])[] = [];
    for await (const batch of embed()) fresh.push(...batch);
    const graph = store.index;
    const size = fresh[0]?.[1].length;
    if (size !== undefined && size !== graph.getNumDimensions()) {
      // The same model name now gives vectors of another size: nothing old can be kept.
      return VectorIndex.build(entries, embeddings, null, onProgress);
    }
    const points = new Map<number, Point>();
    const since = old?.since ?? null;
    for (const [label, p] of old?.points ?? []) {
      if (kept.get(p.key) === label) {
        const ids = idsByKey.get(p.key) ?? [];
        if (ids.length !== p.ids.length || ids.some((id, i) => id !== p.ids[i])) since?.relist(label);
        points.set(label, { key: p.key, ids });
      } else {
        graph.markDelete(label);
        since?.remove(label);
      }
    }
    const count = graph.getCurrentCount() + fresh.length;
    if (count > graph.getMaxElements()) graph.resizeIndex(Math.ceil(count * 1.1));
    let label = old?.nextLabel ?? graph.getCurrentCount();
    for (const [key, vector] of fresh) {
      graph.addPoint(vector, label);
      since?.add(label);
      points.set(label++, { key, ids: idsByKey.get(key) ?? [] });
    }
    return VectorIndex.from(embeddings, graph, points, since, label);
  }

  private static from(
    embeddings: EmbeddingsInterface,
    graph: Graph | null,
    points: Map<number, Point>,
    since: Changes | null = null,
    nextLabel = points.size,
  ) {
    if (!graph) return new VectorIndex(null, new Map());
    // The points are kept in `points`, not in LangChain's docstore (~40 MB less at 10,000 documents).
    const args = { space: "cosine" as const, numDimensions: graph.getNumDimensions(), index: graph };
    return new VectorIndex(new HNSWLib(embeddings, args), points, since, nextLabel);
  }

  /** The point that holds entry `id` (built on first use). */
  private labelOf(id: number): number | undefined {
    if (!this.labels) {
      this.labels = new Map();
      for (const [label, p] of this.points) for (const e of p.ids) this.labels.set(e, label);
    }
    return this.labels.get(id);
  }

  /** Loads an index saved with `save`, or an empty one when `dir` holds none. */
  static async load(dir: string, embeddings: EmbeddingsInterface, empty: boolean): Promise<VectorIndex> {
    if (empty) return new VectorIndex(null, new Map());
    const store = await HNSWLib.load(dir, embeddings);
    const points = new Map<number, Point>();
    for (const [label, doc] of store.docstore._docs.entries()) {
      const m = doc.metadata as { key?: unknown; ids?: unknown; id?: unknown };
      // Indexes written before points were shared hold one `id` per point.
      const ids = Array.isArray(m.ids) ? m.ids.map(Number) : [Number(m.id)];
      points.set(Number(label), { key: String(m.key), ids });
    }
    store.docstore._docs.clear();
    const { changes, nextLabel } = await replayChanges(dir, store.index, points);
    return new VectorIndex(store, points, changes, nextLabel);
  }

  /**
   * Saves into `dir`. With `previous` (the folder of the index this one was built from), the
   * graph file there is shared and only the changes since it are written, while they are few.
   */
  async save(dir: string, previous?: string): Promise<void> {
    if (!this.store) return;
    const since = this.since;
    if (since && previous && since.size <= MAX_CHANGES) {
      try {
        await mkdir(dir, { recursive: true });
        for (const name of ["args.json", "hnswlib.index", "docstore.json"])
          await reuseSegment(previous, dir, name);
        const graph = this.store.index;
        await writeChanges(dir, since, this.nextLabel, this.points, (label) => graph.getPoint(label));
        return;
      } catch {
        // The previous folder is gone (or unreadable): the graph is written whole below.
      }
    }
    await rm(path.join(dir, CHANGES_FILE), { force: true });
    await mkdir(dir, { recursive: true });
    await this.store.index.writeIndex(path.join(dir, "hnswlib.index"));
    const args = { space: "cosine", numDimensions: this.dimensions };
    await writeFile(path.join(dir, "args.json"), JSON.stringify(args));
    await writePieces(path.join(dir, "docstore.json"), docstoreJSON(this.points));
    this.since = new Changes(this.store.index.getCurrentCount());
  }

  get empty(): boolean {
    return this.store === null;
  }

  /** Distinct vectors stored (entries with the same content share one). */
  get size(): number {
    return this.points.size;
  }

  /** The size of the stored vectors (0 when empty). */
  get dimensions(): number {
    return this.store?.index.getNumDimensions() ?? 0;
  }

  /** Every stored vector with the entries that share it (for the exact-search baseline in bench/). */
  *vectors(): Generator<{ ids: number[]; vector: number[] }> {
    for (const [label, p] of this.points)
      yield { ids: p.ids, vector: this.store?.index.getPoint(label) ?? [] };
  }

  /**
   * The `k` nearest entries to `vector`, optionally only among ids accepted by `filter`. With
   * `candidates` (every entry id the filter can accept, e.g. the passages of the documents a
   * question names) the allowed points are found from those ids instead of by testing each point.
   */
  async search(
    vector: number[],
    k: number,
    filter?: (id: number) => boolean,
    candidates?: Iterable<number>,
  ): Promise<VectorHit[]> {
    if (!this.store) return [];
    if (vector.length !== this.dimensions) {
      throw new EmbeddingsError(
        `the embedding model now gives vectors of ${vector.length} numbers, but the index holds ${this.dimensions}; rebuild it with 'cadre index'`,
      );
    }
    const graph = this.store.index;
    const ids = (label: number) => {
      const all = this.points.get(label)?.ids ?? [];
      return filter ? all.filter(filter) : all;
    };
    let allowed: Set<number> | null = null;
    if (filter) {
      const labels = new Set<number>();
      if (candidates) {
        for (const id of candidates) {
          const label = this.labelOf(id);
          if (label !== undefined && filter(id)) labels.add(label);
        }
      } else for (const [label, p] of this.points) if (p.ids.some(filter)) labels.add(label);
      if (labels.size <= EXACT_LIMIT) return expand(exact(graph, vector, [...labels], labels.size), ids, k);
      allowed = labels;
    }
    const size = allowed?.size ?? this.points.size;
    // Points at the same distance as the k-th hit are all fetched (more each round), so that the
    // ones kept are those with the lowest ids, as exact search keeps them, not the ones met first.
    for (let want = k + TIE_SLACK; ; want *= 4) {
      const n = Math.min(want, size);
      graph.setEf(Math.max(this.efSearch ?? EF_SEARCH, n));
      const r = allowed
        ? graph.searchKnn(vector, n, (label) => allowed.has(label))
        : graph.searchKnn(vector, n);
      const hits = expand({ labels: r.neighbors, distances: r.distances }, ids, k);
      const boundary = hits.at(-1)?.distance ?? 0;
      const farthest = r.distances.at(-1) ?? 2;
      if (n >= size || hits.length < k || farthest > boundary + 1e-9 || want >= MAX_TIES) return hits;
    }
  }
}

/** The entries of found points, nearest first, equal distances by id; the first `k`. */
function expand(
  found: { labels: number[]; distances: number[] },
  ids: (label: number) => number[],
  k: number,
): VectorHit[] {
  const hits: VectorHit[] = [];
  found.labels.forEach((label, i) => {
    for (const id of ids(label)) hits.push({ id, distance: found.distances[i] ?? 1 });
  });
  hits.sort((a, b) => a.distance - b.distance || a.id - b.id);
  return hits.slice(0, k);
}

async function newGraph(dimensions: number, capacity: number): Promise<Graph> {
  const { HierarchicalNSW } = await HNSWLib.imports();
  const graph = new HierarchicalNSW("cosine", dimensions);
  graph.initIndex(capacity, M, EF_CONSTRUCTION);
  return graph;
}

/** Exact cosine search among `labels` (the graph stores normalised vectors). */
function exact(graph: Graph, vector: number[], labels: number[], k: number) {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  const scored = labels.map((label) => {
    const p = graph.getPoint(label);
    let dot = 0;
    for (let i = 0; i < p.length; i++) dot += (p[i] ?? 0) * (vector[i] ?? 0);
    return { label, distance: 1 - dot / norm };
  });
  scored.sort((a, b) => a.distance - b.distance);
  const top = scored.slice(0, k);
  return { labels: top.map((s) => s.label), distances: top.map((s) => s.distance) };
}
