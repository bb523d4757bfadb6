import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { Answer } from "../../src/answer/index.js";
import { groupDocuments, listCorpus, readVersion } from "../../src/corpus/index.js";
import { type Engine, openEngine } from "../../src/engine.js";
import { type Entry, entriesOf } from "../../src/search/entries.js";
import { squash } from "../../src/text/index.js";

/** The repository's default corpus. */
export const SEED_CORPUS = path.resolve(import.meta.dirname, "../../corpus");
/** Vietnamese directives written for the tests. */
export const VI_CORPUS = path.resolve(import.meta.dirname, "../fixtures/directives-vi");

const cache = new Map<string, Promise<Engine>>();

/** An engine over `corpusDir` with its index in a fresh temporary folder (one per corpus per test file). */
export function engineFor(corpusDir: string): Promise<Engine> {
  let engine = cache.get(corpusDir);
  if (!engine) {
    engine = mkdtemp(path.join(tmpdir(), "cadre-test-")).then((dataDir) =>
      openEngine({ corpusDir, dataDir }),
    );
    cache.set(corpusDir, engine);
  }
  return engine;
}

/** The search entries of the files in `corpusDir`, read and grouped as an index reads them (none built). */
export async function entriesIn(corpusDir: string): Promise<Entry[]> {
  const versions = [];
  for (const f of await listCorpus(corpusDir)) {
    const r = await readVersion(f);
    if (r.ok) versions.push(r.version);
  }
  return entriesOf(groupDocuments(versions));
}

/** Asserts that every citation of `answer` quotes its file in `corpus` word for word. */
export function expectVerbatim(answer: Answer, corpus: string): void {
  for (const c of answer.citations) {
    const file = squash(readFileSync(path.join(corpus, c.file), "utf8"));
    expect(file.includes(squash(c.quote)), `quote not in ${c.file}: ${c.quote.slice(0, 80)}`).toBe(true);
  }
}
