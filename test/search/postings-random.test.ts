/**
 * Random rounds of re-indexing on postings: each round removes some live entries (one of them
 * sometimes twice), appends one or two batches with some new terms, and sometimes saves and reads the
 * result back. After every round the postings answer as a fresh build of the live entries, and every
 * earlier version answers as it did before its copy was made.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Field, Postings } from "../../src/search/postings.js";

type Entry = { id: number; fields: [Field, Field] };

/** A small deterministic generator (a linear congruential one), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const dir = mkdtempSync(path.join(tmpdir(), "postings-random-"));
let saved = 0;

function reread(p: Postings): Postings {
  const file = path.join(dir, `${saved++}.bin`);
  writeFileSync(file, Buffer.concat(p.toBuffers()));
  return Postings.fromFile(file);
}

/** Everything a search reads from postings, over `terms` and the ids below `ids`. */
function answers(p: Postings, terms: string[], ids: number) {
  return {
    lists: terms.map((t) =>
      ([0, 1] as const).map((f) => {
        const out: number[] = [];
        p.visit(t, f, (id, tf) => out.push(id, tf));
        return out;
      }),
    ),
    frequencies: terms.map((t) => [p.frequency(t, 0), p.frequency(t, 1), p.docFrequency(t)]),
    lengths: Array.from({ length: ids }, (_, id) => [p.length(id, 0), p.length(id, 1)]),
    averages: [p.avgLength(0), p.avgLength(1)],
    count: p.count,
  };
}

describe("postings over random rounds of removals and appends", () => {
  let withTail = 0;
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: answer as a fresh build, and leave earlier versions as they were`, () => {
      const r = random(seed);
      const vocabulary = 20 + Math.floor(r() * 300);
      let newTerms = 0;
      const terms = new Set<string>();
      let lastId = 0;
      const live = new Map<number, Entry>();
      const batch = (n: number): Entry[] =>
        Array.from({ length: n }, () => {
          lastId += 1 + Math.floor(r() * 3);
          const field = (): Field => {
            const f: Field = new Map();
            for (let k = Math.floor(r() * 6); k > 0; k--) {
              const term = r() < 0.1 ? `new${newTerms++}` : `t${Math.floor(r() * vocabulary)}`;
              f.set(term, 1 + Math.floor(r() * 300));
              terms.add(term);
            }
            return f;
          };
          const e: Entry = { id: lastId, fields: [field(), field()] };
          live.set(e.id, e);
          return e;
        });

      let p = Postings.empty();
      p.append(batch(Math.floor(r() * 400)));
      const earlier: { p: Postings; terms: string[]; ids: number; before: ReturnType<typeof answers> }[] = [];
      for (let round = 0; round < 12; round++) {
        const known = [...terms];
        earlier.push({ p, terms: known, ids: lastId + 1, before: answers(p, known, lastId + 1) });
        const ids = [...live.keys()];
        const removed: Entry[] = [];
        for (let k = Math.floor(r() * r() * ids.length * 0.5); k > 0; k--) {
          const e = live.get(ids[Math.floor(r() * ids.length)] ?? -1);
          if (!e) continue;
          removed.push(e);
          live.delete(e.id);
        }
        if (removed[0] && r() < 0.3) removed.push(removed[0]);
        const next = p.without(removed.sort((a, b) => a.id - b.id));
        next.append(batch(Math.floor(r() * r() * 60)));
        if (r() < 0.3) next.append(batch(Math.floor(r() * 5)));
        if (next.tailBytes > 0) withTail++;
        p = r() < 0.3 ? reread(next) : next;

        const fresh = Postings.empty();
        fresh.append([...live.values()].sort((a, b) => a.id - b.id));
        const all = [...terms];
        const expected = answers(fresh, all, lastId + 1);
        expect(answers(p, all, lastId + 1)).toEqual(expected);
        expect(answers(reread(p), all, lastId + 1)).toEqual(expected);
        for (const e of earlier) expect(answers(e.p, e.terms, e.ids)).toEqual(e.before);
      }
    });
  }

  it("reached postings with a tail in many rounds", () => {
    expect(withTail).toBeGreaterThan(40);
  });
});
