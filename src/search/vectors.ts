import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
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
    /** The graph, or for an index opened only to be changed, what changing it needs. */
    private readonly graph: Graph | PendingGraph | null,
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
    // A previous index opened without its graph has no vectors to give: it is not reused.
    const store = previous && !(previous.graph instanceof PendingGraph) ? previous.graph : null;
    const old = store ? previous : null;
    const kept = new Map<string, number>();
    for (const [label, p] of old?.points ?? []) if (idsByKey.has(p.key)) kept.set(p.key, label);
    const missing = [...idsByKey.keys()].filter((k) => !kept.has(k));
    const embed = (keys: string[]) => embedBatches(keys, entryByKey, embeddings, onProgress);
    if (!old || !store || compacts(store.getCurrentCount(), kept.size, missing.length)) {
      // Fresh (or compacted) graph: kept vectors are copied from the old graph, the rest streamed in.
      let graph: Graph | null = null;
      const points = new Map<number, Point>();
      const add = async (key: string, vector: number[]) => {
        graph ??= await newGraph(vector.length, idsByKey.size);
        graph.addPoint(vector, points.size);
        points.set(points.size, { key, ids: idsByKey.get(key) ?? [] });
      };
      for (const [key, label] of kept) await add(key, store?.getPoint(label) ?? []);
      for await (const batch of embed(missing)) for (const [key, vector] of batch) await add(key, vector);
      return new VectorIndex(graph, points);
    }
    // In place: embed first (a failing model leaves the old graph untouched), then change it.
    const fresh = await collect(embed(missing));
    if (fresh.length > 0 && fresh[0]?.[1].length !== store.getNumDimensions()) {
      // The same model name now gives vectors of another size: nothing old can be kept.
      return VectorIndex.build(entries, embeddings, null, onProgress);
    }
    const edits = new Map<number, number[]>();
    for (const [label, p] of old.points)
      edits.set(label, kept.get(p.key) === label ? (idsByKey.get(p.key) ?? []) : []);
    return old.change(
      edits,
      fresh.map(([key, vector]) => [key, vector, idsByKey.get(key) ?? []]),
    );
  }

  /**
   * The index with the entries `removed` gone and `added` in (ids above every id held), changed in
   * place like `build`'s in-place path: only contents it lacks are embedded. Null when that is not
   * the way: the index is empty, a quarter of the graph would be deleted (compaction), the model
   * now gives vectors of another size, or, for an index opened without its graph, the changes
   * would outgrow what can be written beside the graph file. `build` does those.
   */
  async update(
    removed: Entry[],
    added: Entry[],
    embeddings: NamedEmbeddings,
    onProgress?: (done: number, total: number) => void,
  ): Promise<VectorIndex | null> {
    const graph = this.graph;
    if (!graph) return null;
    const gone = new Set(removed.map((e) => e.id));
    const edits = new Map<number, number[]>();
    const labelOfKey = new Map<string, number>();
    for (const [label, p] of this.points) {
      labelOfKey.set(p.key, label);
      if (p.ids.some((id) => gone.has(id)))
        edits.set(
          label,
          p.ids.filter((id) => !gone.has(id)),
        );
    }
    const newIds = new Map<string, number[]>();
    const entryByKey = new Map<string, Entry>();
    for (const e of added) {
      const key = entryKey(e, embeddings.name);
      const label = labelOfKey.get(key);
      if (label !== undefined) {
        edits.set(label, [...(edits.get(label) ?? this.points.get(label)?.ids ?? []), e.id]);
        continue;
      }
      newIds.set(key, [...(newIds.get(key) ?? []), e.id]);
      if (!entryByKey.has(key)) entryByKey.set(key, e);
    }
    let deleted = 0;
    for (const ids of edits.values()) if (ids.length === 0) deleted++;
    const keptPoints = this.points.size - deleted;
    if (compacts(graph.getCurrentCount(), keptPoints, newIds.size)) return null;
    if (graph instanceof PendingGraph && (this.since?.size ?? 0) + edits.size + newIds.size > MAX_CHANGES)
      return null;
    const fresh = await collect(embedBatches([...newIds.keys()], entryByKey, embeddings, onProgress));
    if (fresh.length > 0 && fresh[0]?.[1].length !== graph.getNumDimensions()) return null;
    return this.change(
      edits,
      fresh.map(([key, vector]) => [key, vector, newIds.get(key) ?? []]),
    );
  }

  /**
   * Changes this index's graph in place (this index is not used after): `edits` gives points their
   * new entry ids (none: the point is deleted), `fresh` adds points.
   */
  private change(
    edits: ReadonlyMap<number, number[]>,
    fresh: (readonly [key: string, vector: number[], ids: number[]])[],
  ): VectorIndex {
    const graph = this.graph;
    if (!graph) throw new Error("an empty vector index cannot be changed");
    const points = this.points;
    const since = this.since;
    for (const [label, ids] of edits) {
      const p = points.get(label);
      if (!p) continue;
      if (ids.length === 0) {
        graph.markDelete(label);
        since?.remove(label);
        points.delete(label);
      } else if (ids.length !== p.ids.length || ids.some((id, i) => id !== p.ids[i])) {
        since?.relist(label);
        points.set(label, { key: p.key, ids });
      }
    }
    const count = graph.getCurrentCount() + fresh.length;
    if (count > graph.getMaxElements()) graph.resizeIndex(Math.ceil(count * 1.1));
    let label = this.nextLabel;
    for (const [key, vector, ids] of fresh) {
      graph.addPoint(vector, label);
      since?.add(label);
      points.set(label++, { key, ids });
    }
    return new VectorIndex(graph, points, since, label);
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
    const points = pointsOf(store.docstore._docs.entries());
    store.docstore._docs.clear();
    const { changes, nextLabel } = await replayChanges(dir, store.index, points);
    return new VectorIndex(store.index, points, changes, nextLabel);
  }

  /**
   * Opens an index saved with `save` to be changed and saved again, without reading its graph file
   * (~280 MB at 10,000 documents): what `update` and `save` need is the points, the changes since
   * the graph file and its size. It cannot be searched. Null when `dir` does not say the graph's
   * size (written before it was recorded).
   */
  static async open(dir: string): Promise<VectorIndex | null> {
    const args = JSON.parse(await readFile(path.join(dir, "args.json"), "utf8")) as Partial<GraphArgs>;
    if (typeof args.elements !== "number" || typeof args.numDimensions !== "number") return null;
    const docs = JSON.parse(await readFile(path.join(dir, "docstore.json"), "utf8")) as [string, Doc][];
    const points = pointsOf(docs);
    const graph = new PendingGraph(args.elements, args.numDimensions);
    const { changes, nextLabel } = await replayChanges(dir, graph, points);
    return new VectorIndex(graph, points, changes, nextLabel);
  }

  /**
   * Saves into `dir`. With `previous` (the folder of the index this one was built from), the
   * graph file there is shared and only the changes since it are written, while they are few.
   */
  async save(dir: string, previous?: string): Promise<void> {
    const graph = this.graph;
    if (!graph) return;
    const since = this.since;
    if (since && previous && since.size <= MAX_CHANGES) {
      try {
        await mkdir(dir, { recursive: true });
        for (const name of ["hnswlib.index", "docstore.json"]) await reuseSegment(previous, dir, name);
        await writeArgs(dir, this.dimensions, since.baseCount);
        await writeChanges(dir, since, this.nextLabel, this.points, (label) => graph.getPoint(label));
        return;
      } catch (e) {
        // The previous folder is gone (or unreadable): the graph is written whole below.
        if (graph instanceof PendingGraph) throw e;
      }
    }
    const whole = searchable(graph);
    await rm(path.join(dir, CHANGES_FILE), { force: true });
    await mkdir(dir, { recursive: true });
    await whole.writeIndex(path.join(dir, "hnswlib.index"));
    await writeArgs(dir, this.dimensions, whole.getCurrentCount());
    await writePieces(path.join(dir, "docstore.json"), docstoreJSON(this.points));
    this.since = new Changes(whole.getCurrentCount());
  }

  get empty(): boolean {
    return this.graph === null;
  }

  /** Distinct vectors stored (entries with the same content share one). */
  get size(): number {
    return this.points.size;
  }

  /** The size of the stored vectors (0 when empty). */
  get dimensions(): number {
    return this.graph?.getNumDimensions() ?? 0;
  }

  /** Every stored vector with the entries that share it (for the exact-search baseline in bench/). */
  *vectors(): Generator<{ ids: number[]; vector: number[] }> {
    for (const [label, p] of this.points) yield { ids: p.ids, vector: this.graph?.getPoint(label) ?? [] };
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
    if (!this.graph) return [];
    if (vector.length !== this.dimensions) {
      throw new EmbeddingsError(
        `the embedding model now gives vectors of ${vector.length} numbers, but the index holds ${this.dimensions}; rebuild it with 'cadre index'`,
      );
    }
    const graph = searchable(this.graph);
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

/** What `build` and `update` do with a stream of embedded batches: all of them, in order. */
async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

/** Embeds the first entry of each key, `BATCH` at a time (or the embedding's own batch size). */
async function* embedBatches(
  keys: string[],
  entryByKey: ReadonlyMap<string, Entry>,
  embeddings: NamedEmbeddings,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<(readonly [string, number[]])[]> {
  const size = embeddings.batchSize ?? BATCH;
  for (let i = 0; i < keys.length; i += size) {
    const batch = keys.slice(i, i + size);
    const texts = batch.map((k) => {
      const e = entryByKey.get(k);
      return e ? embeddingText(e) : "";
    });
    const vectors = await embeddings.embedDocuments(texts);
    onProgress?.(Math.min(i + size, keys.length), keys.length);
    yield batch.map((k, j) => [k, vectors[j] ?? []] as const);
  }
}

/**
 * True when a graph of `count` points (deleted ones included) keeping `kept` of its live points and
 * adding `added` would hold deleted points for more than a quarter of its live ones: it is then
 * built afresh instead.
 */
const compacts = (count: number, kept: number, added: number) => count - kept > (kept + added) / 4;

/** `args.json`: LangChain's HNSWLib arguments, and the number of points in the graph file. */
interface GraphArgs {
  space: "cosine";
  numDimensions: number;
  elements: number;
}

/** Writes `args.json`: what LangChain's HNSWLib.load reads, and the graph file's size for `open`. */
async function writeArgs(dir: string, numDimensions: number, elements: number): Promise<void> {
  const args: GraphArgs = { space: "cosine", numDimensions, elements };
  await writeFile(path.join(dir, "args.json"), JSON.stringify(args));
}

/** A docstore entry as `save` writes it. */
type Doc = { metadata: { key?: unknown; ids?: unknown; id?: unknown } };

/** The points of a docstore's entries. */
function pointsOf(docs: Iterable<[string, Doc]>): Map<number, Point> {
  const points = new Map<number, Point>();
  for (const [label, doc] of docs) {
    const m = doc.metadata;
    // Indexes written before points were shared hold one `id` per point.
    const ids = Array.isArray(m.ids) ? m.ids.map(Number) : [Number(m.id)];
    points.set(Number(label), { key: String(m.key), ids });
  }
  return points;
}

/**
 * A graph file not read: its size and the size of its vectors, and the vectors of points added
 * since (from its changes file, then by `update`). Enough to change an index and save the changes
 * beside the graph file; not to search it.
 */
class PendingGraph {
  private readonly added = new Map<number, number[]>();

  constructor(
    private count: number,
    private readonly dimensions: number,
  ) {}

  getCurrentCount(): number {
    return this.count;
  }

  getMaxElements(): number {
    return Number.POSITIVE_INFINITY;
  }

  resizeIndex(): void {}

  getNumDimensions(): number {
    return this.dimensions;
  }

  markDelete(label: number): void {
    this.added.delete(label);
  }

  addPoint(vector: number[], label: number): void {
    this.added.set(label, vector);
    this.count++;
  }

  getPoint(label: number): number[] {
    const vector = this.added.get(label);
    if (!vector) throw new Error(`point ${label} is in the graph file, which was not read`);
    return vector;
  }
}

/** The graph to search: a pending one was opened only to be changed. */
function searchable(graph: Graph | PendingGraph): Graph {
  if (graph instanceof PendingGraph)
    throw new Error("this vector index was opened to be changed, not searched");
  return graph;
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
