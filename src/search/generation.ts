import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Document, groupOf, PARSER_VERSION, type ReadError } from "../corpus/index.js";
import type { NamedEmbeddings } from "./embeddings-checked.js";
import { LexicalIndex } from "./lexical.js";
import {
  currentGeneration,
  newGeneration,
  publishGeneration,
  readDocuments,
  reuseSegment,
  writeDocuments,
} from "./storage.js";
import { TOKENIZER_VERSION } from "./tokenize.js";
import { VectorIndex } from "./vectors.js";

/**
 * One generation of the index on disk: its manifest, reading the published one back, and writing
 * and publishing a new one (the manifest last, then the atomic switch of `CURRENT`).
 */

/**
 * The layout of an index, times the parser that read it and the tokeniser that indexed it: an index
 * built by another layout, parser or tokeniser is rebuilt from the files (the parsed structure and
 * the lexical terms are saved, so they would go stale).
 */
export const FORMAT = 2001 + PARSER_VERSION + 100 * TOKENIZER_VERSION;

/** What an index was built from; compared with the corpus to decide whether it is stale. */
export interface Manifest {
  format: number;
  /** Identity of the embedding model that made the vectors (e.g. `ollama:bge-m3@http://…`). */
  embeddings: string;
  /** Size of its vectors (absent in indexes built before it was recorded). */
  dimensions?: number;
  builtAt: string;
  /** Each file read, with the entry id of its first passage (its passages follow it). */
  files: ManifestFile[];
  /** One above the highest entry id given so far. */
  nextId: number;
  /** The segment files of parsed documents, oldest first, and how many lines they hold in all. */
  segments: string[];
  segmentLines: number;
  errors: ReadError[];
}

/** One file of the corpus as indexed. */
export interface ManifestFile {
  file: string;
  hash: string;
  size: number;
  mtimeMs: number;
  /** The entry id of its first passage (its passages follow it). */
  firstId: number;
  /** How many passages it has (absent in indexes written before it was recorded, as are the next two). */
  passages?: number;
  /** Its document's group (`groupOf`): the files of one document share it. */
  group?: string;
  /** Where its document's line is: the index of the segment in `segments`, byte offset and length. */
  at?: [segment: number, offset: number, bytes: number];
}

/** What a rebuild takes from the published index, and the folder it was read from. */
export interface Previous {
  documents: Document[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
  manifest: Manifest;
  /** The generation folder (absent for an index never written). */
  dir?: string;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Partial<Manifest>;
    // A single segment before segments were listed.
    const segments = m.segments ?? ["documents.jsonl"];
    return { ...m, segments, segmentLines: m.segmentLines ?? m.files?.length ?? 0 } as Manifest;
  } catch {
    return null;
  }
}

/**
 * The published generation's folder and manifest, or null when there is none or it was built
 * differently (another format or another embedding: `log` then says why everything will be rebuilt).
 */
export async function readHead(
  dataDir: string,
  embeddings: NamedEmbeddings,
  log: (line: string) => void,
): Promise<{ dir: string; manifest: Manifest } | null> {
  const dir = await currentGeneration(dataDir);
  const manifest = dir ? await readManifest(dir) : null;
  if (!dir || !manifest) return null;
  if (manifest.format !== FORMAT) {
    log(
      `cadre: lập lại chỉ mục / rebuilding the index in ${dataDir}: it was written in another format (${manifest.format}, now ${FORMAT})`,
    );
    return null;
  }
  if (manifest.embeddings !== embeddings.name) {
    log(
      `cadre: lập lại chỉ mục / rebuilding the index in ${dataDir}: its vectors were made by embedding "${manifest.embeddings}", the embedding (EMBEDDINGS, and for the offline one the glossary) is now "${embeddings.name}"; every passage is embedded again`,
    );
    return null;
  }
  return { dir, manifest };
}

/**
 * Reads the published generation, or null when there is none or it was built differently (another
 * format or another embedding: `log` then says why everything will be rebuilt).
 */
export async function readGeneration(
  dataDir: string,
  embeddings: NamedEmbeddings,
  log: (line: string) => void,
): Promise<Previous | null> {
  const head = await readHead(dataDir, embeddings, log);
  if (!head) return null;
  const { dir, manifest } = head;
  try {
    const hashes = new Map(manifest.files.map((f) => [f.file, f.hash]));
    const order = new Map(manifest.files.map((f, i) => [f.file, i]));
    const lexical = LexicalIndex.read(path.join(dir, "lexical.bin"));
    // The graph file is read by a native thread while the documents are parsed here.
    const [documents, vectors] = await Promise.all([
      readDocuments(
        manifest.segments.map((name) => path.join(dir, name)),
        (file, hash) => hashes.get(file) === hash,
        order,
      ),
      VectorIndex.load(path.join(dir, "vectors"), embeddings, lexical.size === 0),
    ]);
    // Indexes written before files recorded their passages and group: both are known now.
    const byFile = new Map(manifest.files.map((f) => [f.file, f]));
    for (const d of documents) {
      for (const v of d.versions) {
        const f = byFile.get(v.file);
        if (f) Object.assign(f, { passages: v.passages.length, group: groupOf(v) });
      }
    }
    return { documents, lexical, vectors, manifest, dir };
  } catch {
    return null;
  }
}

/**
 * Writes a new generation and publishes it. Its documents are the segments of `written.from` (linked)
 * and, when `written.documents` is not empty or nothing is linked, a new last segment holding them;
 * the manifest's files learn where their documents' lines are.
 */
export async function publish(
  opts: { dataDir: string; beforePublish?: () => Promise<void> },
  parts: {
    manifest: Manifest;
    /** The documents of the new segment, and the generation whose segments are linked. */
    written: { from: string | null; documents: Document[] };
    lexical: LexicalIndex;
    vectors: VectorIndex;
    /** The generation the vectors were built from (its graph file is shared while changes are few). */
    previous?: string;
  },
): Promise<string> {
  const dir = await newGeneration(opts.dataDir);
  const { manifest, written } = parts;
  const linked = written.from ? manifest.segments : [];
  for (const name of linked) await reuseSegment(written.from as string, dir, name);
  if (written.documents.length > 0 || !written.from) {
    const name = `documents-${Date.now()}.jsonl`;
    manifest.segments = [...linked, name];
    const places = await writeDocuments(path.join(dir, name), written.documents);
    const at = new Map<string, ManifestFile["at"]>();
    const segment = manifest.segments.length - 1;
    written.documents.forEach((d, i) => {
      const [offset, bytes] = places[i] ?? [0, 0];
      for (const v of d.versions) at.set(v.file, [segment, offset, bytes]);
    });
    for (const f of manifest.files) f.at = at.get(f.file) ?? f.at;
    manifest.segmentLines = (written.from ? manifest.segmentLines : 0) + written.documents.length;
  }
  await parts.lexical.save(path.join(dir, "lexical.bin"));
  await parts.vectors.save(path.join(dir, "vectors"), parts.previous && path.join(parts.previous, "vectors"));
  // The manifest is written last: a generation without one was never finished.
  await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  await opts.beforePublish?.();
  await publishGeneration(opts.dataDir, dir);
  return dir;
}
