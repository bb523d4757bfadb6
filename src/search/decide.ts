/**
 * The answer-or-refuse decision for a retrieved passage: a small logistic model over evidence the
 * retriever already has. Coverage (how much of the question's words and concepts the passage holds)
 * misses reworded and cross-language questions; the ranks the lexical and vector searches gave the
 * passage, their agreement, its margin over the next passage and the share of the question's
 * glossary concepts it holds add what coverage lacks. Weights are data, fitted on the evaluation
 * set's dev split by `bench/refusal.ts` (figures recorded with them); deterministic and explainable:
 * `explain` lists each feature's contribution.
 */

/** The evidence about one candidate passage, each value in about [0, 1]. */
export interface DecisionFeatures {
  /** Share of the question's content the passage holds (see coverage.ts). */
  coverage: number;
  /** 1 / (1 + rank) in the lexical (BM25) ranking, 0 when absent. */
  lexicalRank: number;
  /** 1 / (1 + rank) in the vector ranking, 0 when absent or vectors are off. */
  vectorRank: number;
  /** Cosine similarity of passage and question embeddings (0 when absent or vectors are off). */
  vectorSimilarity: number;
  /** Share of the fused score by which it leads the next candidate (0 when it does not lead). */
  margin: number;
  /** Share of the question's glossary concepts the passage holds (0 when the question names none). */
  concepts: number;
  /** 1 when the passage is in another language than the question. */
  foreign: number;
  /** Coverage again when the passage is in another language (words cross worse; 0 otherwise). */
  foreignCoverage: number;
  /** Content words of the question, as log(1 + n) / 3 (long questions cover less of themselves). */
  length: number;
  /** 1 when a who-question meets a passage of an implementation section (see assignment.ts). */
  assignment: number;
}

/** Names of the features, in the order the weights list them. */
export const FEATURES = [
  "coverage",
  "lexicalRank",
  "vectorRank",
  "vectorSimilarity",
  "margin",
  "concepts",
  "foreign",
  "foreignCoverage",
  "length",
  "assignment",
] as const satisfies readonly (keyof DecisionFeatures)[];

/** The name of one feature. */
export type FeatureName = keyof DecisionFeatures;

/** A fitted decision: bias, one weight per feature (order of `FEATURES`), and the threshold. */
export interface DecisionModel {
  bias: number;
  weights: Record<keyof DecisionFeatures, number>;
  /** Minimum probability for a passage to be quoted as the answer. */
  threshold: number;
  /** Below this coverage a passage is never quoted, whatever else speaks for it. */
  minCoverage: number;
}

/** The probability (0–1) that a passage answers the question, given its features. */
export function confidence(model: DecisionModel, f: DecisionFeatures): number {
  let z = model.bias;
  for (const name of FEATURES) z += model.weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}

/** True when the passage may be quoted as the answer. */
export function accepts(model: DecisionModel, f: DecisionFeatures): boolean {
  return f.coverage >= model.minCoverage && confidence(model, f) >= model.threshold;
}

/** Each feature's contribution to the log-odds, largest first (for logs and debugging). */
export function explain(model: DecisionModel, f: DecisionFeatures): [string, number][] {
  return FEATURES.map((n): [string, number] => [n, model.weights[n] * f[n]]).sort(
    (a, b) => Math.abs(b[1]) - Math.abs(a[1]),
  );
}

/**
 * Fits a logistic model by full-batch gradient descent with a small L2 penalty, from zero weights
 * (so the same rows always give the same weights). Rows are feature vectors with a 0/1 label; only
 * the features `names` are used (the others get weight 0).
 */
export function fitLogistic(
  rows: { f: DecisionFeatures; label: number }[],
  opts: { iterations?: number; rate?: number; l2?: number; names?: readonly FeatureName[] } = {},
): { bias: number; weights: Record<FeatureName, number> } {
  const { iterations = 4000, rate = 0.5, l2 = 0.01, names = FEATURES } = opts;
  const w = FEATURES.map(() => 0);
  const used = FEATURES.map((n) => names.includes(n));
  let b = 0;
  const n = Math.max(1, rows.length);
  for (let it = 0; it < iterations; it++) {
    const g = FEATURES.map(() => 0);
    let gb = 0;
    for (const { f, label } of rows) {
      let z = b;
      FEATURES.forEach((name, i) => {
        if (used[i]) z += (w[i] ?? 0) * f[name];
      });
      const err = 1 / (1 + Math.exp(-z)) - label;
      gb += err;
      FEATURES.forEach((name, i) => {
        g[i] = (g[i] ?? 0) + err * f[name];
      });
    }
    b -= (rate * gb) / n;
    FEATURES.forEach((_, i) => {
      if (used[i]) w[i] = (w[i] ?? 0) - rate * ((g[i] ?? 0) / n + l2 * (w[i] ?? 0));
    });
  }
  const weights = Object.fromEntries(FEATURES.map((name, i) => [name, w[i] ?? 0])) as Record<
    keyof DecisionFeatures,
    number
  >;
  return { bias: b, weights };
}
