import { fold, type Lang, placeNames } from "../text/index.js";
import type { ConceptFinder } from "./concepts.js";

/**
 * What the glossary tells about a question besides its topics: the places it names (in any script)
 * and the kinds of document it names. Both pick documents; neither is content a passage must hold.
 */

/** Glossary concepts that name a kind of document. */
export const DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  "document",
  "directive",
  "plan",
  "regulation",
  "decision",
  "official-letter",
  "resolution",
  "conclusion",
  "project",
]);

/** True for glossary concepts that are places (provinces, districts): ids `place-…`. */
export const isPlace = (id: string): boolean => id.startsWith("place-");

/**
 * Place names a text mentions, folded, in Latin script ("cao bang"): runs of capitalised Vietnamese
 * syllables, and the glossary's places in any language ("カオバン" → its first Vietnamese form).
 */
export function placesIn(concepts: ConceptFinder, text: string, lang: Lang): string[] {
  const out = new Set(placeNames(text, lang));
  for (const { id } of concepts.conceptsIn(text, lang)) {
    const name = isPlace(id) ? concepts.termsFor(id, "vi")[0] : undefined;
    if (name) out.add(fold(name));
  }
  return [...out];
}

/** Kinds of document a text names (glossary ids: directive, plan, regulation, …). */
export function kindsIn(concepts: ConceptFinder, text: string, lang: Lang): string[] {
  return [...new Set(concepts.conceptsIn(text, lang).map((c) => c.id))].filter((id) =>
    DOCUMENT_KINDS.has(id),
  );
}
