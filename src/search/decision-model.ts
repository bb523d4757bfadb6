import type { DecisionModel } from "./decide.js";

/**
 * The shipped answer-or-refuse model (see decide.ts), printed on 2026-11-23 by
 * `node --import tsx bench/refusal.ts --fit dev,holdout,blind,blind2,blind3,blind4,blind5,blind6,blind7
 * --features coverage,margin,foreignCoverage,assignment` from all nine evaluation sets pooled (686
 * items; 498 reach the search, which offered 2,490 passages, 2,068 of them quotable), each pooled
 * only after it had been measured as an unseen set (test/eval/README.md), with the glossary of 787
 * concepts and coverage that weighs a word no passage uses half in every language. Left one question
 * out, the threshold is 0.2 again (objective 77.3%: answerable 77.6% / refused 77.0% of the searched
 * questions). Through the real answerer on the 686 items: answerable 82.7%, cross-language 78.2%,
 * refused 81.5% (objective 82.1%); the previous model (below) on the same items and code answered 84.4%
 * and refused 78.7% (objective 81.6%): 9 answers fewer, 3 refusals more. It is a little stricter: blind7,
 * measured unseen, had lost three of its eleven refusals to the session's coverage changes, and a
 * refused question still shows the closest passage, while a wrong answer misleads. In words: a
 * passage in the question's language is quoted when coverage + 0.59 × margin ≥ 0.61, one in another
 * language when coverage + 0.40 × margin ≥ 0.42; a who-question answered from "TỔ CHỨC THỰC HIỆN"
 * needs 0.11–0.15 less coverage.
 *
 * The previous model, bias −2.764, coverage 2.369, margin 1.417, foreignCoverage 1.153, assignment
 * 0.379, threshold 0.2, was printed by `--fit dev,…,blind6` (617 items, glossary of 740 concepts).
 * Refitted on those eight sets after the coverage changes it gave bias −2.868, coverage 2.467, margin
 * 1.404, foreignCoverage 1.155, assignment 0.374: 3 answers fewer and 1 refusal more than it on those
 * sets, so it was not taken then.
 *
 * The previous model, printed by `--fit dev,holdout,blind,blind2,blind3` on every set then
 * written: questions.yaml (dev + holdout), blind.yaml, blind2.yaml and blind3.yaml pooled, 415
 * items; 285 of them reach the search, which offered 1,425 passages, 1,161 of them quotable. blind3
 * was pooled only after it had been measured as an unseen set (test/eval/README.md). blind4.yaml,
 * written later by an outsider, measured it unseen once: answerable 54.4%, refused 81.8%.
 *
 * Features: coverage, the passage's margin over the next candidate, coverage again for a passage in
 * another language, and `assignment` (a who-question meeting an implementation section). Chosen
 * left-one-question-out over the same rows: threshold 0.2 (objective 82.3%: answerable 83.1% /
 * refused 81.6% of the searched questions; 81.8% at 0.25). Without `assignment` the objective is the
 * same at 0.2 and lower at 0.25. Adding the glossary concepts held, the vector similarity, the
 * lexical/vector ranks, the question's length, the answer type, coverage within the document or by
 * the whole document did no better. The coverage floor 0.25 is kept.
 *
 * Fitted on the tuned sets alone (dev, holdout, blind, blind2) the threshold was 0.25, and on blind3,
 * then unseen, 19 of 20 failures were refusals (8 with the right passage first): unseen wording
 * covers less of a question than wording the glossary was widened for. Pooling blind3 moves the
 * threshold to 0.2.
 *
 * In words (that model): a passage in the question's language is quoted when coverage + 0.60 ×
 * margin ≥ 0.61 (a clear lead over the next candidate lets it hold less of the question's
 * wording); one in another language when coverage + 0.41 × margin ≥ 0.41 (words cross languages
 * worse); a who-question answered from "TỔ CHỨC THỰC HIỆN" needs 0.09–0.14 less coverage.
 *
 * Through the real answerer on those 415 items: answerable 87.5%, cross-language 85.9%, refused
 * 85.9% (at 0.25: 82.3% / 82.0% / 90.6%). Fitted with the offline embedding v2 (vectors.ts) and the
 * glossary of 716 concepts.
 *
 * Refitted after blind4's measurement with blind4 pooled (`--fit dev,holdout,blind,blind2,blind3,blind4`,
 * 483 items, glossary of 723 concepts, matching version 3): bias −2.826, coverage 2.425, margin 1.465,
 * foreignCoverage 1.159, assignment 0.423, threshold 0.2 again. Through the real answerer on those
 * 483 items it answered one question fewer and refused one fewer than this model (352 of 408 against
 * 353, 62 of 75 against 63), so it stayed; it was bias −2.887, coverage 2.471, margin 1.483,
 * foreignCoverage 1.179, assignment 0.338.

 */
export const DEFAULT_DECISION: DecisionModel | null = {
  bias: -2.842,
  weights: {
    coverage: 2.376,
    lexicalRank: 0,
    vectorRank: 0,
    vectorSimilarity: 0,
    margin: 1.401,
    concepts: 0,
    foreign: 0,
    foreignCoverage: 1.099,
    length: 0,
    assignment: 0.365,
  },
  threshold: 0.2,
  minCoverage: 0.25,
};
