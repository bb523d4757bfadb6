import {
  type CorpusFile,
  type Document,
  type DocumentVersion,
  type Extractors,
  groupDocuments,
  listCorpus,
  type ReadError,
  readVersion,
} from "../corpus/index.js";
import type { NamedEmbeddings } from "./embeddings-checked.js";
import { type Entry, entriesOf } from "./entries.js";
import { FORMAT, type Manifest, type Previous, publish, readGeneration } from "./generation.js";

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
  ) {
    const list = entriesOf(documents, firstIdsOf(manifest));
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

const firstIdsOf = (m: Manifest) => new Map(m.files.map((f) => [f.file, f.firstId]));

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
  const oldVersions = new Map<string, DocumentVersion>();
  for (const d of prev?.documents ?? []) for (const v of d.versions) oldVersions.set(v.file, v);
  const oldFiles = new Map((prev?.manifest.files ?? []).map((f) => [f.file, f]));

  const versions: DocumentVersion[] = [];
  const errors: ReadError[] = [];
  const manifestFiles: Manifest["files"] = [];
  /** Files whose passages (and entry ids) carry over. */
  const kept = new Set<string>();
  let done = 0;
  for (const f of files) {
    const known = oldFiles.get(f.file);
    const old = oldVersions.get(f.file);
    if (known && old && known.size === f.size && known.mtimeMs === f.mtimeMs) {
      versions.push(old);
      manifestFiles.push(known);
      kept.add(f.file);
    } else {
      const read = await readVersion(f, opts.extractors);
      if (read.ok) {
        // Same bytes under a new mtime: keep the parsed version (and its ids) as it was.
        const same = known && old && old.hash === read.version.hash;
        versions.push(same ? old : read.version);
        const firstId = same ? known.firstId : -1;
        if (same) kept.add(f.file);
        manifestFiles.push({
          file: f.file,
          hash: read.version.hash,
          size: f.size,
          mtimeMs: f.mtimeMs,
          firstId,
        });
      } else {
        errors.push(read.error);
      }
    }
    opts.progress?.("read", ++done, files.length);
  }
  const documents = groupDocuments(versions);
  const byFile = new Map(versions.map((v) => [v.file, v]));
  const previousEntries = prev ? entriesOf(prev.documents, firstIdsOf(prev.manifest)) : [];
  const removed = new Set(previousEntries.filter((e) => !kept.has(e.version.file)).map((e) => e.id));
  const keptCount = previousEntries.length - removed.size;
  // Incremental while the holes left by changed files stay under a quarter of the ids; else ids
  // are given again from 0 and the lexical index is built afresh.
  const incremental =
    prev !== null && prev !== undefined && prev.manifest.nextId - keptCount <= keptCount / 4;
  let nextId = incremental ? prev.manifest.nextId : 0;
  for (const f of manifestFiles) {
    if (incremental && kept.has(f.file)) continue;
    f.firstId = nextId;
    nextId += byFile.get(f.file)?.passages.length ?? 0;
  }
  const firstIds = new Map(manifestFiles.map((f) => [f.file, f.firstId]));
  const entries = entriesOf(documents, firstIds);
  let lexical: LexicalIndex;
  if (incremental) {
    const added = entries.filter((e) => !kept.has(e.version.file)).sort((a, b) => a.id - b.id);
    lexical = prev.lexical.update(
      previousEntries.filter((e) => removed.has(e.id)),
      added,
    );
  } else {
    lexical = LexicalIndex.build([...entries].sort((a, b) => a.id - b.id));
  }
  // Keys include the embedding's identity, so vectors of another model never match; the
  // previous vector index is updated in place (it is not used after this).
  const vectors = await VectorIndex.build(
    entries,
    opts.embeddings,
    prev?.vectors ?? null,
    (d, t) => opts.progress?.("embed", d, t),
    incremental,
  );
  // Documents go to a new segment when they hold a changed file or held one before; the older
  // segments are linked while their superseded lines stay under a quarter of the documents.
  const rewrite = new Set(manifestFiles.filter((f) => !kept.has(f.file)).map((f) => f.file));
  for (const d of prev?.documents ?? []) {
    if (d.versions.some((v) => !kept.has(v.file))) for (const v of d.versions) rewrite.add(v.file);
  }
  const touched = documents.filter((d) => d.versions.some((v) => rewrite.has(v.file)));
  const reuse =
    incremental && prev.dir && prev.manifest.segmentLines + touched.length <= documents.length * 1.25;
  const segments = reuse ? [...prev.manifest.segments, `documents-${Date.now()}.jsonl`] : ["documents.jsonl"];
  const manifest: Manifest = {
    format: FORMAT,
    embeddings: opts.embeddings.name,
    dimensions: vectors.dimensions || undefined,
    builtAt: new Date().toISOString(),
    files: manifestFiles,
    nextId,
    segments,
    segmentLines: reuse ? prev.manifest.segmentLines + touched.length : documents.length,
    errors,
  };
  const written = reuse ? { from: prev.dir as string, documents: touched } : { from: null, documents };
  const dir = await publish(opts, { manifest, written, lexical, vectors, previous: prev?.dir });
  return new CorpusIndex(documents, lexical, vectors, opts.embeddings, manifest, dir);
}
