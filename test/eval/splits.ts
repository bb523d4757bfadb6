import { fileURLToPath } from "node:url";

/**
 * The folders an item's `corpus` names, the shipped seeds and the invented Vietnamese directives (one
 * list for the data checks, the runner and bench/).
 */
export const CORPORA = {
  seeds: fileURLToPath(new URL("../../corpus", import.meta.url)),
  vi: fileURLToPath(new URL("../fixtures/directives-vi", import.meta.url)),
} as const;

/**
 * The evaluation splits, in the order `npm run eval` prints them: dev and holdout (questions.yaml),
 * then each blind set, oldest first, in a file of its own (split `blind7` in blind7.yaml). A new blind
 * set is added here once, for the data checks, the runner and the bench scripts alike.
 */
export const SPLITS = [
  "dev",
  "holdout",
  "blind",
  "blind2",
  "blind3",
  "blind4",
  "blind5",
  "blind6",
  "blind7",
  "blind8",
  "blind9",
  "blind10",
] as const;

/** One evaluation split. */
export type Split = (typeof SPLITS)[number];

/** The blind splits, oldest first. */
export const BLIND_SPLITS = SPLITS.filter((s) => s.startsWith("blind"));

/** The file of test/eval that holds a split's items. */
export function fileOf(split: Split): string {
  return split === "dev" || split === "holdout" ? "questions.yaml" : `${split}.yaml`;
}
