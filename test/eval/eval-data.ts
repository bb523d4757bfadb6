/**
 * The evaluation data's shared rules (schema, corpora, passage finders) and the checks every item of
 * every set must pass, whichever file it comes from: questions.yaml (dev + holdout) and each blind set's
 * file (splits.ts lists them). The set-specific checks (the mix) live in each set's own test file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { CORPORA, SPLITS } from "./splits.js";

const here = dirname(fileURLToPath(import.meta.url));

export type CorpusName = keyof typeof CORPORA;

export const lang = z.enum(["vi", "en", "fr", "ja"]);
export const category = z.enum([
  "task",
  "responsibility",
  "date-number",
  "figure",
  "paraphrase",
  "unanswerable",
]);
const ordinal = z.number().int().min(1).max(99);
const expectSchema = z.strictObject({
  file: z.string().min(1),
  alt: z.array(z.string().min(1)).min(1).optional(),
  altQuotes: z.record(z.string(), z.string().min(1)).optional(),
  docNumber: z.string().min(1).nullable(),
  task: ordinal.optional(),
  article: ordinal.optional(),
  clause: ordinal.optional(),
  quote: z.string().min(1),
});
export const itemSchema = z
  .strictObject({
    id: z.string().regex(/^(vi|en|fr|ja)-[a-z0-9]+(-[a-z0-9]+)*$/),
    q: z.string().min(5).max(300),
    lang,
    corpus: z.enum(["seeds", "vi"]),
    category,
    crossLang: z.boolean(),
    split: z.enum(SPLITS),
    expect: expectSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((item, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message: `${item.id}: ${message}` });
    if (!item.id.startsWith(`${item.lang}-`)) fail("id must start with the question's language");
    if (item.category === "unanswerable") {
      if (item.expect) fail("unanswerable items have no expect");
      if (!item.note) fail("unanswerable items need a note saying why");
      return;
    }
    if (!item.expect) return fail("answerable items need expect");
    const { task, article, clause, alt = [], altQuotes = {} } = item.expect;
    const quoted = Object.keys(altQuotes).sort().join();
    if (quoted !== [...alt].sort().join()) fail("altQuotes must give one quote per alt file, no more");
    if (task !== undefined && article !== undefined) fail("task and article are exclusive");
    if (clause !== undefined && article === undefined) fail("clause needs article");
    if (item.category === "task" && task === undefined && article === undefined)
      fail("task item without task/article");
  });
export type Item = z.infer<typeof itemSchema>;

/** The expected file with its quote, then each accepted alternative with its own. */
export const targetsOf = (e: NonNullable<Item["expect"]>) => [
  { file: e.file, quote: e.quote },
  ...(e.alt ?? []).map((file) => ({ file, quote: e.altQuotes?.[file] ?? "" })),
];
export const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
export const readCorpusFile = (corpus: CorpusName, file: string) =>
  collapse(readFileSync(join(CORPORA[corpus], file), "utf8"));
export const isJapanese = (s: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s);
// letters French never uses (â, ê, ô are shared); a French text may still quote a Vietnamese name
const vietnameseLetters = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi;
export const textLanguage = (s: string): string =>
  isJapanese(s) ? "ja" : (s.match(vietnameseLetters)?.length ?? 0) > s.length / 100 ? "vi" : "fr";

/** Splits raw text into numbered items of the task list: ordinal paragraphs, else `N.` lines of the
 * Roman section whose heading names NHIỆM VỤ (or the whole text when there are no Roman sections). */
export function taskItems(raw: string): Map<number, string> {
  const lines = raw.split("\n").map((l) => l.trim());
  const ordinals = ["Premièrement", "Deuxièmement", "Troisièmement", "Quatrièmement", "Cinquièmement"];
  const items = new Map<number, string>();
  if (lines.some((l) => l.startsWith("Premièrement"))) {
    for (const l of lines) {
      const n = ordinals.findIndex((o) => l.startsWith(o));
      if (n >= 0 && !items.has(n + 1)) items.set(n + 1, l);
    }
    return items;
  }
  const roman = /^[IVX]+\.\s/;
  let region = lines;
  const start = lines.findIndex((l) => roman.test(l) && l.includes("NHIỆM VỤ"));
  if (start >= 0) {
    const end = lines.findIndex((l, i) => i > start && roman.test(l));
    region = lines.slice(start + 1, end < 0 ? undefined : end);
  }
  return numberedBlocks(region);
}

/** `N.` lines and what follows them up to the next `N.` line. */
export function numberedBlocks(lines: string[]): Map<number, string> {
  const blocks = new Map<number, string>();
  let current: number | undefined;
  for (const l of lines) {
    const m = /^(\d+)\.\s/.exec(l);
    if (m) current = Number(m[1]);
    if (current !== undefined) blocks.set(current, `${blocks.get(current) ?? ""} ${l}`);
  }
  return blocks;
}

/** Article N (`Điều N.`) up to the next article, chapter or the closing "Nơi nhận". */
export function article(raw: string, n: number): string | undefined {
  const lines = raw.split("\n").map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith(`Điều ${n}.`));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^(Điều \d+\.|Chương |Nơi nhận)/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** The passage an answer must come from, when the item names a task, article or clause. */
export function expectedPassage(raw: string, e: NonNullable<Item["expect"]>): string | undefined {
  if (e.task !== undefined) return taskItems(raw).get(e.task);
  if (e.article === undefined) return undefined;
  const art = article(raw, e.article);
  if (art === undefined || e.clause === undefined) return art;
  return numberedBlocks(art.split("\n").slice(1)).get(e.clause);
}

/** Parses one evaluation file; `items` is empty and `error` set when the schema rejects it. */
export function loadSet(file: string) {
  const parsed = z.array(itemSchema).safeParse(parse(readFileSync(join(here, file), "utf8")));
  return { items: parsed.success ? parsed.data : [], error: parsed.error };
}
export const filesOf = (corpus: CorpusName) =>
  readdirSync(CORPORA[corpus]).filter((f) => /\.(txt|md)$/.test(f));
export const corpusLanguages = (corpus: CorpusName) =>
  new Set(filesOf(corpus).map((f) => textLanguage(readCorpusFile(corpus, f))));

/** Registers the per-item checks (ids, NFC, verbatim quotes, passages, numbers, cross-language flags). */
export function itemChecks(items: Item[]): void {
  const answerable = items.filter((i) => i.expect !== undefined);
  it("has unique ids and NFC text", () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      for (const s of [i.q, i.expect?.quote ?? "", ...Object.values(i.expect?.altQuotes ?? {})]) {
        expect(s, i.id).toBe(s.normalize("NFC"));
      }
    }
  });

  it("quotes every expected passage verbatim, at a usable length, and unambiguously", () => {
    for (const i of answerable) {
      const e = i.expect!;
      const targets = targetsOf(e);
      const allowed = new Set(targets.map((t) => t.file));
      for (const t of targets) {
        const quote = collapse(t.quote);
        expect(readCorpusFile(i.corpus, t.file), `${i.id}: quote not in ${t.file}`).toContain(quote);
        if (isJapanese(quote)) expect(quote.length, `${i.id}: ja quote length`).toBeGreaterThanOrEqual(8);
        if (isJapanese(quote)) expect(quote.length, `${i.id}: ja quote length`).toBeLessThanOrEqual(40);
        const words = quote.split(" ").length;
        const max = textLanguage(quote) === "vi" ? 16 : 12; // Vietnamese counts syllables
        if (!isJapanese(quote)) expect(words, `${i.id}: quote word count`).toBeGreaterThanOrEqual(4);
        if (!isJapanese(quote)) expect(words, `${i.id}: quote word count`).toBeLessThanOrEqual(max);
        for (const other of filesOf(i.corpus).filter((f) => !allowed.has(f))) {
          expect(readCorpusFile(i.corpus, other), `${i.id}: quote also in ${other}`).not.toContain(quote);
        }
      }
    }
  });

  it("places each quote inside the task, article or clause the item names", () => {
    for (const i of answerable) {
      const e = i.expect!;
      for (const t of targetsOf(e)) {
        const raw = readFileSync(join(CORPORA[i.corpus], t.file), "utf8");
        if (e.task === undefined && e.article === undefined) continue;
        const passage = expectedPassage(raw, e);
        expect(passage, `${i.id}: no such passage in ${t.file}`).toBeDefined();
        const at = collapse(passage!).indexOf(collapse(t.quote));
        expect(at, `${i.id}: quote outside the passage in ${t.file}`).toBeGreaterThanOrEqual(0);
        // a chat answer may trim a long task: task questions quote its opening
        if (i.category === "task") expect(at, `${i.id}: quote too deep in the task`).toBeLessThan(400);
      }
    }
  });

  it("gives one number per document, found in the file", () => {
    const numberOf = new Map<string, string | null>();
    for (const i of answerable) {
      const e = i.expect!;
      const key = `${i.corpus}/${e.file}`;
      if (numberOf.has(key)) expect(numberOf.get(key), `${i.id}: docNumber differs`).toBe(e.docNumber);
      numberOf.set(key, e.docNumber);
      if (e.docNumber) expect(readCorpusFile(i.corpus, e.file), i.id).toContain(e.docNumber);
    }
  });

  it("marks cross-language items from the files' languages", () => {
    const versions = new Map<string, Set<string>>(); // docNumber → files of its language versions
    for (const i of answerable) {
      const n = i.expect!.docNumber;
      if (n) versions.set(n, (versions.get(n) ?? new Set()).add(i.expect!.file));
    }
    for (const i of answerable) {
      const e = i.expect!;
      const files = [e.file, ...(e.alt ?? [])];
      const langs = files.map((f) => textLanguage(readCorpusFile(i.corpus, f)));
      expect(i.crossLang, `${i.id}: crossLang`).toBe(!langs.includes(i.lang));
      if (!i.crossLang) expect(langs[0], `${i.id}: same-language file must come first`).toBe(i.lang);
      if (i.crossLang && e.docNumber) {
        for (const f of versions.get(e.docNumber) ?? [])
          expect(files, `${i.id}: missing alt ${f}`).toContain(f);
      }
    }
    for (const i of items.filter((x) => x.category === "unanswerable")) {
      expect(i.crossLang, `${i.id}: crossLang`).toBe(!corpusLanguages(i.corpus).has(i.lang));
    }
  });
}

/**
 * The mix every evaluation set keeps: 12–20% unanswerable; each language at least 15% with at least
 * `unanswerablePerLang` unanswerable items; both corpora at least 30%; at least `crossLang`
 * answerable cross-language items. Call it inside a test.
 */
export function expectCommonMix(
  items: Item[],
  opts: { unanswerablePerLang: number; crossLang: number },
): void {
  const share = (pred: (i: Item) => boolean) => items.filter(pred).length / items.length;
  const refusals = share((i) => i.category === "unanswerable");
  expect(refusals).toBeGreaterThanOrEqual(0.12);
  expect(refusals).toBeLessThanOrEqual(0.2);
  for (const l of lang.options) {
    expect(
      share((i) => i.lang === l),
      l,
    ).toBeGreaterThanOrEqual(0.15);
    const refused = items.filter((i) => i.lang === l && i.category === "unanswerable").length;
    expect(refused, `${l} unanswerable`).toBeGreaterThanOrEqual(opts.unanswerablePerLang);
  }
  for (const corpus of ["seeds", "vi"] as const)
    expect(
      share((i) => i.corpus === corpus),
      corpus,
    ).toBeGreaterThanOrEqual(0.3);
  expect(items.filter((i) => i.expect && i.crossLang).length).toBeGreaterThanOrEqual(opts.crossLang);
}

/**
 * The mix a blind set keeps, checked in one test: its size, each category at least 5 items, and the
 * common mix (`expectCommonMix`) with at least 25 answerable cross-language items.
 */
export function blindMixCheck(
  items: Item[],
  opts: { size: [number, number]; unanswerablePerLang: number },
): void {
  it("meets its mix: size, languages, categories, 12–20% unanswerable, both corpora, cross-language", () => {
    expect(items.length).toBeGreaterThanOrEqual(opts.size[0]);
    expect(items.length).toBeLessThanOrEqual(opts.size[1]);
    for (const c of category.options)
      expect(items.filter((i) => i.category === c).length, c).toBeGreaterThanOrEqual(5);
    expectCommonMix(items, { unanswerablePerLang: opts.unanswerablePerLang, crossLang: 25 });
  });
}
