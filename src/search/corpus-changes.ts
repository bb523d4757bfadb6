import path from "node:path";
import {
  type CorpusFile,
  type Document,
  type DocumentVersion,
  type Extractors,
  groupDocuments,
  groupOf,
  type ReadError,
  readVersion,
} from "../corpus/index.js";
import { type Entry, entriesOf } from "./entries.js";
import type { Manifest, ManifestFile } from "./generation.js";
import { type Place, readDocumentsAt } from "./storage.js";

/**
 * What a re-index reads first: how the corpus differs from the manifest of the published index,
 * by file (`compare`) and then by document (`deltaOf`). Unchanged passages keep their entry ids;
 * a changed file's passages leave and come back under new ones.
 */

/** Each file's first entry id in `m`. */
export const firstIdsOf = (m: Manifest) => new Map(m.files.map((f) => [f.file, f.firstId]));

/** How the listed corpus differs from what a manifest was built from. */
export interface Comparison {
  /** The new manifest's files, in listing order (copies: the old manifest is left as it was). */
  files: ManifestFile[];
  /** Files whose passages (and entry ids) carry over. */
  kept: Set<string>;
  /** Files read again whose content is new, with their versions (their `firstId` is not given yet). */
  fresh: Map<string, DocumentVersion>;
  errors: ReadError[];
}

/**
 * Compares the corpus with `manifest`: a file of the same size and mtime is kept unread; others
 * are read, and kept when their bytes did not change. `held` says which files of the manifest have
 * their parsed version at hand (a file without it is read again).
 */
export async function compare(
  listed: CorpusFile[],
  manifest: Manifest | undefined,
  opts: { extractors?: Extractors; progress?: (phase: "read", done: number, total: number) => void },
  held: (file: string) => boolean = () => true,
): Promise<Comparison> {
  const oldFiles = new Map((manifest?.files ?? []).map((f) => [f.file, f]));
  const out: Comparison = { files: [], kept: new Set(), fresh: new Map(), errors: [] };
  let done = 0;
  for (const f of listed) {
    const known = oldFiles.get(f.file);
    const usable = known && held(f.file) ? known : undefined;
    if (usable && usable.size === f.size && usable.mtimeMs === f.mtimeMs) {
      out.files.push({ ...usable });
      out.kept.add(f.file);
    } else {
      const read = await readVersion(f, opts.extractors);
      if (!read.ok) out.errors.push(read.error);
      else if (usable && usable.hash === read.version.hash) {
        // Same bytes under a new mtime: the parsed version (and its ids) stay as they were.
        out.files.push({ ...usable, size: f.size, mtimeMs: f.mtimeMs });
        out.kept.add(f.file);
      } else {
        const v = read.version;
        out.fresh.set(f.file, v);
        const entry = { file: f.file, hash: v.hash, size: f.size, mtimeMs: f.mtimeMs, firstId: -1 };
        out.files.push({ ...entry, passages: v.passages.length, group: groupOf(v) });
      }
    }
    opts.progress?.("read", ++done, listed.length);
  }
  return out;
}

/** A re-index that keeps every unchanged passage's entry id. */
export interface Delta {
  nextId: number;
  /** The documents of every group a changed file left or joined, as they are now. */
  touched: Document[];
  /** The passages of changed and deleted files as they were indexed, and those of changed and new files. */
  removed: Entry[];
  added: Entry[];
}

/**
 * What changed, by document: the old documents of every group a changed file left or joined
 * (`oldDocuments` gives those holding some files), and the same groups as they are now. Changed
 * files get new entry ids, from the previous `nextId` up. Null when the holes that changed files
 * leave would pass a quarter of the ids: they are then given again from 0, and everything is built.
 */
export async function deltaOf(
  manifest: Manifest,
  cmp: Comparison,
  oldDocuments: (files: string[]) => Promise<Document[]>,
): Promise<Delta | null> {
  const old = manifest.files;
  let keptCount = 0;
  for (const f of old) if (cmp.kept.has(f.file)) keptCount += f.passages ?? 0;
  if (manifest.nextId - keptCount > keptCount / 4) return null;
  const groups = new Set<string | undefined>();
  for (const f of old) if (!cmp.kept.has(f.file)) groups.add(f.group);
  for (const v of cmp.fresh.values()) groups.add(groupOf(v));
  const before = await oldDocuments(old.filter((f) => groups.has(f.group)).map((f) => f.file));
  const oldVersions = new Map(before.flatMap((d) => d.versions.map((v) => [v.file, v] as const)));
  let nextId = manifest.nextId;
  const versions: DocumentVersion[] = [];
  for (const f of cmp.files) {
    const fresh = cmp.fresh.get(f.file);
    if (fresh) {
      f.firstId = nextId;
      nextId += fresh.passages.length;
      versions.push(fresh);
    } else if (groups.has(f.group)) {
      const v = oldVersions.get(f.file);
      if (!v) throw new Error(`${f.file}: its parsed document is missing from the index`);
      versions.push(v);
    }
  }
  const touched = groupDocuments(versions);
  const changed = (e: Entry) => !cmp.kept.has(e.version.file);
  return {
    nextId,
    touched,
    removed: entriesOf(before, firstIdsOf(manifest)).filter(changed),
    added: entriesOf(touched, new Map(cmp.files.map((f) => [f.file, f.firstId])))
      .filter(changed)
      .sort((a, b) => a.id - b.id),
  };
}

/** True when a new segment of `touched` documents keeps superseded lines under a quarter of them. */
export const segmentFits = (manifest: Manifest, touched: number, documents: number) =>
  manifest.segmentLines + touched <= documents * 1.25;

/** The documents holding `names`, read from their lines (each checked against the manifest). */
export async function documentsAt(dir: string, manifest: Manifest, names: string[]): Promise<Document[]> {
  const byFile = new Map(manifest.files.map((f) => [f.file, f]));
  const bySegment = new Map<number, Map<number, Place>>();
  for (const name of names) {
    const [segment, offset, bytes] = byFile.get(name)?.at ?? [-1, 0, 0];
    const places = bySegment.get(segment) ?? new Map<number, Place>();
    places.set(offset, [offset, bytes]);
    bySegment.set(segment, places);
  }
  const documents: Document[] = [];
  for (const [segment, places] of bySegment) {
    const file = path.join(dir, manifest.segments[segment] ?? "missing");
    documents.push(...(await readDocumentsAt(file, [...places.values()])));
  }
  for (const d of documents) {
    for (const v of d.versions)
      if (byFile.get(v.file)?.hash !== v.hash) throw new Error(`${v.file}: not the version indexed`);
  }
  return documents;
}
