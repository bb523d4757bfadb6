import type { Document, DocumentVersion, Passage } from "../corpus/index.js";
import type { Lang } from "../text/index.js";

/** One searchable passage with what a citation needs to name it. */
export interface Entry {
  /** Position in the entry list; the id the indexes store. */
  id: number;
  doc: Document;
  version: DocumentVersion;
  passage: Passage;
  lang: Lang;
}

/** Flattens documents into the list both indexes are built from (stable order). */
export function entriesOf(documents: Document[]): Entry[] {
  const out: Entry[] = [];
  for (const doc of documents) {
    for (const version of doc.versions) {
      for (const passage of version.passages) {
        out.push({ id: out.length, doc, version, passage, lang: version.lang });
      }
    }
  }
  return out;
}

/** The context words of an entry (number, title, section heading), indexed with a low weight. */
export function contextOf(e: Entry): string {
  return [e.doc.number ?? "", e.version.title, e.passage.heading ?? ""].join(" \n ");
}
