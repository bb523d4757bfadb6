import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import MiniSearch from "minisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, type Entry } from "../../src/search/entries.js";
import { LexicalIndex, stemsOf } from "../../src/search/lexical.js";
import { indexTokens, tokenize } from "../../src/search/tokenize.js";
import { entriesIn, VI_CORPUS } from "../support/engine.js";

// The packed lexical index against MiniSearch, which it replaced: the same BM25+ ranking, found
// with and without Vietnamese diacritics, the same after saving, and after an incremental update.

let entries: Entry[] = [];
let index: LexicalIndex;
let reference: MiniSearch<{ id: number; text: string; context: string }>;
let tmp: string;

afterAll(() => rm(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "cadre-lexical-"));
  entries = await entriesIn(VI_CORPUS);
  index = LexicalIndex.build(entries);
  // MiniSearch configured as the lexical index was before (same tokens, same field boosts).
  reference = new MiniSearch({
    idField: "id",
    fields: ["text", "context"],
    tokenize: (text: string) => {
      const nl = text.indexOf("\n");
      return indexTokens(text.slice(nl + 1), text.slice(0, nl) as "vi");
    },
    processTerm: (term: string) => term,
    searchOptions: { boost: { text: 1, context: 0.3 } },
  });
  reference.addAll(
    entries.map((e) => ({
      id: e.id,
      text: `${e.lang}\n${e.passage.text}`,
      context: `${e.lang}\n${contextOf(e)}`,
    })),
  );
});

const termsOf = (q: string) => {
  const t = tokenize(q, "vi", { question: true });
  return [...t.anchors, ...t.words];
};

const QUESTIONS = [
  "tiếp công dân định kỳ",
  "tiep cong dan dinh ky",
  "giải quyết khiếu nại, tố cáo",
  "báo cáo kết quả trước ngày 15/12/2025",
  "Mặt trận Tổ quốc giám sát",
  "Chỉ thị 05-CT/TU",
];

describe("the lexical index", () => {
  it("ranks as MiniSearch did: same ids, order and scores, with term boosts and filters", () => {
    const boost = (t: string) => (t.startsWith("#") ? 2 : t.includes("_") ? 0.4 : 1);
    const filter = (id: number) => id % 2 === 0;
    let compared = 0;
    for (const q of QUESTIONS) {
      const terms = termsOf(q);
      for (const opts of [{}, { boost }, { filter, limit: 10 }]) {
        const ours = index.search(terms, opts);
        const theirs = reference
          .search(
            { combineWith: "OR", queries: [...new Set(terms)] },
            {
              tokenize: (t: string) => [t],
              processTerm: (t: string) => t,
              boostTerm: "boost" in opts ? opts.boost : undefined,
              filter: "filter" in opts ? (r) => filter(r.id as number) : undefined,
            },
          )
          .slice(0, "limit" in opts ? opts.limit : 50);
        expect(ours.map((h) => h.id)).toEqual(theirs.map((r) => r.id));
        ours.forEach((h, i) => {
          expect(h.score).toBeCloseTo(theirs[i]?.score ?? 0, 6);
          expect(new Set(h.terms)).toEqual(new Set(theirs[i]?.terms));
        });
        compared += ours.length;
      }
      for (const t of terms) {
        const ids = reference.search(t, { tokenize: (x: string) => [x], processTerm: (x: string) => x });
        expect(index.docFrequency(t)).toBe(ids.length);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("finds Vietnamese with and without diacritics", () => {
    for (const q of ["tiếp công dân", "tiep cong dan", "khiếu nại", "khieu nai"]) {
      const top = index.search(termsOf(q))[0];
      const text = entries[top?.id ?? -1]?.passage.text.toLowerCase() ?? "";
      expect(text).toMatch(/tiếp công dân|khiếu nại/);
    }
    // Written with marks, exact forms match too, so lower ranks may differ; the best passage does not.
    const withMarks = index.search(termsOf("đối thoại với Nhân dân")).map((h) => h.id);
    const without = index.search(termsOf("doi thoai voi Nhan dan")).map((h) => h.id);
    expect(without[0]).toBe(withMarks[0]);
    expect(entries[without[0] ?? -1]?.passage.text.toLowerCase()).toContain("đối thoại");
  });

  it("gives the words sharing a word's stem, held ones only, most common first", () => {
    const seeds = LexicalIndex.build(
      [
        "taux d'urbanisation",
        "les infrastructures urbaines",
        "bureaucratique",
        "bureaucratique et lointain",
      ].map((text, id) => ({
        ...(entries[0] as Entry),
        id,
        lang: "fr",
        passage: { ...(entries[0] as Entry).passage, text },
      })),
    );
    expect(stemsOf("urbanization")).toEqual(["urbanizat", "urbanisat"]);
    expect(stemsOf("plan")).toEqual([]);
    expect(seeds.stemVariants("urbanized")).toEqual(["urbanisation"]);
    expect(seeds.stemVariants("bureaucratic")).toEqual(["bureaucratique"]);
    expect(seeds.stemVariants("bureaucratique")).toEqual([]);
    expect(seeds.stemVariants("urban")).toEqual([]);
  });

  it("answers the same after saving and loading", async () => {
    const file = path.join(tmp, "saved.bin");
    await index.save(file);
    const loaded = LexicalIndex.read(file);
    expect(loaded.size).toBe(index.size);
    for (const q of QUESTIONS) expect(loaded.search(termsOf(q))).toEqual(index.search(termsOf(q)));
  });

  it("after an update, scores as a fresh build of the same passages", () => {
    const file = entries[0]?.version.file;
    const moved = entries.filter((e) => e.version.file === file);
    const next = entries.length + 5;
    const readded = moved.map((e, i) => ({ ...e, id: next + i }));
    const updated = index.update(moved, readded);
    const fresh = LexicalIndex.build(entries);
    expect(updated.size).toBe(fresh.size);
    // The same passages score the same; the moved ones under their new ids.
    const passage = (id: number) => (id >= next ? readded[id - next] : entries[id])?.passage.id;
    for (const q of QUESTIONS) {
      const a = updated.search(termsOf(q)).map((h) => [passage(h.id), h.score.toFixed(9)]);
      const b = fresh.search(termsOf(q)).map((h) => [entries[h.id]?.passage.id, h.score.toFixed(9)]);
      expect(new Set(a.map(String))).toEqual(new Set(b.map(String)));
    }
    // The original index is unchanged.
    expect(index.search(termsOf(QUESTIONS[0] ?? ""))).toEqual(fresh.search(termsOf(QUESTIONS[0] ?? "")));
  });

  it("drops marked postings for good once removed entries pass a quarter, ranking as a fresh build", async () => {
    const half = entries.filter((e) => e.id % 2 === 1);
    const kept = entries.filter((e) => e.id % 2 === 0);
    const updated = index.update(half, []);
    const fresh = LexicalIndex.build(kept);
    expect(updated.size).toBe(kept.length);
    const bytes = async (x: LexicalIndex, name: string) => {
      await x.save(path.join(tmp, name));
      return (await stat(path.join(tmp, name))).size;
    };
    expect(await bytes(updated, "updated.bin")).toBeLessThan(await bytes(index, "index.bin"));
    for (const q of QUESTIONS) {
      const a = updated.search(termsOf(q)).map((h) => [h.id, h.score.toFixed(9)]);
      const b = fresh.search(termsOf(q)).map((h) => [h.id, h.score.toFixed(9)]);
      expect(a).toEqual(b);
      for (const t of termsOf(q)) expect(updated.docFrequency(t)).toBe(fresh.docFrequency(t));
    }
  });
});
