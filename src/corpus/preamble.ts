import type { DocumentVersion, Passage } from "./types.js";

/**
 * A version's preamble: the paragraphs before its first task, article or clause (passages are in
 * file order), or none when the version has no such structure.
 */
export function preamble(version: DocumentVersion): Passage[] {
  const first = version.passages.findIndex((p) => p.kind !== "paragraph");
  return first < 0 ? [] : version.passages.slice(0, first);
}
