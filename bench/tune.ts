/**
 * `npm run tune`: chooses the fusion weights and the refusal threshold on the evaluation set's dev
 * split, and shows how the choice does on the held-out split. Prints one line per setting (dev
 * figures) sorted by the objective, then the best setting on both splits. The defaults in
 * src/search/retrieve.ts are copied from its output (with the date it was run).
 *
 * The grid decides by coverage alone (`decision: null`): the shipped answer-or-refuse model is fitted
 * separately, by bench/refusal.ts, and "current defaults" below is that model.
 *
 * Objective: mean of "answerable questions answered from the right passage" and "unanswerable
 * questions refused" (both matter equally to a cadre: a wrong answer and a missing one both cost).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Answerer } from "../src/answer/index.js";
import { loadConcepts } from "../src/engine.js";
import { DEFAULT_TUNING, type RetrievalTuning, Retriever } from "../src/search/index.js";
import { loadItems, type Outcome, openCorpora, scoreItems, share } from "../test/eval/runner.js";

const concepts = await loadConcepts();
const data = await mkdtemp(path.join(tmpdir(), "cadre-tune-"));
const engines = await openCorpora(data, { concepts });
const items = loadItems();

async function evaluate(tuning: RetrievalTuning, split: "dev" | "holdout") {
  const answerers = {
    seeds: new Answerer(engines.seeds.index, new Retriever(engines.seeds.index, concepts, tuning)),
    vi: new Answerer(engines.vi.index, new Retriever(engines.vi.index, concepts, tuning)),
  };
  const outcomes = await scoreItems(
    items.filter((i) => i.split === split),
    (c) => answerers[c],
  );
  return figures(outcomes);
}

function figures(os: Outcome[]) {
  const answerable = os.filter((o) => o.item.expect && o.item.category !== "task");
  const refusals = os.filter((o) => !o.item.expect);
  const answered = share(answerable, (o) => o.right);
  const refused = share(refusals, (o) => o.right);
  return {
    answered,
    refused,
    same: share(
      answerable.filter((o) => !o.item.crossLang),
      (o) => o.right,
    ),
    cross: share(
      answerable.filter((o) => o.item.crossLang),
      (o) => o.right,
    ),
    objective: (answered + refused) / 2,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const show = (t: RetrievalTuning, f: Awaited<ReturnType<typeof evaluate>>) =>
  `minCoverage ${t.minCoverage.toFixed(2)} vector ${t.vectorWeight.toFixed(2)} rrfK ${String(t.rrfK).padStart(2)} expansion ${t.expansionBoost.toFixed(1)} | answered ${pct(f.answered)} (same ${pct(f.same)}, cross ${pct(f.cross)}) refused ${pct(f.refused)} objective ${pct(f.objective)}`;

const grid: RetrievalTuning[] = [];
for (const minCoverage of [0.35, 0.4, 0.425, 0.45, 0.475, 0.5, 0.55])
  for (const vectorWeight of [0, 0.5, 1])
    for (const rrfK of [10, 20, 60])
      for (const expansionBoost of [0.2, 0.4, 0.7])
        grid.push({ ...DEFAULT_TUNING, minCoverage, vectorWeight, rrfK, expansionBoost, decision: null });

const results = [];
for (const tuning of grid) results.push({ tuning, dev: await evaluate(tuning, "dev") });
results.sort((a, b) => b.dev.objective - a.dev.objective || b.dev.answered - a.dev.answered);
for (const r of results.slice(0, 15)) console.log(show(r.tuning, r.dev));
const best = results[0];
if (best) {
  console.log(`\nbest on dev:      ${show(best.tuning, best.dev)}`);
  console.log(`same on holdout:  ${show(best.tuning, await evaluate(best.tuning, "holdout"))}`);
  console.log(
    `current defaults: ${show(DEFAULT_TUNING, await evaluate(DEFAULT_TUNING, "holdout"))} (holdout)`,
  );
}
// The refusal threshold alone, with the default weights, on both splits: where answering more
// starts to cost refusals on questions the choice was not made on.
console.log("\nthreshold curve (default weights):");
for (const minCoverage of [0.35, 0.4, 0.45, 0.5, 0.55]) {
  const t = { ...DEFAULT_TUNING, minCoverage, decision: null };
  console.log(`  dev      ${show(t, await evaluate(t, "dev"))}`);
  console.log(`  holdout  ${show(t, await evaluate(t, "holdout"))}`);
}
await rm(data, { recursive: true, force: true });
