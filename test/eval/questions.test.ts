/**
 * Checks the evaluation data only (test/eval/questions.yaml and the corpora it points at), never the bot:
 * schema, verbatim quotes, quotes placed inside the task/article they claim, cross-language flags that
 * match the files' languages, and the category / language / split mix. The runner that asks the bot
 * lives elsewhere; it can trust what this file has checked. The per-item rules are in eval-data.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import {
  article,
  type CorpusName,
  category,
  expectCommonMix,
  filesOf,
  type Item,
  itemChecks,
  lang,
  loadSet,
  taskItems,
} from "./eval-data.js";
import { CORPORA } from "./splits.js";

const { items, error } = loadSet("questions.yaml");
const share = (pred: (i: Item) => boolean, pool: Item[] = items) => pool.filter(pred).length / pool.length;

describe("evaluation questions: data", () => {
  it("matches the schema, with dev and holdout splits only", () => {
    expect(error?.issues.map((i) => `${i.path.join(".")} ${i.message}`) ?? []).toEqual([]);
    expect(items.filter((i) => i.split === "blind").map((i) => i.id)).toEqual([]);
  });

  itemChecks(items);

  it("points at corpora that exist", () => {
    for (const dir of Object.values(CORPORA)) expect(existsSync(dir), dir).toBe(true);
    expect(filesOf("seeds")).toHaveLength(5);
    expect(filesOf("vi").length).toBeGreaterThanOrEqual(4);
  });

  it("keeps the Vietnamese fixtures well-formed: NFC, 4–9 KB, parseable front matter", () => {
    for (const f of filesOf("vi")) {
      const raw = readFileSync(join(CORPORA.vi, f), "utf8");
      expect(raw, f).toBe(raw.normalize("NFC"));
      expect(Buffer.byteLength(raw), f).toBeGreaterThanOrEqual(4000);
      expect(Buffer.byteLength(raw), f).toBeLessThanOrEqual(9 * 1024);
      if (!f.endsWith(".md")) continue;
      // Biome's Markdown formatter does not know front matter; make sure it stays YAML, not a heading
      const block = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
      expect(block, f).not.toBeNull();
      const meta = z
        .object({
          number: z.string(),
          title: z.string(),
          issuer: z.string(),
          date: z.iso.date(),
          lang: z.literal("vi"),
        })
        .safeParse(parse(block![1]!));
      expect(meta.error?.issues ?? [], f).toEqual([]);
    }
  });

  it("knows the task structure the questions rely on", () => {
    const count = (corpus: CorpusName, file: string) =>
      taskItems(readFileSync(join(CORPORA[corpus], file), "utf8")).size;
    expect(count("seeds", "000_47ee2a2a6edbd7b0.txt")).toBe(10);
    expect(count("seeds", "004_38580ef53a787c49.txt")).toBe(10);
    expect(count("seeds", "003_7c6a519dd1acbf51.txt")).toBe(5);
    expect(count("vi", "chi-thi-05-CT-TU-ha-tinh.txt")).toBe(7);
    expect(count("vi", "ke-hoach-112-KH-UBND-nghe-an.txt")).toBe(8);
    expect(count("vi", "cong-van-215-CV-HU-can-loc.md")).toBe(6);
    const rule = readFileSync(join(CORPORA.vi, "quy-dinh-08-QDi-TU-quang-tri.txt"), "utf8");
    expect(article(rule, 8)).toBeDefined();
    expect(article(rule, 9)).toBeUndefined();
  });

  it("meets the mix: size, categories, languages, corpora, cross-language, splits", () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    const minimum = { task: 0.3, responsibility: 0.12, "date-number": 0.1, figure: 0.06, paraphrase: 0.12 };
    for (const [c, min] of Object.entries(minimum))
      expect(
        share((i) => i.category === c),
        c,
      ).toBeGreaterThanOrEqual(min);
    expectCommonMix(items, { unanswerablePerLang: 5, crossLang: 40 });
    for (const c of category.options) {
      for (const l of lang.options)
        expect(
          items.some((i) => i.lang === l && i.category === c),
          `${l}/${c}`,
        ).toBe(true);
      for (const corpus of ["seeds", "vi"] as const)
        expect(items.some((i) => i.corpus === corpus && i.category === c)).toBe(true);
    }
    const holdout = items.filter((i) => i.split === "holdout");
    expect(holdout.length / items.length).toBeGreaterThanOrEqual(0.3);
    expect(holdout.length / items.length).toBeLessThanOrEqual(0.4);
    for (const c of category.options)
      expect(
        holdout.some((i) => i.category === c),
        `holdout ${c}`,
      ).toBe(true);
    for (const l of lang.options)
      expect(
        holdout.some((i) => i.lang === l),
        `holdout ${l}`,
      ).toBe(true);
    expect(holdout.some((i) => i.crossLang)).toBe(true);
  });
});
