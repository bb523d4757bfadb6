/** Appending to held postings: every term's list as if all entries had been added at once. */
import { describe, expect, it } from "vitest";
import { type Field, Postings } from "../../src/search/postings.js";

/** A pseudo-random entry: terms t0..t199 with counts, in both fields, plus `extra` terms. */
function entry(id: number, extra: string[] = []): { id: number; fields: [Field, Field] } {
  const field = (salt: number): Field => {
    const f: Field = new Map(extra.map((t) => [t, 1]));
    for (let k = 0; k < 4; k++) f.set(`t${(id * 7 + k * 13 + salt) % 200}`, 1 + ((id + k) % 3));
    return f;
  };
  return { id, fields: [field(0), field(5)] };
}

const lists = (p: Postings, terms: string[]) =>
  terms.map((t) =>
    [0, 1].map((f) => {
      const out: [number, number][] = [];
      p.visit(t, f as 0 | 1, (id, tf) => out.push([id, tf]));
      return out;
    }),
  );

describe("Postings.append", () => {
  it("keeps each term's ids ascending across appends, old terms and new ones alike", () => {
    const first = Array.from({ length: 300 }, (_, id) => entry(id));
    // Later entries add terms never held before (numbered after the held ones) and skip some ids.
    const later = [305, 306, 420, 421, 900].map((id) => entry(id, [`n${id % 3}`, `m${id}`]));
    const once = Postings.empty();
    once.append([...first, ...later]);
    const twice = Postings.empty();
    twice.append(first);
    twice.append(later.slice(0, 2));
    twice.append(later.slice(2));
    const added = ["n0", "n1", "n2", ...later.map((e) => `m${e.id}`)];
    const terms = [...Array.from({ length: 200 }, (_, k) => `t${k}`), ...added];
    expect(lists(twice, terms)).toEqual(lists(once, terms));
    // The terms only later entries hold list exactly those entries.
    const n0: [number, number][] = [306, 420, 900].map((id) => [id, 1]);
    expect(lists(twice, ["n0", "m900"])).toEqual([
      [n0, n0],
      [[[900, 1]], [[900, 1]]],
    ]);
  });
});
