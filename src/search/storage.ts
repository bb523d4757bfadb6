import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Document, DocumentVersion } from "../corpus/index.js";

/**
 * Where an index lives on disk: generation folders under `<data>/index/`, each complete (parsed
 * documents, lexical postings, HNSW graph, manifest written last), and a `CURRENT` file naming the
 * published one, replaced atomically by rename. A crash before that rename leaves the previous
 * generation in use. Parsed documents are kept in segment files of JSON lines: a re-index writes
 * only the documents it touched in a new segment and links the older segments (files are never
 * changed once written, so generations can share them); where each line is goes into the manifest,
 * so a re-index reads only the lines of the documents it changes. The documents are saved without
 * the passage, task and article texts: those are slices of their version's text, cut again on load
 * (V8 then shares the version's string instead of holding each text twice).
 */

export const indexRoot = (dataDir: string) => path.join(dataDir, "index");

/** The published generation's folder, or null when none was published. */
export async function currentGeneration(dataDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexRoot(dataDir), "CURRENT"), "utf8")).trim();
    return name ? path.join(indexRoot(dataDir), name) : null;
  } catch {
    return null;
  }
}

/** A fresh, empty generation folder (not yet published). */
export async function newGeneration(dataDir: string): Promise<string> {
  const root = indexRoot(dataDir);
  const dir = path.join(root, `gen-${Date.now()}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Publishes `dir` (whose manifest is already written) by replacing `CURRENT`, then removes older
 * generations except the one just replaced (readers may still be using it).
 */
export async function publishGeneration(dataDir: string, dir: string): Promise<void> {
  const root = indexRoot(dataDir);
  const name = path.basename(dir);
  const pointer = path.join(root, `CURRENT.${process.pid}.tmp`);
  await writeFile(pointer, name);
  await rename(pointer, path.join(root, "CURRENT"));
  const gens = (await readdir(root)).filter((n) => n.startsWith("gen-") && n !== name).sort();
  for (const old of gens.slice(0, -1)) await rm(path.join(root, old), { recursive: true, force: true });
}

type Span = { text: string; start: number; end: number };

/** `s` without its text when the text is the slice of `full` it claims to be. */
function strip<T extends Span>(s: T, full: string): T | Omit<T, "text"> {
  if (full.slice(s.start, s.end) !== s.text) return s;
  const { text: _, ...rest } = s;
  return rest;
}

/** `s` with its text cut from `full` again when it was stripped. */
function restore<T extends Span>(s: T, full: string): T {
  if (typeof s.text !== "string") s.text = full.slice(s.start, s.end);
  return s;
}

/** One document as saved (texts of passages, tasks and articles left out where they are slices). */
function documentToJSON(d: Document): string {
  const slim = (v: DocumentVersion) => ({
    ...v,
    passages: v.passages.map((p) => strip(p, v.text)),
    tasks: v.tasks.map((t) => strip(t, v.text)),
    articles: v.articles.map((a) => ({
      ...strip(a, v.text),
      clauses: a.clauses.map((c) => strip(c, v.text)),
    })),
  });
  return JSON.stringify({ ...d, versions: d.versions.map(slim) });
}

/** One document saved with `documentToJSON`. */
function documentFromJSON(json: string): Document {
  const d = JSON.parse(json) as Document;
  for (const v of d.versions) {
    for (const p of v.passages) restore(p, v.text);
    for (const t of v.tasks) restore(t, v.text);
    for (const a of v.articles) {
      restore(a, v.text);
      for (const c of a.clauses) restore(c, v.text);
    }
  }
  return d;
}

/** Where a document's line is in its segment file: byte offset and length. */
export type Place = [offset: number, bytes: number];

/**
 * Writes the documents to `file`, one JSON line each (no string of the whole corpus is made), and
 * gives back where each line is.
 */
export async function writeDocuments(file: string, documents: Document[]): Promise<Place[]> {
  const places: Place[] = [];
  let offset = 0;
  await writePieces(
    file,
    (function* () {
      for (const d of documents) {
        const line = `${documentToJSON(d)}\n`;
        const bytes = Buffer.byteLength(line);
        places.push([offset, bytes]);
        offset += bytes;
        yield line;
      }
    })(),
  );
  return places;
}

/** The documents whose lines are at `places` of segment `file` (each line read on its own). */
export async function readDocumentsAt(file: string, places: Place[]): Promise<Document[]> {
  const handle = await open(file, "r");
  try {
    const documents: Document[] = [];
    for (const [offset, bytes] of places) {
      const buffer = Buffer.allocUnsafe(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, offset);
      const line = buffer.toString("utf8", 0, bytesRead).trimEnd();
      documents.push(documentFromJSON(line));
    }
    return documents;
  } finally {
    await handle.close();
  }
}

/** Characters written at once by `writePieces`. */
const CHUNK = 1 << 15;

/**
 * Writes `pieces` one after another to `file`, ~32,000 characters at a time (never the whole text
 * at once). Chunks stay small: V8 puts a string over ~128 KB straight into its old generation, where
 * it lingers until a full collection, and writing a 10,000-document index in chunks of 200
 * documents (~2 MB) left ~100 MB of such dead strings at the build's peak.
 */
export async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const out = await open(file, "w");
  try {
    let chunk: string[] = [];
    let length = 0;
    for (const piece of pieces) {
      chunk.push(piece);
      length += piece.length;
      if (length >= CHUNK) {
        await out.write(chunk.join(""));
        chunk = [];
        length = 0;
      }
    }
    await out.write(chunk.join(""));
  } finally {
    await out.close();
  }
}

/**
 * Reads documents from segment files written by `writeDocuments`, line by line. A later segment
 * supersedes: segments are read newest first, and a document is taken when none of its files was
 * taken already and `current(file, hash)` says each version is the one indexed. The documents come
 * back ordered by `order` of their first file (the order a fresh build gives them).
 */
export async function readDocuments(
  files: string[],
  current: (file: string, hash: string) => boolean,
  order: ReadonlyMap<string, number>,
): Promise<Document[]> {
  const taken = new Set<string>();
  const documents: Document[] = [];
  for (const file of [...files].reverse()) {
    for await (const line of linesOf(file)) {
      if (!line) continue;
      const d = documentFromJSON(line);
      if (d.versions.some((v) => taken.has(v.file) || !current(v.file, v.hash))) continue;
      for (const v of d.versions) taken.add(v.file);
      documents.push(d);
    }
  }
  const rank = (d: Document) =>
    Math.min(...d.versions.map((v) => order.get(v.file) ?? Number.MAX_SAFE_INTEGER));
  return documents.sort((a, b) => rank(a) - rank(b));
}

/**
 * The lines of a file, read in large blocks (readline over a UTF-8 stream decoded Vietnamese text
 * several times slower: ~0.5 s of a 100 MB segment), each line decoded on its own: a block decoded
 * at once is a string of ~16 MB, which V8 puts straight into its old generation, and opening a
 * 10,000-document index left ~300 MB of such dead strings until a full collection.
 */
export async function* linesOf(file: string, block = 1 << 23): AsyncGenerator<string> {
  const handle = await open(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(block);
    let held = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, held, buffer.length - held, null);
      if (bytesRead === 0) {
        if (held > 0) yield buffer.toString("utf8", 0, held);
        return;
      }
      const end = held + bytesRead;
      // Lines up to the last newline of the block (a newline byte is never inside a character).
      const last = buffer.lastIndexOf(10, end - 1);
      if (last >= 0) {
        for (let from = 0; from <= last; ) {
          const nl = buffer.indexOf(10, from);
          yield buffer.toString("utf8", from, nl);
          from = nl + 1;
        }
        buffer.copy(buffer, 0, last + 1, end);
        held = end - last - 1;
      } else if (end === buffer.length) {
        // One line longer than the buffer: grow it.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger);
        buffer = larger;
        held = end;
      } else held = end;
    }
  } finally {
    await handle.close();
  }
}

/** Links `name` of generation `from` into generation `to` (copies where links are refused). */
export async function reuseSegment(from: string, to: string, name: string): Promise<void> {
  try {
    await link(path.join(from, name), path.join(to, name));
  } catch {
    await copyFile(path.join(from, name), path.join(to, name));
  }
}
