import { beforeAll, describe, expect, it } from "vitest";
import { type Outcome, runEval, share } from "./runner.js";

/**
 * The evaluation set through the real engine, with the thresholds the project holds itself to.
 * Thresholds are floors under the measured figures (see `npm run eval`), so a regression fails.
 */
describe("evaluation set", () => {
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await runEval();
  }, 300_000);

  it("quotes only text that is in the cited file", () => {
    expect(outcomes.length).toBeGreaterThan(150);
    const bad = outcomes.filter((o) => !o.verbatim).map((o) => o.item.id);
    expect(bad).toEqual([]);
  });

  it("answers task questions from the right task", () => {
    const tasks = outcomes.filter((o) => o.item.category === "task");
    expect(share(tasks, (o) => o.right)).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses what the corpus does not hold", () => {
    const refusals = outcomes.filter((o) => o.item.category === "unanswerable");
    expect(share(refusals, (o) => o.right)).toBeGreaterThanOrEqual(REFUSAL_FLOOR);
  });

  it("answers factual questions in the documents' own language", () => {
    const factual = outcomes.filter((o) => o.item.expect && o.item.category !== "task" && !o.item.crossLang);
    expect(share(factual, (o) => o.right)).toBeGreaterThanOrEqual(FACTUAL_FLOOR);
  });
});

// Measured on this set; raise it as retrieval improves (issue 3).
const FACTUAL_FLOOR = 0.75;
const REFUSAL_FLOOR = 0.8;
