import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type CorpusFile,
  type Document,
  type DocumentVersion,
  type Extractors,
  groupDocuments,
  listCorpus,
  PARSER_VERSION,
  type ReadError,
  readVersion,
} from "../corpus/index.js";
import type { NamedEmbeddings } from "./embeddings-checked.js";
import { type Entry, entriesOf } from "./entries.js";
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

/**
 * The layout of an index, times the parser that read it: an index built by another layout or
 * another parser is rebuilt from the files (the parsed structure is saved, so it would go stale).
 */
const FORMAT = 1000 + PARSER_VERSION;

/** What an index was built from; compared with the corpus to decide whether it is stale. */
export interface Manifest {
  format: number;
  /** Identity of the embedding model that made the vectors (e.g. `ollama:bge-m3@http://…`). */
  embeddings: string;
  /** Size of its vectors (absent in indexes built before it was recorded). */
  dimensions?: number;
  builtAt: string;
  files: { file: string; hash: string; size: number; mtimeMs: number }[];
  errors: ReadError[];
}

/** Reports indexing progress (files read, passages embedded). */
export type Progress = (phase: "read" | "embed", done: number, total: number) => void;

/** A loaded, queryable index. */
export class CorpusIndex {
  readonly entries: Entry[];

  constructor(
    readonly documents: Document[],
    readonly lexical: LexicalIndex,
    readonly vectors: VectorIndex,
    readonly embeddings: NamedEmbeddings,
    readonly manifest: Manifest,
  ) {
    this.entries = entriesOf(documents);
  }

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
}

const toStderr = (line: string) => {
  process.stderr.write(`${line}\n`);
};

const indexRoot = (dataDir: string) => path.join(dataDir, "index");

async function currentGeneration(dataDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexRoot(dataDir), "CURRENT"), "utf8")).trim();
    return name ? path.join(indexRoot(dataDir), name) : null;
  } catch {
    return null;
  }
}

/** What a rebuild takes from the published index (not its lexical index: ~1 GB at 10,000 documents). */
type Previous = Pick<CorpusIndex, "documents" | "vectors" | "manifest">;

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Reads the published generation, or null when there is none or it was built differently (another
 * format or another embedding: `log` then says why everything will be rebuilt).
 */
async function readGeneration(
  dataDir: string,
  embeddings: IndexOptions["embeddings"],
  log: (line: string) => void,
  withLexical: boolean,
): Promise<(Previous & { lexical: LexicalIndex | null }) | null> {
  const dir = await currentGeneration(dataDir);
  const manifest = dir ? await readManifest(dir) : null;
  if (!dir || !manifest || manifest.format !== FORMAT) return null;
  if (manifest.embeddings !== embeddings.name) {
    log(
      `cadre: lập lại chỉ mục / rebuilding the index in ${dataDir}: its vectors were made by embedding "${manifest.embeddings}", EMBEDDINGS now gives "${embeddings.name}"; every passage is embedded again`,
    );
    return null;
  }
  try {
    const documents = JSON.parse(await readFile(path.join(dir, "documents.json"), "utf8")) as Document[];
    const lexical = withLexical
      ? LexicalIndex.load(await readFile(path.join(dir, "lexical.json"), "utf8"))
      : null;
    const empty = entriesOf(documents).length === 0;
    const vectors = await VectorIndex.load(path.join(dir, "vectors"), embeddings, empty);
    return { documents, lexical, vectors, manifest };
  } catch {
    return null;
  }
}

/**
 * Loads the published index, or null when there is none or it was built differently (another
 * format or another embedding: `log` then says why everything will be rebuilt).
 */
export async function loadIndex(
  dataDir: string,
  embeddings: IndexOptions["embeddings"],
  log: (line: string) => void = toStderr,
): Promise<CorpusIndex | null> {
  const g = await readGeneration(dataDir, embeddings, log, true);
  return g?.lexical ? new CorpusIndex(g.documents, g.lexical, g.vectors, embeddings, g.manifest) : null;
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
  // Staleness is judged on the manifest alone, so a rebuild never holds two lexical indexes.
  const dir = await currentGeneration(opts.dataDir);
  const manifest = dir ? await readManifest(dir) : null;
  if (
    manifest?.format === FORMAT &&
    manifest.embeddings === opts.embeddings.name &&
    !isStale(manifest, files)
  ) {
    const existing = await loadIndex(opts.dataDir, opts.embeddings, opts.log);
    if (existing) return existing;
  }
  return buildIndex(opts, undefined, files);
}

/** Builds the index (reusing `previous` where the corpus did not change) and publishes it. */
export async function buildIndex(
  opts: IndexOptions,
  previous?: Previous | null,
  listed?: CorpusFile[],
): Promise<CorpusIndex> {
  const files = listed ?? (await listCorpus(opts.corpusDir));
  const prev =
    previous === undefined
      ? await readGeneration(opts.dataDir, opts.embeddings, opts.log ?? toStderr, false)
      : previous;
  const oldVersions = new Map<string, DocumentVersion>();
  for (const d of prev?.documents ?? []) for (const v of d.versions) oldVersions.set(v.file, v);
  const oldFiles = new Map((prev?.manifest.files ?? []).map((f) => [f.file, f]));

  const versions: DocumentVersion[] = [];
  const errors: ReadError[] = [];
  const manifestFiles: Manifest["files"] = [];
  let done = 0;
  for (const f of files) {
    const known = oldFiles.get(f.file);
    const old = oldVersions.get(f.file);
    if (known && old && known.size === f.size && known.mtimeMs === f.mtimeMs) {
      versions.push(old);
      manifestFiles.push(known);
    } else {
      const read = await readVersion(f, opts.extractors);
      if (read.ok) {
        // Same bytes under a new mtime: keep the parsed version as it was.
        versions.push(old && old.hash === read.version.hash ? old : read.version);
        manifestFiles.push({ file: f.file, hash: read.version.hash, size: f.size, mtimeMs: f.mtimeMs });
      } else {
        errors.push(read.error);
      }
    }
    opts.progress?.("read", ++done, files.length);
  }

  const documents = groupDocuments(versions);
  const entries = entriesOf(documents);
  const lexical = LexicalIndex.build(entries);
  // Keys include the embedding's identity, so vectors of another model never match; the
  // previous vector index is updated in place (it is not used after this).
  const vectors = await VectorIndex.build(entries, opts.embeddings, prev?.vectors ?? null, (d, t) =>
    opts.progress?.("embed", d, t),
  );
  const manifest: Manifest = {
    format: FORMAT,
    embeddings: opts.embeddings.name,
    dimensions: vectors.dimensions || undefined,
    builtAt: new Date().toISOString(),
    files: manifestFiles,
    errors,
  };
  await publish(opts.dataDir, { manifest, documents, lexical, vectors });
  return new CorpusIndex(documents, lexical, vectors, opts.embeddings, manifest);
}

async function publish(
  dataDir: string,
  parts: { manifest: Manifest; documents: Document[]; lexical: LexicalIndex; vectors: VectorIndex },
): Promise<void> {
  const root = indexRoot(dataDir);
  await mkdir(root, { recursive: true });
  const name = `gen-${Date.now()}-${process.pid}`;
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "documents.json"), JSON.stringify(parts.documents));
  await writeFile(path.join(dir, "lexical.json"), parts.lexical.toJSON());
  await parts.vectors.save(path.join(dir, "vectors"));
  // The manifest is written last: a generation without one was never finished.
  await writeFile(path.join(dir, "manifest.json"), JSON.stringify(parts.manifest, null, 1));
  const pointer = path.join(root, `CURRENT.${process.pid}.tmp`);
  await writeFile(pointer, name);
  await rename(pointer, path.join(root, "CURRENT"));
  // Older generations go, but the one just replaced stays a while for readers still using it.
  const gens = (await readdir(root)).filter((n) => n.startsWith("gen-") && n !== name).sort();
  for (const old of gens.slice(0, -1)) await rm(path.join(root, old), { recursive: true, force: true });
}
