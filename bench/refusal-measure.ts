/**
 * `node --import tsx bench/refusal-measure.ts [--no-vectors]`: the answer-or-refuse decision before
 * (coverage ≥ minCoverage alone) and after (the shipped model, src/search/decision-model.ts) on every
 * split: dev, holdout and blind. Run once, after the model was chosen on dev with bench/refusal.ts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Answerer } from "../src/answer/index.js";
import { loadConcepts } from "../src/engine.js";
import { DEFAULT_TUNING, type RetrievalTuning, Retriever } from "../src/search/index.js";
import { loadItems, type Outcome, openCorpora, scoreItems, share } from "../test/eval/runner.js";

const vectors = !process.argv.includes("--no-vectors");
const concepts = await loadConcepts();
const data = await mkdtemp(path.join(tmpdir(), "cadre-refusal-"));
const engines = await openCorpora(data, { concepts, vectors });
const items = [...loadItems(), ...loadItems("blind.yaml")];

async function run(tuning: RetrievalTuning): Promise<Outcome[]> {
  const make = (c: "seeds" | "vi") =>
    new Answerer(engines[c].index, new Retriever(engines[c].index, concepts, tuning, vectors));
  const answerers = { seeds: make("seeds"), vi: make("vi") };
  return scoreItems(items, (c) => answerers[c]);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function row(label: string, os: Outcome[]): string {
  const cells = (["dev", "holdout", "blind"] as const).map((split) => {
    const s = os.filter((o) => o.item.split === split);
    const a = s.filter((o) => o.item.expect);
    return [
      share(a, (o) => o.right),
      share(
        a.filter((o) => o.item.crossLang),
        (o) => o.right,
      ),
      share(
        s.filter((o) => !o.item.expect),
        (o) => o.right,
      ),
      share(a, (o) => o.rank === 1),
    ]
      .map(pct)
      .join(" / ");
  });
  return `${label.padEnd(8)} ${cells.map((c) => c.padEnd(46)).join("")}`;
}
console.log(
  `${"".padEnd(8)} ${["dev", "holdout", "blind"].map((s) => `${s}: answerable / cross / refused / hit@1`.padEnd(46)).join("")}`,
);
console.log(row("before", await run({ ...DEFAULT_TUNING, decision: null })));
console.log(row("after", await run(DEFAULT_TUNING)));
await rm(data, { recursive: true, force: true });
