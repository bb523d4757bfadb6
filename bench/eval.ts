/**
 * `npm run eval`: the evaluation sets through the real engine. One column per split (test/eval/splits.ts):
 * dev (may tune), holdout, then the blind sets, oldest first (blind.yaml was written before the quality
 * work, the later ones by outside checkers, each to be measured once at the start and once at the end
 * of a session). Rows: per language, per category, cross-/same-language, then hit@1, hit@3, MRR,
 * refusal accuracy and verbatim citations. Flags: --no-glossary, --no-vectors (ablations), --no-blind
 * (tuning set only: drops every blind set), --no-blindN (keeps blind set N unseen while working, e.g.
 * --no-blind8), --only <split> (--only dev), --failures [split].
 */
import { NO_CONCEPTS } from "../src/search/index.js";
import { loadItems, type Outcome, runEval, share } from "../test/eval/runner.js";
import { BLIND_SPLITS, fileOf, SPLITS } from "../test/eval/splits.js";

const argv = process.argv.slice(2);
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
const blind = argv.includes("--no-blind")
  ? []
  : BLIND_SPLITS.filter((s) => !argv.includes(`--no-${s}`)).flatMap((s) => loadItems(fileOf(s)));
const items = [...loadItems(), ...blind].filter((i) => !only || i.split === only);
// Ablations: --no-glossary leaves out the multilingual glossary, --no-vectors the HNSW vector index
// (lexical retrieval alone), so each part's contribution shows in the same table.
const outcomes = await runEval(items, {
  ...(argv.includes("--no-glossary") ? { concepts: NO_CONCEPTS } : {}),
  ...(argv.includes("--no-vectors") ? { vectors: false } : {}),
});

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const answerable = (os: Outcome[]) => os.filter((o) => o.item.expect);
const cell = (os: Outcome[], f: (os: Outcome[]) => string) => (os.length === 0 ? "-" : f(os)).padStart(16);
const right = (os: Outcome[]) => `${pct(share(os, (o) => o.right))} (${os.length})`;

/** One line: the label, then one cell per split, computed by `f` over that split's outcomes. */
function line(label: string, pick: (o: Outcome) => boolean, f: (os: Outcome[]) => string = right): string {
  const cells = SPLITS.map((s) =>
    cell(
      outcomes.filter((o) => o.item.split === s && pick(o)),
      f,
    ),
  );
  return `${label.padEnd(30)}${cells.join("")}`;
}

console.log(`${"right (n)".padEnd(30)}${SPLITS.map((s) => s.padStart(16)).join("")}`);
console.log(line("all", () => true));
for (const lang of ["vi", "en", "fr", "ja"]) console.log(line(`lang ${lang}`, (o) => o.item.lang === lang));
for (const cat of ["task", "responsibility", "date-number", "figure", "paraphrase", "unanswerable"])
  console.log(line(`category ${cat}`, (o) => o.item.category === cat));
console.log(line("answerable", (o) => !!o.item.expect));
console.log(line("cross-language answerable", (o) => !!o.item.expect && o.item.crossLang));
console.log(line("same-language answerable", (o) => !!o.item.expect && !o.item.crossLang));
// The figure issue 2 names: same-language questions other than tasks and refusals.
console.log(
  line("same-language factual", (o) => !o.item.crossLang && !!o.item.expect && o.item.category !== "task"),
);
console.log(line("unanswerable refused", (o) => !o.item.expect));
const all = () => true;
console.log(line("hit@1 (answerable)", all, (os) => pct(share(answerable(os), (o) => o.rank === 1))));
console.log(line("hit@3 (answerable)", all, (os) => pct(share(answerable(os), (o) => (o.rank ?? 99) <= 3))));
console.log(
  line("MRR (answerable)", all, (os) => {
    const a = answerable(os);
    return (a.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / Math.max(1, a.length)).toFixed(3);
  }),
);
console.log(line("verbatim citations", all, (os) => pct(share(os, (o) => o.verbatim))));

const at = argv.indexOf("--failures");
if (at >= 0) {
  const only = SPLITS.find((s) => s === argv[at + 1]);
  for (const o of outcomes.filter((x) => !x.right && (!only || x.item.split === only))) {
    const c = o.answer.citations[0];
    const tag = `${o.item.split}, ${o.item.category}${o.item.crossLang ? ", cross" : ""}`;
    console.log(`\n✗ ${o.item.id} [${tag}] ${o.item.q}`);
    const e = o.item.expect;
    console.log(`  expected: ${e ? `${e.file} task=${e.task ?? "-"} «${e.quote}»` : "refusal"}`);
    console.log(
      `  got: found=${o.answer.found} ${c ? `${c.file} task=${c.task} «${c.quote.slice(0, 100)}»` : "(no citation)"}`,
    );
  }
}
