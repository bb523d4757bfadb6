import type { Lang } from "../text/index.js";

/**
 * What the search needs from the multilingual glossary: the language-independent concepts a text
 * mentions, and a concept's words in a language. `NO_CONCEPTS` stands in when none is loaded.
 */
export interface ConceptFinder {
  conceptsIn(text: string, lang?: Lang): { id: string; start: number; end: number }[];
  termsFor(id: string, lang: Lang): string[];
  /** Changes whenever the concepts or their forms change (what the offline embedding is named by). */
  readonly fingerprint?: string;
}

/** A finder that knows no concepts (the glossary is optional for tests of other parts). */
export const NO_CONCEPTS: ConceptFinder = {
  conceptsIn: () => [],
  termsFor: () => [],
};
