import type { Document, DocumentVersion, Passage } from "../corpus/index.js";
import type { Lang } from "../text/index.js";

/** One searchable passage with what a citation needs to name it. */
export interface Entry {
  /**
   * The id the indexes store: stable across incremental rebuilds (a file's passages keep theirs
   * while the file is unchanged; a changed file's passages get new ones).
   */
  id: number;
  doc: Document;
  version: DocumentVersion;
  passage: Passage;
  lang: Lang;
}

/**
 * Flattens documents into the list both indexes are built from (stable order, ascending ids when
 * ids are positional). `firstIds` gives a file's first entry id (its passages follow it); without
 * it ids are positions in the list.
 */
export function entriesOf(documents: Document[], firstIds?: ReadonlyMap<string, number>): Entry[] {
  const out: Entry[] = [];
  for (const doc of documents) {
    for (const version of doc.versions) {
      const base = firstIds?.get(version.file) ?? out.length;
      version.passages.forEach((passage, i) => {
        out.push({ id: base + i, doc, version, passage, lang: version.lang });
      });
    }
  }
  return out;
}

/** The context words of an entry (number, title, section heading), indexed with a low weight. */
export function contextOf(e: Entry): string {
  return [e.doc.number ?? "", e.version.title, e.passage.heading ?? ""].join(" \n ");
}
