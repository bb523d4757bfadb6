import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Engine, openEngine } from "../../src/engine.js";

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
