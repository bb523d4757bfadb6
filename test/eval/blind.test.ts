/**
 * Checks the blind evaluation data (test/eval/blind.yaml), never the bot: the same per-item rules as
 * questions.yaml, its own mix, and that it stays blind: split `blind` only, no id shared with the
 * tuning set, and the document written for it (96-KH/TU) asked about nowhere else.
 */
import { describe, expect, it } from "vitest";
import { blindMixCheck, itemChecks, loadSet } from "./eval-data.js";

const { items, error } = loadSet("blind.yaml");
const tuning = loadSet("questions.yaml").items;
const BLIND_ONLY_FILE = "ke-hoach-96-KH-TU-quang-binh.txt";

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

  blindMixCheck(items, { size: [60, 1000], unanswerablePerLang: 1 });
});
