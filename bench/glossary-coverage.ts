/**
 * `node --import tsx bench/glossary-coverage.ts [FOLDER]`: how much of the Vietnamese directives'
 * wording the glossary reaches. For each file of FOLDER (default: the Vietnamese evaluation corpus),
 * the share of its words that lie inside a glossary concept match, and the commonest word pairs no
 * concept covers. A word outside every concept can still be found in its own language, but a
 * question in another language reaches it only through the vector index's character n-grams.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadConcepts } from "../src/engine.js";
import { CORPORA } from "../test/eval/splits.js";

const folder = process.argv[2] ?? CORPORA.vi;
const concepts = await loadConcepts();
const pairs = new Map<string, Set<string>>();
let words = 0;
let covered = 0;
for (const file of (await readdir(folder)).sort()) {
  const text = await readFile(path.join(folder, file), "utf8");
  const inside = new Uint8Array(text.length);
  for (const m of concepts.conceptsIn(text, "vi")) inside.fill(1, m.start, m.end);
  const found = [...text.matchAll(/\p{L}+/gu)];
  let fileCovered = 0;
  found.forEach((w, i) => {
    if (inside[w.index]) {
      fileCovered++;
      return;
    }
    const next = found[i + 1];
    if (next && !inside[next.index] && text.slice(w.index + w[0].length, next.index) === " ") {
      const pair = `${w[0]} ${next[0]}`.toLowerCase();
      pairs.set(pair, (pairs.get(pair) ?? new Set()).add(file));
    }
  });
  words += found.length;
  covered += fileCovered;
  console.log(`${file}: ${pct(fileCovered, found.length)} of ${found.length} words inside a concept`);
}
console.log(`all ${words} words: ${pct(covered, words)} inside a concept`);
const common = [...pairs].map(([pair, files]) => [pair, files.size] as const).sort((a, b) => b[1] - a[1]);
console.log(
  `word pairs outside every concept, in the most files: ${common
    .slice(0, 30)
    .map(([pair, n]) => `${pair} (${n})`)
    .join(", ")}`,
);

function pct(part: number, whole: number): string {
  return `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
}
