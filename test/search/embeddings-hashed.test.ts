import { describe, expect, it } from "vitest";
import { loadConcepts } from "../../src/engine.js";
import { HashedFeatureEmbeddings } from "../../src/search/index.js";

// The offline embedding with the shipped glossary: concepts hash into their own dimensions, so a
// question's concepts never match an unrelated anchor or word of a passage by chance.

// (Once "Bến Tre, ngày 17 tháng 1 năm 2026"; the glossary now knows Bến Tre as a place concept.)
const DATE_LINE = "ngày 17 tháng 1 năm 2026";
const QUESTION = "What does task 5 of 706-HD/TU require?";

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
const concepts = await loadConcepts();
const model = new HashedFeatureEmbeddings(concepts);

describe("HashedFeatureEmbeddings", () => {
  it("puts concepts, and only concepts, in the first dimensions", () => {
    const question = model.vector(QUESTION);
    const head = model.conceptDimensions;
    expect([...model.features(QUESTION).keys()].filter((k) => k.startsWith("c:")).length).toBeGreaterThan(0);
    expect(question.slice(0, head).some((x) => x !== 0)).toBe(true);
    // A passage without concepts is all zeros there.
    expect([...model.features(DATE_LINE).keys()].some((k) => k.startsWith("c:"))).toBe(false);
    expect(model.vector(DATE_LINE).slice(0, head)).toEqual(new Array(head).fill(0));
  });

  it("gives no similarity to a passage that shares no feature with the question", () => {
    const shared = [...model.features(QUESTION).keys()].filter((k) => model.features(DATE_LINE).has(k));
    expect(shared).toEqual([]);
    // v1 hashed `c:task` and this date into one dimension: cosine 0.29, more than most real matches.
    expect(Math.abs(cosine(model.vector(QUESTION), model.vector(DATE_LINE)))).toBeLessThan(1e-9);
  });

  it("keeps a concept shared across languages", () => {
    const vi = model.vector("Giải quyết khiếu nại của công dân");
    const fr = model.vector("Traiter les plaintes des citoyens");
    expect(cosine(vi, fr)).toBeGreaterThan(0.2);
    expect(model.name).toMatch(
      new RegExp(`^local-hashed-features-v2/${model.dimensions}/glossary-[0-9a-f]{10}$`),
    );
  });
});
