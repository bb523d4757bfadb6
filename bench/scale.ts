/**
 * The scale bench (issue 3, item 6): a synthetic corpus of N directives (bench/synthetic.ts), then
 * index build time and docs/s, re-opening the built index, incremental re-index after one changed
 * file, `ask` latency p50/p95/p99 over a few hundred questions, peak RSS, and the same questions'
 * vectors searched in HNSW (the index) and exactly in LangChain's MemoryVectorStore, with the
 * latency ratio and recall@10 of HNSW against the exact results.
 *
 * Each step runs in its own process, as `cadre index` and `cadre ask` do, so each peak RSS is that
 * of one command; a step's time starts when the index is opened. The re-index is also timed as the
 * whole `cadre index` command (bin/cadre.js): Node's start, loading the code and glossary, the exit.
 * `--heap MB` raises Node's heap limit in those processes (default: Node's own).
 *
 * `--glossary FILE` uses another glossary than glossary/domain.yaml. `--ef 100,200,400` also measures HNSW recall and latency at those search breadths. Other helpers'
 * processes share this machine: the load average is printed, and each question's CPU time too.
 *
 * `node --import tsx bench/scale.ts [--n 10000] [--queries 300] [--corpus DIR] [--heap MB] [--ef LIST] [--glossary FILE] [--keep]`
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document as LcDocument } from "@langchain/core/documents";
import { EXTRACTORS, loadConcepts, openEngine } from "../src/engine.js";
import { buildIndex } from "../src/search/corpus-index.js";
import { createEmbeddings } from "../src/search/embeddings-factory.js";
import { makeQuestions, writeSyntheticCorpus } from "./synthetic.js";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "10000" },
    queries: { type: "string", default: "300" },
    corpus: { type: "string" },
    data: { type: "string" },
    heap: { type: "string" },
    keep: { type: "boolean", default: false },
    phase: { type: "string" },
    ef: { type: "string" },
    glossary: { type: "string" },
  },
});

/** What a step reports: durations in ms, sizes in bytes, counts. */
type Figures = Partial<Record<string, number>> & { sample?: string; later?: string; sweep?: string };

const peakRss = () => process.resourceUsage().maxRSS * 1024;
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}
function percentiles(name: string, xs: number[]): Figures {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { [`${name}P50`]: at(50), [`${name}P95`]: at(95), [`${name}P99`]: at(99) };
}

/** Changes the first task of a corpus file (what the re-index steps measure). */
async function edit(file: string): Promise<void> {
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace(/\n1\. /, "\n1. Khẩn trương "));
}

/** One step, in this process: build, open, live (re-index an index already loaded), reindex (open a changed corpus) or ask. */
async function runPhase(name: string, o: { corpusDir: string; dataDir: string; queries: number }) {
  const concepts = await loadConcepts(values.glossary);
  const embeddings = createEmbeddings({}, { concepts });
  let embedded = 0;
  const embedDocuments = embeddings.embedDocuments.bind(embeddings);
  embeddings.embedDocuments = (texts: string[]) => {
    embedded += texts.length;
    return embedDocuments(texts);
  };
  const [engine, ms] = await timed(() => openEngine({ ...o, concepts, embeddings }));
  const { index } = engine;
  if (name === "live") {
    // The re-index alone: the index is loaded, then the file changes. (The bot watches no files: a
    // user runs `cadre index` or restarts it, which the "reindex" step and the command measure.)
    const docs = index.documents;
    const sample = docs[Math.floor(docs.length / 3)]?.versions[0]?.file ?? "";
    await edit(path.join(o.corpusDir, sample));
    embedded = 0;
    const [next, live] = await timed(() =>
      buildIndex({ ...o, embeddings, extractors: EXTRACTORS, log: () => {} }, index),
    );
    return { ms: live, openMs: ms, embedded, rss: peakRss(), passages: next.passageCount, sample };
  }
  if (name !== "ask") {
    const docs = index.documents;
    const sample = docs[Math.floor(docs.length / 2)]?.versions[0]?.file;
    const later = docs[Math.floor((docs.length * 2) / 3)]?.versions[0]?.file;
    return {
      ms,
      embedded,
      rss: peakRss(),
      documents: docs.length,
      passages: index.passageCount,
      points: index.vectors.size,
      sample,
      later,
    };
  }
  const questions = makeQuestions(index.documents, o.queries);
  const askMs: number[] = [];
  const askCpu: number[] = [];
  for (const q of questions) {
    const cpu = process.cpuUsage();
    askMs.push((await timed(() => engine.answerer.ask(q)))[1]);
    const used = process.cpuUsage(cpu);
    askCpu.push((used.user + used.system) / 1000);
  }
  const rss = peakRss();
  // The same question vectors: HNSW (the index) against exact search in MemoryVectorStore.
  const all: { vectors: number[][]; docs: LcDocument[] } = { vectors: [], docs: [] };
  for (const { ids, vector } of index.vectors.vectors()) {
    for (const id of ids) {
      all.vectors.push(vector);
      all.docs.push(new LcDocument({ pageContent: "", metadata: { id } }));
    }
  }
  const store = new MemoryVectorStore(index.embeddings);
  await store.addVectors(all.vectors, all.docs);
  const vectors = await Promise.all(questions.map((q) => index.embeddings.embedQuery(q)));
  // The exact top 10, equal distances ordered by id (as the index orders them).
  const exactMs: number[] = [];
  const exactTop: Set<number>[] = [];
  const tenths: number[] = [];
  for (const v of vectors) {
    const [exact, x] = await timed(() => store.similaritySearchVectorWithScore(v, 30));
    exactMs.push(x);
    const sorted = exact
      .map(([d, score]) => ({ id: Number(d.metadata.id), score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 10);
    exactTop.push(new Set(sorted.map((h) => h.id)));
    tenths.push(1 - (sorted.at(-1)?.score ?? 0));
  }
  /** HNSW at one search breadth: latency and recall@10 against the exact top 10. */
  const hnswAt = async (ef?: number) => {
    if (ef !== undefined) index.vectors.efSearch = ef;
    const ms: number[] = [];
    let recall = 0;
    let recallTies = 0;
    for (const [i, v] of vectors.entries()) {
      const [hnsw, h] = await timed(() => index.vectors.search(v, 10));
      ms.push(h);
      const want = exactTop[i] ?? new Set<number>();
      const n = Math.max(1, want.size);
      const tenth = tenths[i] ?? 0;
      recall += hnsw.filter((hit) => want.has(hit.id)).length / n;
      // Equal distances at the 10th place make "the" exact top 10 ambiguous: also count those (within
      // float32 precision: the graph stores float32, the exact baseline computes in float64).
      recallTies += hnsw.filter((hit) => want.has(hit.id) || hit.distance <= tenth + 1e-6).length / n;
    }
    return { ms, recall: recall / vectors.length, recallTies: recallTies / vectors.length };
  };
  const efs = values.ef ? values.ef.split(",").map(Number) : [];
  const sweep: string[] = [];
  for (const ef of efs) {
    const r = await hnswAt(ef);
    const p = percentiles("x", r.ms);
    sweep.push(
      `ef ${ef}: recall ${r.recall.toFixed(3)} (ties ${r.recallTies.toFixed(3)}), p50 ${p.xP50?.toFixed(2)} ms, p95 ${p.xP95?.toFixed(2)} ms`,
    );
  }
  index.vectors.efSearch = undefined;
  const { ms: hnswMs, recall, recallTies } = await hnswAt();
  return {
    questions: questions.length,
    rss,
    rssBaseline: peakRss(),
    recall,
    recallTies,
    sweep: sweep.join("\n"),
    ...percentiles("ask", askMs),
    ...percentiles("askCpu", askCpu),
    ...percentiles("hnsw", hnswMs),
    ...percentiles("exact", exactMs),
  };
}

if (values.phase) {
  // A child: one step, its figures as the last line of stdout.
  const figures = await runPhase(values.phase, {
    corpusDir: values.corpus ?? "",
    dataDir: values.data ?? "",
    queries: Number(values.queries),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

const N = Number(values.n);
const mb = (bytes = 0) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms = 0) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x = 0) => `${x.toFixed(1)} ms`;
const lat = (f: Figures, name: string) =>
  `p50 ${ms(f[`${name}P50`])}, p95 ${ms(f[`${name}P95`])}, p99 ${ms(f[`${name}P99`])}`;

const work = await mkdtemp(path.join(tmpdir(), "cadre-scale-"));
const corpusDir = values.corpus ?? path.join(work, "corpus");
const dataDir = values.data ?? path.join(work, "data");
if (!values.corpus) {
  const t = performance.now();
  await writeSyntheticCorpus(corpusDir, N);
  console.log(`synthetic corpus: ${N} documents written in ${s(performance.now() - t)} (${corpusDir})`);
}

/** Runs one step in a child process; stops the bench when it fails (e.g. out of memory). */
function phase(name: string): Figures {
  const heap = values.heap ? [`--max-old-space-size=${values.heap}`] : [];
  const args = [...heap, "--import", "tsx", import.meta.filename, "--phase", name];
  args.push("--corpus", corpusDir, "--data", dataDir, "--queries", String(values.queries));
  if (values.ef) args.push("--ef", values.ef);
  if (values.glossary) args.push("--glossary", values.glossary);
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !last.startsWith("{")) {
    const why = child.stderr.split("\n").find((l) => /FATAL|Error/.test(l)) ?? child.stderr.slice(-300);
    console.log(`${name}: FAILED (exit ${child.status ?? child.signal}): ${why.trim()}`);
    process.exit(1);
  }
  return JSON.parse(last) as Figures;
}

const build = phase("build");
console.log(
  `index build: ${s(build.ms)}, ${(N / ((build.ms ?? 1) / 1000)).toFixed(0)} docs/s (${build.documents} documents, ${build.passages} passages, ${build.points} distinct vectors); peak RSS ${mb(build.rss)}`,
);
const reopen = phase("open");
console.log(`open the built index (unchanged corpus): ${s(reopen.ms)}; peak RSS ${mb(reopen.rss)}`);

const live = phase("live");
console.log(
  `re-index after one changed file, on an index already loaded (${live.sample}): ${s(live.ms)}, ${live.embedded} passages embedded (the index was loaded first, in ${s(live.openMs)}); peak RSS ${mb(live.rss)}`,
);
await edit(path.join(corpusDir, String(build.sample)));
const reindex = phase("reindex");
console.log(
  `re-index after one changed file, in a new process (${build.sample}): ${s(reindex.ms)} from opening the index (its loading included) to done, ${reindex.embedded} passages embedded; peak RSS ${mb(reindex.rss)}`,
);

// The whole command as a user runs it: Node's start, loading the code and the glossary, the re-index
// and the exit.
await edit(path.join(corpusDir, String(build.later)));
const command = [
  path.join(import.meta.dirname, "../bin/cadre.js"),
  "index",
  "--corpus",
  corpusDir,
  "--data",
  dataDir,
];
const started = performance.now();
const run = spawnSync(process.execPath, command, { encoding: "utf8" });
if (run.status !== 0) {
  console.log(`cadre index: FAILED (exit ${run.status ?? run.signal}): ${run.stderr.trim().slice(-300)}`);
  process.exit(1);
}
console.log(
  `re-index after one changed file, the whole \`cadre index\` command (${build.later}): ${s(performance.now() - started)} wall time`,
);

const ask = phase("ask");
console.log(`ask, ${ask.questions} questions: ${lat(ask, "ask")}`);
console.log(`ask, CPU time of the process per question: ${lat(ask, "askCpu")}`);
console.log(`peak RSS of the process answering them: ${mb(ask.rss)}`);
console.log(`vector search HNSW, top 10: ${lat(ask, "hnsw")}`);
console.log(`vector search exact (MemoryVectorStore), top 10: ${lat(ask, "exact")}`);
console.log(`exact / HNSW latency at p50: ${((ask.exactP50 ?? 0) / (ask.hnswP50 || 1e-9)).toFixed(1)}x`);
console.log(
  `recall@10 of HNSW against exact: ${ask.recall?.toFixed(3)} (ties at the 10th place counted as found: ${ask.recallTies?.toFixed(3)})`,
);
if (ask.sweep) console.log(`HNSW search breadth (efSearch) sweep:\n${ask.sweep}`);
console.log(`peak RSS with the exact baseline loaded too: ${mb(ask.rssBaseline)}`);
const worst = Math.max(reopen.rss ?? 0, live.rss ?? 0, reindex.rss ?? 0, ask.rss ?? 0);
console.log(
  `peak RSS of the bot, worst step after the build: ${mb(worst)} (the build itself: ${mb(build.rss)})`,
);
console.log(
  `load average (1, 5, 15 min) at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(", ")} on ${cpus().length} cores`,
);
if (values.keep || values.corpus) console.log(`kept ${corpusDir} and ${dataDir}`);
else await rm(work, { recursive: true, force: true });
