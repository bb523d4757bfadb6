import type { Document, DocumentVersion } from "../corpus/index.js";
import type { Lang } from "../text/index.js";

// After the asker's own language: the languages cadres most often read, in order.
const FALLBACK: Lang[] = ["vi", "en", "fr", "ja"];

/** The versions of `doc` in the order to quote them for an asker of `lang`. */
export function versionsFor(doc: Document, lang: Lang): DocumentVersion[] {
  const rank = (v: DocumentVersion) => (v.lang === lang ? -1 : FALLBACK.indexOf(v.lang));
  return [...doc.versions].sort((a, b) => rank(a) - rank(b));
}

/** How a document is named in a reply: its number, else its title shortened. */
export function docLabel(doc: Document): string {
  if (doc.number) return doc.number;
  const title = doc.title.trim();
  return title.length > 70 ? `«${title.slice(0, 67).trimEnd()}…»` : `«${title}»`;
}
