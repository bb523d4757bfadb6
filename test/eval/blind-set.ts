/**
 * The checks of a blind set written by an outsider with a document of its own (blind2.yaml,
 * blind3.yaml), never the bot: its split only, the per-item rules, nothing shared with the sets
 * before it, its document asked about only there (often, in every language, mostly without its
 * number), and the mix every blind set keeps.
 */
import { describe, expect, it } from "vitest";
import { blindMixCheck, itemChecks, lang, loadSet } from "./eval-data.js";
import { fileOf, SPLITS, type Split } from "./splits.js";

export function blindSetChecks(opts: {
  split: Split;
  /** The document written for it, and its number. */
  document: { file: string; number: string };
}): void {
  const file = fileOf(opts.split);
  const { items, error } = loadSet(file);
  // The sets written before it: the files of the splits listed before its own.
  const before = new Set(SPLITS.slice(0, SPLITS.indexOf(opts.split)).map(fileOf));
  const others = [...before].flatMap((f) => loadSet(f).items);
  const { file: docFile, number } = opts.document;

  describe(`${file}: data`, () => {
    it(`matches the schema, every item in the ${opts.split} split`, () => {
      expect(error?.issues.map((i) => `${i.path.join(".")} ${i.message}`) ?? []).toEqual([]);
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((i) => i.split !== opts.split).map((i) => i.id)).toEqual([]);
    });

    itemChecks(items);

    it("shares no id or question with the other sets, and its document is asked about only here", () => {
      expect(others.length).toBeGreaterThan(0);
      const ids = new Set(others.map((i) => i.id));
      const questions = new Set(others.map((i) => i.q));
      expect(items.filter((i) => ids.has(i.id) || questions.has(i.q)).map((i) => i.id)).toEqual([]);
      const elsewhere = others.filter((i) => i.expect?.file === docFile || i.q.includes(number));
      expect(elsewhere.map((i) => i.id)).toEqual([]);
    });

    it("asks about its new document often, in every language, mostly without naming its number", () => {
      const about = items.filter((i) => i.expect?.file === docFile);
      expect(about.length).toBeGreaterThanOrEqual(12);
      expect(new Set(about.map((i) => i.lang)).size).toBe(lang.options.length);
      const named = about.filter((i) => i.q.includes(number)).length;
      expect(named / about.length).toBeLessThanOrEqual(0.5);
    });

    blindMixCheck(items, { size: [64, 72], unanswerablePerLang: 2 });
  });
}
