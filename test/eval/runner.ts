import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Answer, Answerer } from "../../src/answer/index.js";
import { type Engine, openEngine } from "../../src/engine.js";
import type { ConceptFinder, RetrievalTuning } from "../../src/search/index.js";
import { squash } from "../../src/text/index.js";
import { CORPORA, type Split } from "./splits.js";

/**
 * Runs an evaluation set (`questions.yaml`, `blind.yaml`) through the real engine and scores it: an answerable
 * question is right when the bot answers and its first citation is the expected file (or an
 * accepted alternative), task/article and quote; an unanswerable one is right when refused.
 * Every citation's quote is checked to be verbatim in its file. Shared by the test (thresholds)
 * and `npm run eval` (the full table).
 */

export interface Item {
  id: string;
  q: string;
  lang: "vi" | "en" | "fr" | "ja";
  corpus: keyof typeof CORPORA;
  category: string;
  crossLang: boolean;
  split: Split;
  expect?: {
    file: string;
    alt?: string[];
    docNumber?: string | null;
    task?: number;
    article?: number;
    clause?: number;
    quote: string;
  };
}

export interface Outcome {
  item: Item;
  answer: Answer;
  right: boolean;
  /** Rank (1-based) of the first correct citation, or null. */
  rank: number | null;
  verbatim: boolean;
}

/** The tuning set (`questions.yaml`, splits dev and holdout), or another file of test/eval such as
 * `blind.yaml` (split blind: written before the quality work, never used to tune). */
export function loadItems(file = "questions.yaml"): Item[] {
  return parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), "utf8")) as Item[];
}

function fileText(corpus: keyof typeof CORPORA, file: string): string {
  return squash(readFileSync(path.join(CORPORA[corpus], file), "utf8"));
}

/** Asks every item and scores the answers. */
export async function runEval(
  items: Item[] = loadItems(),
  opts: { concepts?: ConceptFinder; tuning?: Partial<RetrievalTuning>; vectors?: boolean } = {},
): Promise<Outcome[]> {
  const data = await mkdtemp(path.join(tmpdir(), "cadre-eval-"));
  try {
    const engines = await openCorpora(data, opts);
    return await scoreItems(items, (corpus) => engines[corpus].answerer);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

/** Opens an engine over each evaluation corpus, storing the indexes under `dataDir`. */
export async function openCorpora(
  dataDir: string,
  opts: Parameters<typeof openEngine>[0] extends infer O ? Omit<O, "corpusDir" | "dataDir"> : never,
): Promise<Record<keyof typeof CORPORA, Engine>> {
  const out: Partial<Record<keyof typeof CORPORA, Engine>> = {};
  for (const corpus of Object.keys(CORPORA) as (keyof typeof CORPORA)[]) {
    out[corpus] = await openEngine({
      corpusDir: CORPORA[corpus],
      dataDir: path.join(dataDir, corpus),
      ...opts,
    });
  }
  return out as Record<keyof typeof CORPORA, Engine>;
}

/** Asks every item of the answerer for its corpus and scores the answers. */
export async function scoreItems(
  items: Item[],
  answererFor: (corpus: keyof typeof CORPORA) => Answerer,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const answer = await answererFor(item.corpus).ask(item.q);
    const verbatim = answer.citations.every((c) => fileText(item.corpus, c.file).includes(squash(c.quote)));
    const e = item.expect;
    let rank: number | null = null;
    if (e) {
      const files = [e.file, ...(e.alt ?? [])];
      const idx = answer.citations.findIndex(
        (c) =>
          files.includes(c.file) &&
          (e.task === undefined || c.task === e.task) &&
          (e.article === undefined || c.section.startsWith(`Điều ${e.article}`)) &&
          (c.file !== e.file || squash(c.quote).includes(squash(e.quote))),
      );
      rank = idx >= 0 ? idx + 1 : null;
    }
    const right = e ? answer.found && rank === 1 : !answer.found;
    outcomes.push({ item, answer, right, rank, verbatim });
  }
  return outcomes;
}

/** Share of `outcomes` for which `pred` holds (1 when empty). */
export function share(outcomes: Outcome[], pred: (o: Outcome) => boolean): number {
  return outcomes.length === 0 ? 1 : outcomes.filter(pred).length / outcomes.length;
}
