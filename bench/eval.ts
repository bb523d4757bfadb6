/**
 * `npm run eval`: the evaluation set through the real engine, per language and per category:
 * accuracy, hit@1, refusal accuracy and the share of verbatim citations.
 */
import { NO_CONCEPTS } from "../src/search/index.js";
import { loadItems, type Outcome, runEval, share } from "../test/eval/runner.js";

// Ablations: --no-glossary leaves out the multilingual glossary, --no-vectors the HNSW vector index
// (lexical retrieval alone), so each part's contribution shows in the same table.
const outcomes = await runEval(loadItems(), {
  ...(process.argv.includes("--no-glossary") ? { concepts: NO_CONCEPTS } : {}),
  ...(process.argv.includes("--no-vectors") ? { vectors: false } : {}),
});
const row = (label: string, os: Outcome[]) => {
  const answerable = os.filter((o) => o.item.expect);
  const refusals = os.filter((o) => !o.item.expect);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  return `${label.padEnd(28)} n=${String(os.length).padStart(3)}  right ${pct(share(os, (o) => o.right))}  hit@1 ${pct(share(answerable, (o) => o.rank === 1))}  refused ${pct(share(refusals, (o) => !o.answer.found))}  verbatim ${pct(share(os, (o) => o.verbatim))}`;
};
console.log(row("all", outcomes));
for (const split of ["dev", "holdout"])
  console.log(
    row(
      `split ${split}`,
      outcomes.filter((o) => o.item.split === split),
    ),
  );
for (const lang of ["vi", "en", "fr", "ja"])
  console.log(
    row(
      `lang ${lang}`,
      outcomes.filter((o) => o.item.lang === lang),
    ),
  );
for (const cat of [...new Set(outcomes.map((o) => o.item.category))])
  console.log(
    row(
      `category ${cat}`,
      outcomes.filter((o) => o.item.category === cat),
    ),
  );
console.log(
  row(
    "cross-language",
    outcomes.filter((o) => o.item.crossLang),
  ),
);
console.log(
  row(
    "same-language",
    outcomes.filter((o) => !o.item.crossLang),
  ),
);
// The figure issue 2 names: same-language questions other than tasks and refusals.
console.log(
  row(
    "same-language factual",
    outcomes.filter((o) => !o.item.crossLang && o.item.expect && o.item.category !== "task"),
  ),
);
if (process.argv.includes("--failures")) {
  for (const o of outcomes.filter((x) => !x.right)) {
    const c = o.answer.citations[0];
    console.log(`\n✗ ${o.item.id} [${o.item.category}${o.item.crossLang ? ", cross" : ""}] ${o.item.q}`);
    console.log(
      `  expected: ${o.item.expect ? `${o.item.expect.file} task=${o.item.expect.task ?? "-"} «${o.item.expect.quote}»` : "refusal"}`,
    );
    console.log(
      `  got: found=${o.answer.found} ${c ? `${c.file} task=${c.task} «${c.quote.slice(0, 100)}»` : "(no citation)"}`,
    );
  }
}
