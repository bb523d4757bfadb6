/**
 * Checks the blind evaluation data (test/eval/blind.yaml), never the bot: the same per-item rules as
 * questions.yaml, its own mix, and that it stays blind: split `blind` only, no id shared with the
 * tuning set, and the document written for it (96-KH/TU) asked about nowhere else.
 */
import { describe, expect, it } from "vitest";
import { category, type Item, itemChecks, lang, loadSet } from "./eval-data.js";

const { items, error } = loadSet("blind.yaml");
const tuning = loadSet("questions.yaml").items;
const BLIND_ONLY_FILE = "ke-hoach-96-KH-TU-quang-binh.txt";
const share = (pred: (i: Item) => boolean) => items.filter(pred).length / items.length;

describe("blind evaluation questions: data", () => {
  it("matches the schema, every item in the blind split", () => {
    expect(error?.issues.map((i) => `${i.path.join(".")} ${i.message}`) ?? []).toEqual([]);
    expect(items.filter((i) => i.split !== "blind").map((i) => i.id)).toEqual([]);
  });

  itemChecks(items);

  it("shares nothing with the tuning set: ids, questions, the blind-only document", () => {
    const ids = new Set(tuning.map((i) => i.id));
    const questions = new Set(tuning.map((i) => i.q));
    expect(items.filter((i) => ids.has(i.id) || questions.has(i.q)).map((i) => i.id)).toEqual([]);
    const tuned = tuning.filter((i) => i.expect?.file === BLIND_ONLY_FILE || i.q.includes("96-KH/TU"));
    expect(tuned.map((i) => i.id)).toEqual([]);
    expect(items.filter((i) => i.expect?.file === BLIND_ONLY_FILE).length).toBeGreaterThanOrEqual(12);
  });

  it("meets its mix: size, every language and category, about 15% unanswerable, both corpora", () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    const refusals = share((i) => i.category === "unanswerable");
    expect(refusals).toBeGreaterThanOrEqual(0.12);
    expect(refusals).toBeLessThanOrEqual(0.2);
    for (const l of lang.options) {
      expect(
        share((i) => i.lang === l),
        l,
      ).toBeGreaterThanOrEqual(0.15);
      expect(items.some((i) => i.lang === l && i.category === "unanswerable")).toBe(true);
    }
    for (const c of category.options)
      expect(items.filter((i) => i.category === c).length, c).toBeGreaterThanOrEqual(5);
    for (const corpus of ["seeds", "vi"] as const)
      expect(share((i) => i.corpus === corpus)).toBeGreaterThanOrEqual(0.3);
    expect(items.filter((i) => i.expect && i.crossLang).length).toBeGreaterThanOrEqual(25);
  });
});
