import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { loadConcepts } from "../../src/engine.js";
import {
  accepts,
  confidence,
  type DecisionFeatures,
  type DecisionModel,
  explain,
  fitLogistic,
} from "../../src/search/decide.js";
import { DEFAULT_DECISION } from "../../src/search/decision-model.js";
import { DEFAULT_TUNING, Retriever } from "../../src/search/index.js";
import { engineFor, VI_CORPUS } from "../support/engine.js";

const NONE: DecisionFeatures = {
  coverage: 0,
  lexicalRank: 0,
  vectorRank: 0,
  vectorSimilarity: 0,
  margin: 0,
  concepts: 0,
  foreign: 0,
  foreignCoverage: 0,
  length: 0,
  assignment: 0,
};
const ZERO_WEIGHTS = { ...NONE };

describe("the answer-or-refuse model", () => {
  const model: DecisionModel = {
    bias: -2,
    weights: { ...ZERO_WEIGHTS, coverage: 3, margin: 2 },
    threshold: 0.5,
    minCoverage: 0.25,
  };

  it("is a logistic function of the weighted features, explained term by term", () => {
    const f = { ...NONE, coverage: 0.5, margin: 0.5 };
    // z = -2 + 1.5 + 1 = 0.5
    expect(confidence(model, f)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 10);
    expect(explain(model, f).slice(0, 2)).toEqual([
      ["coverage", 1.5],
      ["margin", 1],
    ]);
  });

  it("lets a clear lead over the next passage make up for less coverage, above a floor", () => {
    expect(accepts(model, { ...NONE, coverage: 0.5 })).toBe(false);
    expect(accepts(model, { ...NONE, coverage: 0.5, margin: 0.6 })).toBe(true);
    // Below the coverage floor nothing is quoted, however clear the lead.
    expect(accepts(model, { ...NONE, coverage: 0.2, margin: 1 })).toBe(false);
  });

  it("fits weights that separate the labels, only on the features named, the same way every time", () => {
    const rows = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9].flatMap((coverage) => [
      { f: { ...NONE, coverage, length: 0.5 }, label: coverage > 0.5 ? 1 : 0 },
      { f: { ...NONE, coverage, length: 0.2 }, label: coverage > 0.5 ? 1 : 0 },
    ]);
    const fit = fitLogistic(rows, { names: ["coverage"] });
    expect(fit.weights.coverage).toBeGreaterThan(3);
    expect(fit.weights.length).toBe(0);
    const m = { ...fit, threshold: 0.5, minCoverage: 0 };
    expect(accepts(m, { ...NONE, coverage: 0.9 })).toBe(true);
    expect(accepts(m, { ...NONE, coverage: 0.1 })).toBe(false);
    expect(fitLogistic(rows, { names: ["coverage"] })).toEqual(fit);
  });
});

describe("the retriever's decision", () => {
  const question = "Khi để hồ sơ của dân bị trễ hẹn thì cơ quan phải làm gì theo kế hoạch của tỉnh Nghệ An?";

  it("accepts a passage exactly when the shipped model does, and records the evidence", async () => {
    const { retriever } = await engineFor(VI_CORPUS);
    expect(DEFAULT_TUNING.decision).toBe(DEFAULT_DECISION);
    const r = await retriever.search({ text: question, lang: "vi" });
    expect(r.hits.length).toBeGreaterThan(1);
    for (const h of r.hits) {
      const f = h.features;
      if (!f || !DEFAULT_DECISION) throw new Error("features and the shipped model are expected");
      expect(h.accepted).toBe(accepts(DEFAULT_DECISION, f));
      expect(h.confidence).toBeCloseTo(confidence(DEFAULT_DECISION, f), 10);
      expect(f.coverage).toBe(h.coverage);
      expect(f.foreign).toBe(h.entry.lang === "vi" ? 0 : 1);
    }
    expect(r.confident).toBe(r.hits[0]?.accepted);
  });

  it("answers with the shipped model, refuses with one that accepts nothing, and can decide by coverage alone", async () => {
    const { index } = await engineFor(VI_CORPUS);
    const concepts = await loadConcepts();
    const ask = (decision: DecisionModel | null) =>
      new Answerer(index, new Retriever(index, concepts, { ...DEFAULT_TUNING, decision })).ask(question);
    const shipped = await ask(DEFAULT_DECISION);
    expect(shipped.found).toBe(true);
    expect(shipped.citations[0]?.docNumber).toBe("112/KH-UBND");
    const never = await ask({ bias: 0, weights: ZERO_WEIGHTS, threshold: 1.01, minCoverage: 0 });
    expect(never.found).toBe(false);

    const byCoverage = new Retriever(index, concepts, { ...DEFAULT_TUNING, decision: null });
    const r = await byCoverage.search({ text: question, lang: "vi" });
    for (const h of r.hits) expect(h.accepted).toBe(h.coverage >= DEFAULT_TUNING.minCoverage);
  });
});
