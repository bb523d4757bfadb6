import { beforeAll, describe, expect, it } from "vitest";
import { NO_CONCEPTS } from "../../src/search/concepts.js";
import { Coverage, type QuestionContent } from "../../src/search/coverage.js";
import type { Entry } from "../../src/search/entries.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { tokenize } from "../../src/search/tokenize.js";
import { entriesIn, SEED_CORPUS } from "../support/engine.js";

// How much of a question a passage holds, on the seed corpus without the glossary (so every word of
// the question is a word of its own, and the figures can be worked out by hand).

let entries: Entry[] = [];
let lexical: LexicalIndex;
let coverage: Coverage;

beforeAll(async () => {
  entries = await entriesIn(SEED_CORPUS);
  lexical = LexicalIndex.build(entries);
  coverage = new Coverage(lexical, NO_CONCEPTS);
});

const question = (lang: QuestionContent["lang"], own: string[]): QuestionContent => ({
  lang,
  own,
  anchors: [],
  units: [],
  pairs: [],
});
const idf = (t: string) => Math.log(1 + lexical.size / (1 + lexical.docFrequency(t)));

describe("coverage of a question by a passage", () => {
  it("weighs a word no passage of the corpus uses half, in the passage's own language too", () => {
    const entry = entries.find((e) => e.lang === "fr" && /\bdialogue\b/.test(e.passage.text));
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(lexical.docFrequency("zorglub")).toBe(0);
    const held = idf("dialogue");
    const unknown = 0.5 * Math.log(1 + lexical.size);
    expect(coverage.of(entry, question("fr", ["dialogue", "zorglub"]))).toBeCloseTo(
      held / (held + unknown),
      6,
    );
    // A word the corpus does use ("pandémie", folded), but not this passage, weighs all its rarity.
    expect(lexical.docFrequency("pandemie")).toBeGreaterThan(0);
    expect(entry.passage.text).not.toContain("pandémie");
    expect(coverage.of(entry, question("fr", ["dialogue", "pandemie"]))).toBeCloseTo(
      held / (held + idf("pandemie")),
      6,
    );
  });

  it("finds the serial of a passage's document number in its context ('le 1470', '1470号')", () => {
    const entry = entries.find((e) => e.doc.number === "1470-CV/TU" && /\bdialogue\b/.test(e.passage.text));
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(entry.passage.text).not.toContain("1470");
    expect(coverage.of(entry, question("fr", ["1470", "dialogue"]))).toBe(1);
  });

  it("counts a Japanese word and its character pairs as one word, found in part by its pairs", () => {
    const entry = entries.find(
      (e) => e.lang === "ja" && e.passage.text.includes("委員会") && !e.passage.text.includes("員長"),
    );
    expect(entry).toBeDefined();
    if (!entry) return;
    // "委員長" (chairman) is not in the passage; one of its two pairs is ("委員" of "委員会").
    const own = tokenize("委員長", "ja", { question: true }).words;
    expect(own).toEqual(["委員長", "委員", "員長"]);
    expect(coverage.of(entry, question("ja", own))).toBeCloseTo(1 / 2, 6);
  });
});
