import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GlossaryError, parseGlossary } from "../search/glossary.js";
import { type ConceptFinder, NO_CONCEPTS } from "../search/index.js";

/**
 * The shipped glossary (`glossary/domain.yaml`), read synchronously once, for callers of
 * `generateQuiz` that pass no concepts. It tells that "Bureau politique" and "Politburo" are one
 * body (so neither is a distractor for the other) and words concepts in the trainer's language.
 */

const PATH = fileURLToPath(new URL("../../glossary/domain.yaml", import.meta.url));
let cached: ConceptFinder | null = null;

/** The shipped glossary, or no concepts when the file is absent; a broken file throws GlossaryError. */
export function shippedConcepts(): ConceptFinder {
  if (cached) return cached;
  if (!existsSync(PATH)) return NO_CONCEPTS;
  const parsed = parseGlossary(readFileSync(PATH, "utf8"), PATH);
  if (!parsed.ok) throw new GlossaryError(parsed.errors);
  cached = parsed.glossary;
  return cached;
}
