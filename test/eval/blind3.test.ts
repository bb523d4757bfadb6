/**
 * Checks the third blind evaluation data (test/eval/blind3.yaml), never the bot: the same per-item rules
 * as the other sets, its own mix, and that it stays blind: split `blind3` only, nothing shared with
 * questions.yaml, blind.yaml or blind2.yaml, and the document written for it (09-CT/TU, Tuyên Quang)
 * asked about nowhere else.
 */
import { describe, expect, it } from "vitest";
import { blindMixCheck, itemChecks, lang, loadSet } from "./eval-data.js";

const { items, error } = loadSet("blind3.yaml");
const others = [
  ...loadSet("questions.yaml").items,
  ...loadSet("blind.yaml").items,
  ...loadSet("blind2.yaml").items,
];
const NEW_FILE = "chi-thi-09-CT-TU-tuyen-quang.txt";
const NEW_NUMBER = "09-CT/TU";

describe("third blind evaluation questions: data", () => {
  it("matches the schema, every item in the blind3 split", () => {
    expect(error?.issues.map((i) => `${i.path.join(".")} ${i.message}`) ?? []).toEqual([]);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.split !== "blind3").map((i) => i.id)).toEqual([]);
  });

  itemChecks(items);

  it("shares no id or question with the other sets, and its document is asked about only here", () => {
    expect(others.length).toBeGreaterThan(0);
    const ids = new Set(others.map((i) => i.id));
    const questions = new Set(others.map((i) => i.q));
    expect(items.filter((i) => ids.has(i.id) || questions.has(i.q)).map((i) => i.id)).toEqual([]);
    const elsewhere = others.filter((i) => i.expect?.file === NEW_FILE || i.q.includes(NEW_NUMBER));
    expect(elsewhere.map((i) => i.id)).toEqual([]);
  });

  it("asks about its new document often, in every language, mostly without naming its number", () => {
    const about = items.filter((i) => i.expect?.file === NEW_FILE);
    expect(about.length).toBeGreaterThanOrEqual(12);
    expect(new Set(about.map((i) => i.lang)).size).toBe(lang.options.length);
    const named = about.filter((i) => i.q.includes(NEW_NUMBER)).length;
    expect(named / about.length).toBeLessThanOrEqual(0.5);
  });

  blindMixCheck(items, { size: [64, 72], unanswerablePerLang: 2 });
});
