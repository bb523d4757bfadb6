import type { DecisionModel } from "./decide.js";

/**
 * The shipped answer-or-refuse model (see decide.ts), printed on 2026-11-23 by
 * `node --import tsx bench/refusal.ts --fit dev,holdout,blind,blind2,blind3,blind4,blind5,blind6
 * --features coverage,margin,foreignCoverage,assignment` from all eight evaluation sets pooled (617
 * items; 443 reach the search, which offered 2,215 passages, 1,820 of them quotable), each pooled
 * only after it had been measured as an unseen set (test/eval/README.md), with the glossary of 740
 * concepts. Left one question out, the threshold is 0.2 again (objective 78.9%: answerable 79.8% /
 * refused 77.9% of the searched questions). Through the real answerer on the 617 items: answerable
 * 84.2%, cross-language 81.0%, refused 82.5%; the previous model (below) on the same items and
 * glossary answered 6 fewer (432 of 520) and refused 1 more (81 of 97). Its weights are close to
 * the previous ones and a little more lenient. In words: a passage in the question's language is
 * quoted when coverage + 0.60 × margin ≥ 0.58, one in another language when coverage + 0.40 ×
 * margin ≥ 0.39; a who-question answered from "TỔ CHỨC THỰC HIỆN" needs 0.11–0.16 less coverage.
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
 *
 * Refitted on the same eight sets after coverage changed (unknown words weigh half in every language,
 * a Japanese word counts once with its character pairs; 2026-11-23): bias −2.868, coverage 2.467,
 * margin 1.404, foreignCoverage 1.155, assignment 0.374, threshold 0.2 again. Through `npm run eval`
 * with the glossary of 787 concepts it answered 3 questions fewer and refused 1 more than this model
 * on those sets, so this one stayed.
 */
export const DEFAULT_DECISION: DecisionModel | null = {
  bias: -2.764,
  weights: {
    coverage: 2.369,
    lexicalRank: 0,
    vectorRank: 0,
    vectorSimilarity: 0,
    margin: 1.417,
    concepts: 0,
    foreign: 0,
    foreignCoverage: 1.153,
    length: 0,
    assignment: 0.379,
  },
  threshold: 0.2,
  minCoverage: 0.25,
};
