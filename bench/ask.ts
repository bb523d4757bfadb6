/**
 * `npm run bench`: time to index the seed corpus from scratch, time to re-open the built index,
 * and the latency of `ask` once indexed (p50/p95 over the evaluation questions, repeated).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openEngine } from "../src/engine.js";
import { loadItems } from "../test/eval/runner.js";
import { CORPORA } from "../test/eval/splits.js";

const data = await mkdtemp(path.join(tmpdir(), "cadre-bench-"));
const t0 = performance.now();
await openEngine({ corpusDir: CORPORA.seeds, dataDir: data });
const indexMs = performance.now() - t0;
const t1 = performance.now();
const { answerer } = await openEngine({ corpusDir: CORPORA.seeds, dataDir: data });
const openMs = performance.now() - t1;

const questions = loadItems()
  .filter((i) => i.corpus === "seeds")
  .map((i) => i.q);
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of questions) {
    const s = performance.now();
    await answerer.ask(q);
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
console.log(`index the seed corpus (5 files) from scratch: ${indexMs.toFixed(0)} ms`);
console.log(`open the built index: ${openMs.toFixed(0)} ms`);
console.log(
  `ask, ${times.length} questions: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await rm(data, { recursive: true, force: true });
