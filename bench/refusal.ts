/**
 * `node --import tsx bench/refusal.ts [--fit dev,holdout,blind,blind2,blind3]`: fits the answer-or-refuse model
 * (src/search/decide.ts) on the splits named (default: dev), and prints the curve it is chosen from.
 * The shipped model was fitted with `--fit dev,holdout,blind,blind2,blind3` (every set, blind3 pooled
 * after its unseen measurement); a later blind set is the next unseen measure.
 *
 * 1. Every question of those splits is asked with the coverage-only decision; the passages the search
 *    offered (up to 5 per question) are recorded with their features, labelled 1 when the passage is
 *    the expected one (file, task, quote) and 0 otherwise (every passage of an unanswerable question).
 * 2. A logistic model is fitted on those rows (decide.ts `fitLogistic`, deterministic).
 * 3. The threshold is chosen left-one-question-out; then the real answerer is run on the same items
 *    for each threshold (mean of answerable-answered-right and unanswerable-refused; all answerable
 *    items, tasks included), and the model is printed as the `DEFAULT_DECISION` to paste into
 *    src/search/decision-model.ts. Other splits are not looked at: `npm run eval` measures them.
 * Flags: --no-vectors (fit for lexical retrieval alone), --rows <file> (write the rows as JSON),
 * --features a,b,c (default coverage,margin,foreignCoverage: the set that did best left-one-out),
 * --held-out [--threshold 0.2] (only: each split of --fit decided by a model fitted on the others, to
 * judge a feature set on sets it was not fitted on; ~30 s for all the sets).
 */
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { asksQuantity, namesFit, statesFigure, yearsFit } from "../src/answer/fit.js";
import { Answerer } from "../src/answer/index.js";
import { loadConcepts } from "../src/engine.js";
import {
  accepts,
  type DecisionFeatures,
  type DecisionModel,
  type FeatureName,
  fitLogistic,
} from "../src/search/decide.js";
import {
  DEFAULT_TUNING,
  type RetrievalResult,
  type RetrievalTuning,
  Retriever,
  type SearchQuery,
} from "../src/search/index.js";
import { squash } from "../src/text/index.js";
import { type Item, loadItems, type Outcome, openCorpora, scoreItems, share } from "../test/eval/runner.js";
import { BLIND_SPLITS, fileOf } from "../test/eval/splits.js";

const vectors = !process.argv.includes("--no-vectors");
const argv = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** The coverage floor: a passage holding less of the question is never quoted. */
const MIN_COVERAGE = 0.25;
const concepts = await loadConcepts();
const data = await mkdtemp(path.join(tmpdir(), "cadre-refusal-"));
const engines = await openCorpora(data, { concepts, vectors });
// The splits fitted on (default dev): `--fit dev,holdout,blind,blind2,blind3` pools the sets looked at,
// leaving a later blind set as the only unseen measure.
const fitSplits = (argv("--fit") ?? "dev").split(",");
const dev = ["questions.yaml", ...BLIND_SPLITS.map(fileOf)]
  .flatMap((f) => loadItems(f))
  .filter((i) => fitSplits.includes(i.split));

/** A retriever that keeps every result it returns (to read the features the answerer decided on). */
class Recording extends Retriever {
  results: RetrievalResult[] = [];
  override async search(q: SearchQuery, k = 5): Promise<RetrievalResult> {
    const r = await super.search(q, k);
    this.results.push(r);
    return r;
  }
}

function answerers(tuning: RetrievalTuning) {
  const make = (c: "seeds" | "vi") => {
    const retriever = new Recording(engines[c].index, concepts, tuning, vectors);
    return { retriever, answerer: new Answerer(engines[c].index, retriever) };
  };
  return { seeds: make("seeds"), vi: make("vi") };
}

/** True when the hit's passage is the one the item expects (file or alt version, task, quote). */
function expected(item: Item, hit: RetrievalResult["hits"][number]): boolean {
  const e = item.expect;
  if (!e) return false;
  const file = hit.entry.version.file;
  const quotes = (e as { altQuotes?: Record<string, string> }).altQuotes ?? {};
  if (file !== e.file && !(e.alt ?? []).includes(file)) return false;
  if (e.task !== undefined && hit.entry.passage.task !== e.task) return false;
  const quote = file === e.file ? e.quote : quotes[file];
  return quote === undefined ? e.task !== undefined : squash(hit.entry.passage.text).includes(squash(quote));
}

// 1. Rows from the coverage-only decision (the answerer still routes tasks and articles by structure).
const rows: { f: DecisionFeatures; label: number; item: string; fits: boolean }[] = [];
const base = answerers({ ...DEFAULT_TUNING, decision: null });
for (const item of dev) {
  const { retriever, answerer } = base[item.corpus];
  retriever.results = [];
  await answerer.ask(item.q);
  const result = retriever.results[0];
  // Whether the answerer could quote it at all (the place and figure checks of src/answer/fit.ts).
  const names = retriever.placesIn(item.q, item.lang);
  const quantity = asksQuantity(item.q);
  for (const hit of result?.hits ?? []) {
    const fits =
      namesFit(names, hit.entry.doc) &&
      yearsFit(item.q, hit.entry.doc) &&
      (!quantity || statesFigure(hit.entry.passage, item.q));
    if (hit.features) rows.push({ f: hit.features, label: expected(item, hit) ? 1 : 0, item: item.id, fits });
  }
}
const dump = argv("--rows");
if (dump) writeFileSync(dump, JSON.stringify(rows));
const positives = rows.filter((r) => r.label === 1).length;
console.log(
  `${fitSplits.join("+")} rows: ${rows.length} passages of ${new Set(rows.map((r) => r.item)).size} searched questions, ${positives} right`,
);

const names = (argv("--features") ?? "coverage,margin,foreignCoverage").split(",") as FeatureName[];
if (process.argv.includes("--held-out")) {
  heldOut(Number(argv("--threshold") ?? 0.2));
  await rm(data, { recursive: true, force: true });
  process.exit(0);
}

// 2. The fit, on the passages the answerer could quote (the others are never its answer).
const train = rows.filter((r) => r.fits);
const fitted = fitLogistic(train, { names });
console.log(
  `fitted on ${train.length} quotable passages, features ${names.join(", ")}: bias ${fitted.bias.toFixed(3)}`,
);
for (const n of names) console.log(`  ${n.padEnd(16)} ${fitted.weights[n].toFixed(3)}`);

// 3. Leave-one-question-out on the searched dev questions: each question decided by a model fitted
// without it (the first quotable passage accepted is the answer). The threshold is chosen here, so
// that it is not chosen on the very questions its weights were fitted on.
const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
const byItem = new Map<string, typeof rows>();
for (const r of rows) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
const answerable = new Set(dev.filter((i) => i.expect).map((i) => i.id));
const held = [...byItem.keys()].map((id) => ({
  id,
  model: fitLogistic(
    train.filter((r) => r.item !== id),
    { names },
  ),
}));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
let chosen = { threshold: THRESHOLDS[0] ?? 0.2, objective: -1 };
const rate = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
console.log(`\nleave-one-question-out (searched ${fitSplits.join("+")} questions):`);
{
  const pick = (id: string) => (byItem.get(id) ?? []).find((r) => r.fits && r.f.coverage >= 0.43);
  const ids = [...byItem.keys()];
  const a = rate(ids.filter((id) => answerable.has(id)).map((id) => pick(id)?.label === 1));
  const r = rate(ids.filter((id) => !answerable.has(id)).map((id) => !pick(id)));
  console.log(
    `  coverage ≥ 0.43 alone: answerable ${pct(a)} refused ${pct(r)} objective ${pct((a + r) / 2)}`,
  );
}
for (const threshold of THRESHOLDS) {
  const ok = { answerable: [] as boolean[], refused: [] as boolean[] };
  for (const { id, model } of held) {
    const decision = { ...model, threshold, minCoverage: MIN_COVERAGE };
    const pick = (byItem.get(id) ?? []).find((r) => r.fits && accepts(decision, r.f));
    if (answerable.has(id)) ok.answerable.push(pick?.label === 1);
    else ok.refused.push(!pick);
  }
  const objective = (rate(ok.answerable) + rate(ok.refused)) / 2;
  console.log(
    `  p ≥ ${threshold.toFixed(2)}  answerable ${pct(rate(ok.answerable))} (${ok.answerable.length}) refused ${pct(rate(ok.refused))} (${ok.refused.length}) objective ${pct(objective)}`,
  );
  // Ties go to the higher threshold (the more cautious model).
  if (objective >= chosen.objective) chosen = { threshold, objective };
}

// 4. The dev curve through the real answerer (in-sample: the weights were fitted on dev).
function figures(os: Outcome[]) {
  const all = os.filter((o) => o.item.expect);
  const answered = share(all, (o) => o.right);
  const refused = share(
    os.filter((o) => !o.item.expect),
    (o) => o.right,
  );
  const cross = share(
    all.filter((o) => o.item.crossLang),
    (o) => o.right,
  );
  return { answered, refused, cross, objective: (answered + refused) / 2 };
}
async function evaluate(tuning: RetrievalTuning) {
  const a = answerers(tuning);
  return figures(await scoreItems(dev, (c) => a[c].answerer));
}
const show = (label: string, f: Awaited<ReturnType<typeof evaluate>>) =>
  `${label.padEnd(34)} answerable ${pct(f.answered)} cross ${pct(f.cross)} refused ${pct(f.refused)} objective ${pct(f.objective)}`;
console.log(`\n${fitSplits.join("+")}, all ${dev.length} items:`);
console.log(show("coverage ≥ 0.43 alone (before)", await evaluate({ ...DEFAULT_TUNING, decision: null })));
for (const threshold of THRESHOLDS) {
  const model: DecisionModel = { ...fitted, threshold, minCoverage: MIN_COVERAGE };
  const mark = threshold === chosen.threshold ? " ← chosen" : "";
  console.log(
    show(`model p ≥ ${threshold.toFixed(2)}`, await evaluate({ ...DEFAULT_TUNING, decision: model })) + mark,
  );
}
const w = names.map((n) => `${n}: ${fitted.weights[n].toFixed(3)}`).join(", ");
console.log(
  `\nDEFAULT_DECISION: bias ${fitted.bias.toFixed(3)}, weights { ${w} }, threshold ${chosen.threshold}, minCoverage ${MIN_COVERAGE}`,
);
await rm(data, { recursive: true, force: true });

/**
 * `--held-out`: each split decided by a model fitted on the others only (first quotable passage
 * accepted), so that a feature set is judged on sets it was not fitted on; answerable here means
 * searched questions (tasks and articles are answered by structure, not by this model).
 */
function heldOut(threshold: number): void {
  const splitOf = new Map(dev.map((i) => [i.id, i.split]));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  let sum = 0;
  console.log(`held out in turn, features ${names.join(", ")}, p ≥ ${threshold}:`);
  for (const split of fitSplits) {
    const train = rows.filter((r) => r.fits && splitOf.get(r.item) !== split);
    const model = { ...fitLogistic(train, { names }), threshold, minCoverage: MIN_COVERAGE };
    const items = dev.filter((i) => i.split === split);
    const right = (i: Item) => {
      const pick = rows.find((r) => r.item === i.id && r.fits && accepts(model, r.f));
      return i.expect ? pick?.label === 1 : !pick;
    };
    const rateOf = (xs: Item[]) => xs.filter(right).length / Math.max(1, xs.length);
    const a = rateOf(items.filter((i) => i.expect));
    const r = rateOf(items.filter((i) => !i.expect));
    sum += (a + r) / 2;
    console.log(`  ${split.padEnd(8)} answerable ${pct(a)} refused ${pct(r)}`);
  }
  console.log(`  mean objective ${pct(sum / Math.max(1, fitSplits.length))}`);
}
