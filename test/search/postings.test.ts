/** Appending to held postings: every term's list as if all entries had been added at once. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

const ALL_TERMS = [
  ...Array.from({ length: 200 }, (_, k) => `t${k}`),
  "n0",
  "n1",
  "n2",
  "m305",
  "m306",
  "m420",
];
const first = () => Array.from({ length: 300 }, (_, id) => entry(id));
const later = [305, 306, 420].map((id) => entry(id, [`n${id % 3}`, `m${id}`]));

/** Postings with the batches appended one after the other. */
function built(...batches: { id: number; fields: [Field, Field] }[][]): Postings {
  const p = Postings.empty();
  for (const batch of batches) p.append(batch);
  return p;
}

/** The postings as saved and read back from a file. */
function reread(p: Postings): Postings {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "postings-")), "lexical.bin");
  writeFileSync(file, Buffer.concat(p.toBuffers()));
  return Postings.fromFile(file);
}

describe("the tail of appended postings", () => {
  it("holds a few entries appended to many, read and saved as if merged into the lists", () => {
    const once = built([...first(), ...later]);
    const tailed = built(first(), later.slice(0, 1), later.slice(1));
    expect(tailed.tailBytes).toBeGreaterThan(0);
    expect(once.tailBytes).toBe(0);
    expect(lists(tailed, ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
    expect(ALL_TERMS.map((t) => tailed.frequency(t, 0))).toEqual(ALL_TERMS.map((t) => once.frequency(t, 0)));
    expect(Buffer.concat(tailed.toBuffers())).toEqual(Buffer.concat(once.toBuffers()));
    expect(lists(reread(tailed), ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
  });

  it("is merged into the lists once it passes an eighth of them", () => {
    const p = built(first().slice(0, 40), first().slice(40, 44));
    expect(p.tailBytes).toBeGreaterThan(0);
    p.append(first().slice(44, 60));
    expect(p.tailBytes).toBe(0);
    const once = built(first().slice(0, 60));
    expect(lists(p, ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
  });

  it("is copied by `without`: appending to the copy leaves the original as it was", () => {
    const original = built(first(), later.slice(0, 1));
    const before = lists(original, ALL_TERMS);
    const copy = original.without([]);
    copy.append(later.slice(1));
    expect(lists(original, ALL_TERMS)).toEqual(before);
    const once = built([...first(), ...later]);
    expect(lists(copy, ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
  });

  it("leaves removed entries out, marked or dropped, as a build without them", () => {
    for (const removed of [[305], [...Array.from({ length: 100 }, (_, id) => id), 306]]) {
      const p = built(first(), later);
      const gone = new Set(removed);
      const after = p.without([...first(), ...later].filter((e) => gone.has(e.id)));
      const fresh = built([...first(), ...later].filter((e) => !gone.has(e.id)));
      expect(lists(after, ALL_TERMS)).toEqual(lists(fresh, ALL_TERMS));
      expect(ALL_TERMS.map((t) => after.frequency(t, 1))).toEqual(
        ALL_TERMS.map((t) => fresh.frequency(t, 1)),
      );
      expect(lists(reread(after), ALL_TERMS)).toEqual(lists(fresh, ALL_TERMS));
    }
  });

  it("is continued by entries queued one by one, and merged with them by `flush`", () => {
    const p = built(first(), later.slice(0, 1));
    for (const e of later.slice(1, 2)) p.queue(e.id, e.fields);
    p.append(later.slice(2));
    expect(p.tailBytes).toBeGreaterThan(0);
    const once = built([...first(), ...later]);
    expect(lists(p, ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
    const flushed = built(first(), later.slice(0, 1));
    for (const e of later.slice(1)) flushed.queue(e.id, e.fields);
    flushed.flush();
    expect(flushed.tailBytes).toBe(0);
    expect(lists(flushed, ALL_TERMS)).toEqual(lists(once, ALL_TERMS));
  });

  it("is left as it was by an append refused for an id out of order", () => {
    const p = built(first(), later.slice(0, 1));
    const before = lists(p, ALL_TERMS);
    expect(() => p.append([...later.slice(1, 2), entry(5)])).toThrow(/entry 5 is not above 306/);
    expect(lists(p, ALL_TERMS)).toEqual(before);
    expect(p.count).toBe(301);
  });
});
