import path from "node:path";
import {
  type CorpusFile,
  type Document,
  type DocumentVersion,
  type Extractors,
  groupDocuments,
  listCorpus,
  type ReadError,
} from "../corpus/index.js";
import { collectGarbage } from "./collect.js";
import {
  type Comparison,
  compare,
  type Delta,
  deltaOf,
  documentsAt,
  firstIdsOf,
  segmentFits,
} from "./corpus-changes.js";
import type { NamedEmbeddings } from "./embeddings-checked.js";
import { type Entry, entriesOf } from "./entries.js";
import {
  FORMAT,
  type Manifest,
  type ManifestFile,
  type Previous,
  publish,
  readGeneration,
  readHead,
} from "./generation.js";

export type { Manifest } from "./generation.js";

import { LexicalIndex } from "./lexical.js";
import { VectorIndex } from "./vectors.js";

/**
 * The index under `--data`: parsed documents, the lexical index and the HNSW vector index, built
 * into a fresh generation folder and then published by atomically replacing the `CURRENT` pointer,
 * so a crash mid-build leaves the previous index in use. Rebuilds are incremental: unchanged files
 * (same size and mtime, or same content hash) are not re-read, and unchanged passages keep their
 * vectors. The manifest names the embedding that made the vectors: an index built by another one
 * is rebuilt (and says so), never searched with vectors of a different model.
 */

/** Reports indexing progress (files read, passages embedded). */
export type Progress = (phase: "read" | "embed", done: number, total: number) => void;

/** A loaded, queryable index. */
export class CorpusIndex {
  /** Entries by id (ids are stable across incremental rebuilds, so the array may have holes). */
  readonly entries: Entry[];
  /** How many passages are indexed. */
  readonly passageCount: number;

  constructor(
    readonly documents: Document[],
    readonly lexical: LexicalIndex,
    readonly vectors: VectorIndex,
    readonly embeddings: NamedEmbeddings,
    readonly manifest: Manifest,
    /** The generation folder it was read from or written to. */
    readonly dir?: string,
    /** The entries of `documents` when the caller has them already (a build). */
    list = entriesOf(documents, firstIdsOf(manifest)),
  ) {
    this.entries = [];
    for (const e of list) this.entries[e.id] = e;
    this.passageCount = list.length;
  }

  /** The entry ids of the passages of these documents (by document id). */
  entryIdsOf(docIds: Iterable<string>): number[] {
    if (!this.byDoc) {
      this.byDoc = new Map();
      for (const e of this.entries) {
        if (!e) continue;
        const ids = this.byDoc.get(e.doc.id) ?? [];
        ids.push(e.id);
        this.byDoc.set(e.doc.id, ids);
      }
    }
    const out: number[] = [];
    for (const id of docIds) out.push(...(this.byDoc.get(id) ?? []));
    return out;
  }

  private byDoc: Map<string, number[]> | null = null;

  /** Files the reader could not use, with the reason. */
  get errors(): ReadError[] {
    return this.manifest.errors;
  }
}

/** Options shared by building and opening an index. */
export interface IndexOptions {
  corpusDir: string;
  dataDir: string;
  embeddings: NamedEmbeddings;
  extractors?: Extractors;
  progress?: Progress;
  /** Where notices for the operator go (default: stderr). */
  log?: (line: string) => void;
  /** Runs after a new generation is written and before it is published (tests simulate a crash there). */
  beforePublish?: () => Promise<void>;
}

const toStderr = (line: string) => {
  process.stderr.write(`${line}\n`);
};

/**
 * Loads the published index, or null when there is none or it was built differently (another
 * format or another embedding: `log` then says why everything will be rebuilt).
 */
export async function loadIndex(
  dataDir: string,
  embeddings: IndexOptions["embeddings"],
  log: (line: string) => void = toStderr,
): Promise<CorpusIndex | null> {
  const g = await readGeneration(dataDir, embeddings, log);
  return g ? new CorpusIndex(g.documents, g.lexical, g.vectors, embeddings, g.manifest, g.dir) : null;
}

/** True when the corpus differs from what `manifest` was built from (by size and mtime). */
export function isStale(manifest: Manifest, files: CorpusFile[]): boolean {
  const known = new Map(manifest.files.map((f) => [f.file, f]));
  const failed = new Set(manifest.errors.map((e) => e.file));
  if (files.length !== manifest.files.length + failed.size) return true;
  return files.some((f) => {
    const k = known.get(f.file);
    if (!k) return !failed.has(f.file);
    return k.size !== f.size || k.mtimeMs !== f.mtimeMs;
  });
}

/** Opens the index of `corpusDir`, building or refreshing it first when missing or stale. */
export async function openIndex(opts: IndexOptions): Promise<CorpusIndex> {
  const files = await listCorpus(opts.corpusDir);
  const log = opts.log ?? toStderr;
  const prev = await readGeneration(opts.dataDir, opts.embeddings, log);
  if (prev && !isStale(prev.manifest, files)) {
    return new CorpusIndex(
      prev.documents,
      prev.lexical,
      prev.vectors,
      opts.embeddings,
      prev.manifest,
      prev.dir,
    );
  }
  return buildIndex(opts, prev, files);
}

/** A new manifest for `cmp`'s files, the segments of the previous one kept when `from` is given. */
function manifestOf(
  opts: IndexOptions,
  cmp: Comparison,
  vectors: VectorIndex,
  nextId: number,
  from?: Manifest,
): Manifest {
  return {
    format: FORMAT,
    embeddings: opts.embeddings.name,
    dimensions: vectors.dimensions || undefined,
    builtAt: new Date().toISOString(),
    files: cmp.files,
    nextId,
    segments: from?.segments ?? [],
    segmentLines: from?.segmentLines ?? 0,
    errors: cmp.errors,
  };
}

/**
 * Builds the index (reusing `previous` where the corpus did not change) and publishes it. Only
 * changed files are read again; their old passages leave the lexical and vector indexes and
 * their new ones get new entry ids; every other passage keeps its id, postings and vector.
 */
export async function buildIndex(
  opts: IndexOptions,
  previous?: Previous | null,
  listed?: CorpusFile[],
): Promise<CorpusIndex> {
  const files = listed ?? (await listCorpus(opts.corpusDir));
  const prev =
    previous === undefined
      ? await readGeneration(opts.dataDir, opts.embeddings, opts.log ?? toStderr)
      : previous;
  return build(opts, prev, files);
}

/**
 * `buildIndex` from `prev`. `earlier` is a comparison of the corpus already made with the manifest
 * of generation `dir`: when that is `prev` and every file it kept is at hand, the changed files are
 * not read again.
 */
async function build(
  opts: IndexOptions,
  prev: Previous | null,
  files: CorpusFile[],
  earlier?: { dir: string; cmp: Comparison },
): Promise<CorpusIndex> {
  const held = new Map<string, DocumentVersion>();
  for (const d of prev?.documents ?? []) for (const v of d.versions) held.set(v.file, v);
  const cmp =
    earlier && prev?.dir === earlier.dir && [...earlier.cmp.kept].every((file) => held.has(file))
      ? earlier.cmp
      : await compare(files, prev?.manifest, opts, (file) => held.has(file));
  const delta = prev
    ? await deltaOf(prev.manifest, cmp, async (names) => {
        const wanted = new Set(names);
        return prev.documents.filter((d) => d.versions.some((v) => wanted.has(v.file)));
      })
    : null;
  const nextId = delta?.nextId ?? numberFromZero(cmp.files);
  const versions = cmp.files.flatMap((f) => cmp.fresh.get(f.file) ?? held.get(f.file) ?? []);
  const documents = groupDocuments(versions);
  const entries = entriesOf(documents, new Map(cmp.files.map((f) => [f.file, f.firstId])));
  const lexical = prev && delta ? prev.lexical.update(delta.removed, delta.added) : buildLexical(entries);
  const progress = (d: number, t: number) => opts.progress?.("embed", d, t);
  // The previous vector index is changed in place (it is not used after this).
  const vectors =
    (prev && delta && (await prev.vectors.update(delta.removed, delta.added, opts.embeddings, progress))) ||
    (await VectorIndex.build(entries, opts.embeddings, prev?.vectors ?? null, progress, delta !== null));
  // Segments are linked while superseded lines stay few, and when every line's place is known
  // (indexes written before places were recorded get them all with one write).
  const reuse =
    prev?.dir &&
    delta &&
    segmentFits(prev.manifest, delta.touched.length, documents.length) &&
    prev.manifest.files.every((f) => f.at);
  const manifest = manifestOf(opts, cmp, vectors, nextId, reuse ? prev.manifest : undefined);
  const written = reuse ? { from: prev.dir as string, documents: delta.touched } : { from: null, documents };
  const dir = await publish(opts, { manifest, written, lexical, vectors, previous: prev?.dir });
  return new CorpusIndex(documents, lexical, vectors, opts.embeddings, manifest, dir, entries);
}

/** Gives the files' passages entry ids from 0, in file order; returns the next free id. */
function numberFromZero(files: ManifestFile[]): number {
  let id = 0;
  for (const f of files) {
    f.firstId = id;
    id += f.passages ?? 0;
  }
  return id;
}

/** The lexical index of every entry, its dead buffers collected before the vectors take memory. */
function buildLexical(entries: Entry[]): LexicalIndex {
  const lexical = LexicalIndex.build([...entries].sort((a, b) => a.id - b.id));
  collectGarbage();
  return lexical;
}

/** What `cadre index` reports. */
export interface IndexSummary {
  documents: number;
  files: number;
  passages: number;
  errors: ReadError[];
  /** True when only what changed was read, false when the index was loaded (or built) whole. */
  changesOnly: boolean;
}

/**
 * Brings the index of `corpusDir` up to date, as `buildIndex` does, and says what it holds. When
 * the published index allows, only what changed is read: the documents of the changed files'
 * groups (by their place in the segments), the lexical index and the vector index's points, not
 * its graph (vectors added go to the changes file beside the graph file). At 10,000 documents
 * that is most of a one-file re-index's time. Otherwise (no index yet, one written before files
 * recorded their place, ids to give again, a graph to compact or to write whole) it builds.
 */
export async function refreshIndex(opts: IndexOptions): Promise<IndexSummary> {
  const files = await listCorpus(opts.corpusDir);
  // Quiet: when the index cannot be used, the build says why.
  const head = await readHead(opts.dataDir, opts.embeddings, () => {});
  const earlier = head ? { dir: head.dir, cmp: await compare(files, head.manifest, opts) } : undefined;
  const done = head && earlier ? await changeOnly(opts, head, earlier.cmp) : null;
  if (done) return done;
  const prev = await readGeneration(opts.dataDir, opts.embeddings, opts.log ?? toStderr);
  const index = await build(opts, prev, files, earlier);
  return {
    documents: index.documents.length,
    files: index.manifest.files.length,
    passages: index.passageCount,
    errors: index.errors,
    changesOnly: false,
  };
}

/** `refreshIndex` reading only what changed (`cmp`, against `head`), or null when it cannot. */
async function changeOnly(
  opts: IndexOptions,
  head: { dir: string; manifest: Manifest },
  cmp: Comparison,
): Promise<IndexSummary | null> {
  const { dir, manifest } = head;
  if (manifest.files.length === 0) return null;
  if (!manifest.files.every((f) => f.passages !== undefined && f.group !== undefined && f.at)) return null;
  let delta: Delta | null;
  let vectors: VectorIndex | null;
  try {
    delta = await deltaOf(manifest, cmp, (names) => documentsAt(dir, manifest, names));
    vectors = await VectorIndex.open(path.join(dir, "vectors"));
  } catch {
    // A segment or the vector folder does not read as the manifest says: the build reads it all.
    return null;
  }
  const documents = new Set(cmp.files.map((f) => f.group)).size;
  if (!delta || !vectors || !segmentFits(manifest, delta.touched.length, documents)) return null;
  const progress = (d: number, t: number) => opts.progress?.("embed", d, t);
  const changed = await vectors.update(delta.removed, delta.added, opts.embeddings, progress);
  if (!changed) return null;
  const lexical = LexicalIndex.read(path.join(dir, "lexical.bin")).update(delta.removed, delta.added);
  const next = manifestOf(opts, cmp, changed, delta.nextId, manifest);
  const written = { from: dir, documents: delta.touched };
  await publish(opts, { manifest: next, written, lexical, vectors: changed, previous: dir });
  const passages = cmp.files.reduce((n, f) => n + (f.passages ?? 0), 0);
  return { documents, files: cmp.files.length, passages, errors: cmp.errors, changesOnly: true };
}
