import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConcepts } from "../../src/engine.js";
import {
  buildIndex,
  type CorpusIndex,
  loadIndex,
  openIndex,
  refreshIndex,
} from "../../src/search/corpus-index.js";
import type { NamedEmbeddings } from "../../src/search/embeddings-checked.js";
import { createEmbeddings } from "../../src/search/embeddings-factory.js";
import { currentGeneration } from "../../src/search/storage.js";
import { tokenize } from "../../src/search/tokenize.js";
import { VI_CORPUS } from "../support/engine.js";

// Incremental re-indexing with stable entry ids: what a changed, deleted or added file touches,
// what a crash before publishing leaves, and what happens to an index written in an older format.

const CHANGED = "cong-van-215-CV-HU-can-loc.md";
const DELETED = "ke-hoach-96-KH-TU-quang-binh.txt";
/** A word no fixture contains, put into a paragraph of the changed file. */
const MARKER = "xylophonic";

/** Puts MARKER into the first paragraph of the changed file. */
async function change(corpusDir: string): Promise<void> {
  const file = path.join(corpusDir, CHANGED);
  const text = await readFile(file, "utf8");
  expect(text).toContain("46 mô hình được");
  await writeFile(file, text.replace("46 mô hình được", `46 mô hình ${MARKER} được`));
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});
async function temp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cadre-incr-"));
  temps.push(dir);
  return dir;
}

/** The offline embedding, counting the passages it is asked to embed. */
async function counting(): Promise<{ embeddings: NamedEmbeddings; embedded: () => number }> {
  const embeddings = createEmbeddings({}, { concepts: await loadConcepts() });
  let n = 0;
  const embed = embeddings.embedDocuments.bind(embeddings);
  embeddings.embedDocuments = (texts: string[]) => {
    n += texts.length;
    return embed(texts);
  };
  return { embeddings, embedded: () => n };
}

async function setup() {
  const corpusDir = await temp();
  await cp(VI_CORPUS, corpusDir, { recursive: true });
  const dataDir = await temp();
  const counter = await counting();
  const log: string[] = [];
  const opts = { corpusDir, dataDir, embeddings: counter.embeddings, log: (l: string) => log.push(l) };
  const first = await openIndex(opts);
  return { ...opts, counter, first, logLines: log };
}

/** The published generation's manifest file and what it holds (for tests that alter it). */
async function publishedManifest(dataDir: string) {
  const file = path.join((await currentGeneration(dataDir)) ?? "", "manifest.json");
  return { file, manifest: JSON.parse(await readFile(file, "utf8")) };
}

const live = (index: CorpusIndex) => index.entries.filter((e) => e !== undefined);
const idsOf = (index: CorpusIndex, file: string) =>
  live(index)
    .filter((e) => e.version.file === file)
    .map((e) => e.id);
const search = (index: CorpusIndex, text: string) =>
  index.lexical.search([...tokenize(text, "vi").words, ...tokenize(text, "vi").anchors]);

describe("incremental re-index", () => {
  it("re-indexes only the changed file's passages: other ids, postings and vectors stay", async () => {
    const s = await setup();
    const before = new Map(live(s.first).map((e) => [e.id, e.passage.id]));
    const oldIds = idsOf(s.first, CHANGED);
    const embeddedBefore = s.counter.embedded();
    await change(s.corpusDir);

    const next = await openIndex(s);
    const newIds = idsOf(next, CHANGED);
    // Every other passage keeps its id; the changed file's passages all get new ones.
    for (const e of live(next)) {
      if (e.version.file !== CHANGED) expect(before.get(e.id)).toBe(e.passage.id);
    }
    expect(newIds.every((id) => !oldIds.includes(id) && id >= s.first.manifest.nextId)).toBe(true);
    expect(next.lexical.size).toBe(next.passageCount);
    expect(next.passageCount).toBe(s.first.passageCount - oldIds.length + newIds.length);
    // Only passages whose text is new were embedded (the appended paragraph), not the corpus.
    const embedded = s.counter.embedded() - embeddedBefore;
    expect(embedded).toBeGreaterThan(0);
    expect(embedded).toBeLessThanOrEqual(newIds.length);
    expect(embedded).toBeLessThan(s.first.passageCount / 4);
    // The new text is found, under its new id, in both indexes.
    const hit = search(next, MARKER)[0];
    expect(hit && next.entries[hit.id]?.version.file).toBe(CHANGED);
    const changed = next.entries[hit?.id ?? -1]?.passage.text ?? "";
    const vector = await s.embeddings.embedQuery(changed);
    const near = await next.vectors.search(vector, 3);
    expect(near.some((h) => newIds.includes(h.id))).toBe(true);
    expect(near.every((h) => !oldIds.includes(h.id))).toBe(true);

    // Only the touched document was written again, in a second segment; the first is shared.
    expect(next.manifest.segments.length).toBe(2);
    expect(next.manifest.segmentLines).toBe(s.first.documents.length + 1);

    // Reopened from disk, the same documents in the same order, the same ids and the same ranking.
    const reopened = await loadIndex(s.dataDir, s.embeddings);
    const shape = (i: CorpusIndex) =>
      i.documents.map((d) => [d.id, d.versions.map((v) => [v.file, v.hash, v.passages.map((p) => p.text)])]);
    expect(shape(reopened as CorpusIndex)).toEqual(shape(next));
    expect(reopened?.passageCount).toBe(next.passageCount);
    expect(search(reopened as CorpusIndex, "tiếp công dân khiếu nại")).toEqual(
      search(next, "tiếp công dân khiếu nại"),
    );
  });

  it("drops a deleted file's passages from every part of the index", async () => {
    const s = await setup();
    const gone = idsOf(s.first, DELETED);
    expect(gone.length).toBeGreaterThan(0);
    const points = s.first.vectors.size;
    await unlink(path.join(s.corpusDir, DELETED));

    const next = await openIndex(s);
    expect(idsOf(next, DELETED)).toEqual([]);
    expect(next.documents.some((d) => d.versions.some((v) => v.file === DELETED))).toBe(false);
    expect(next.lexical.size).toBe(s.first.passageCount - gone.length);
    expect(next.vectors.size).toBeLessThan(points);
    // "Quảng Bình" appears only in the deleted plan: no lexical or vector hit points at its ids.
    expect(search(next, "Quảng Bình").filter((h) => gone.includes(h.id))).toEqual([]);
    const vector = await s.embeddings.embedQuery(s.first.entries[gone[0] as number]?.passage.text ?? "");
    const near = await next.vectors.search(vector, 20);
    expect(near.filter((h) => gone.includes(h.id))).toEqual([]);
  });

  it("leaves the old index answering when the build dies between writing and publishing", async () => {
    const s = await setup();
    await change(s.corpusDir);
    const crash = () => Promise.reject(new Error("killed"));
    await expect(buildIndex({ ...s, beforePublish: crash })).rejects.toThrow("killed");
    // The unfinished generation was written, but CURRENT still names the old one.
    const gens = (await readdir(path.join(s.dataDir, "index"))).filter((n) => n.startsWith("gen-"));
    expect(gens.length).toBe(2);
    const old = await loadIndex(s.dataDir, s.embeddings);
    expect(old?.manifest.builtAt).toBe(s.first.manifest.builtAt);
    expect(search(old as CorpusIndex, MARKER)).toEqual([]);
    expect(search(old as CorpusIndex, "đối thoại người đứng đầu").length).toBeGreaterThan(0);
    // The next open sees the change and publishes it.
    const next = await openIndex(s);
    expect(search(next, MARKER).length).toBe(1);
  });

  it("rebuilds an index written in an older format, and says so", async () => {
    const s = await setup();
    const { file: manifestFile, manifest } = await publishedManifest(s.dataDir);
    await writeFile(manifestFile, JSON.stringify({ ...manifest, format: 1000 }));
    const embeddedBefore = s.counter.embedded();

    const next = await openIndex(s);
    expect(s.logLines.some((l) => l.includes("another format"))).toBe(true);
    expect(next.manifest.format).toBe(manifest.format);
    expect(next.passageCount).toBe(s.first.passageCount);
    expect(s.counter.embedded() - embeddedBefore).toBe(s.first.vectors.size);
    expect(search(next, "đối thoại người đứng đầu").length).toBeGreaterThan(0);
  });
});

describe("cadre index reading only what changed", () => {
  /** Everything a loaded index answers from, to compare two indexes of the same corpus. */
  async function facts(index: CorpusIndex, embeddings: NamedEmbeddings) {
    const texts = ["tiếp công dân khiếu nại", MARKER, "đối thoại người đứng đầu", "Quảng Bình"];
    const vectors = await Promise.all(texts.map((t) => embeddings.embedQuery(t)));
    return {
      documents: index.documents.map((d) => [d.id, d.versions.map((v) => [v.file, v.hash])]),
      entries: live(index).map((e) => [e.id, e.version.file, e.passage.text]),
      files: index.manifest.files.map((f) => [f.file, f.hash, f.firstId, f.passages, f.group]),
      nextId: index.manifest.nextId,
      lexical: texts.map((t) => search(index, t)),
      vectors: await Promise.all(vectors.map((v) => index.vectors.search(v, 10))),
      points: index.vectors.size,
    };
  }

  /** A second data folder holding the same index as `s.dataDir` now. */
  async function twin(s: Awaited<ReturnType<typeof setup>>) {
    const dataDir = await temp();
    await cp(s.dataDir, dataDir, { recursive: true });
    return { ...s, dataDir };
  }

  it("gives the index a whole build gives, over changes, deletions and a file joining a document", async () => {
    const s = await setup();
    const whole = await twin(s);
    await change(s.corpusDir);
    // A second file of the plan 112-KH-UBND: it joins that document, and its passages share the
    // first file's vectors (nothing to embed).
    await cp(
      path.join(s.corpusDir, "ke-hoach-112-KH-UBND-nghe-an.txt"),
      path.join(s.corpusDir, "ke-hoach-112-KH-UBND-nghe-an-ban-sao.txt"),
    );
    const embeddedBefore = s.counter.embedded();

    const summary = await refreshIndex(s);
    expect(summary.changesOnly).toBe(true);
    const embedded = s.counter.embedded() - embeddedBefore;
    const built = await buildIndex(whole);
    expect(s.counter.embedded() - embeddedBefore - embedded).toBe(embedded);
    expect(summary).toMatchObject({
      documents: built.documents.length,
      files: built.manifest.files.length,
      passages: built.passageCount,
    });
    const joined = built.documents.find((d) => d.versions.length === 2);
    expect(joined?.versions.map((v) => v.file)).toContain("ke-hoach-112-KH-UBND-nghe-an-ban-sao.txt");

    const changed = (await loadIndex(s.dataDir, s.embeddings)) as CorpusIndex;
    expect(await facts(changed, s.embeddings)).toEqual(await facts(built, s.embeddings));
    expect(search(changed, MARKER)).toHaveLength(1);

    // A second round on top of the first: the changes are carried on, the segments shared.
    const file = path.join(s.corpusDir, CHANGED);
    await writeFile(file, (await readFile(file, "utf8")).replace(MARKER, "xylographic"));
    expect((await refreshIndex(s)).changesOnly).toBe(true);
    await buildIndex(whole);
    const again = (await loadIndex(s.dataDir, s.embeddings)) as CorpusIndex;
    const wholeAgain = (await loadIndex(whole.dataDir, s.embeddings)) as CorpusIndex;
    expect(await facts(again, s.embeddings)).toEqual(await facts(wholeAgain, s.embeddings));
    expect(search(again, MARKER)).toEqual([]);
    expect(search(again, "xylographic")).toHaveLength(1);
    expect(again.manifest.segments).toHaveLength(3);

    // A deletion: 13 documents left, and 17 lines in the segments would be more than a quarter
    // superseded, so this round writes the documents whole (and is a build).
    await unlink(path.join(s.corpusDir, DELETED));
    const third = await refreshIndex(s);
    expect(third.changesOnly).toBe(false);
    await buildIndex(whole);
    const last = (await loadIndex(s.dataDir, s.embeddings)) as CorpusIndex;
    expect(await facts(last, s.embeddings)).toEqual(
      await facts((await loadIndex(whole.dataDir, s.embeddings)) as CorpusIndex, s.embeddings),
    );
    expect(idsOf(last, DELETED)).toEqual([]);
    expect(last.manifest.segments).toHaveLength(1);
  });

  it("builds when the index does not say where its documents are, and reads only changes after", async () => {
    const s = await setup();
    const { file: manifestFile, manifest } = await publishedManifest(s.dataDir);
    // As written before places were recorded.
    for (const f of manifest.files) delete f.at;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await change(s.corpusDir);

    const reads: number[] = [];
    const first = await refreshIndex({
      ...s,
      progress: (phase, done) => phase === "read" && reads.push(done),
    });
    expect(first.changesOnly).toBe(false);
    // The corpus was compared with the index once: the build took that comparison over.
    expect(reads).toEqual(Array.from({ length: first.files }, (_, i) => i + 1));
    expect(search((await loadIndex(s.dataDir, s.embeddings)) as CorpusIndex, MARKER)).toHaveLength(1);
    const file = path.join(s.corpusDir, CHANGED);
    await writeFile(file, (await readFile(file, "utf8")).replace(MARKER, "xylographic"));
    const second = await refreshIndex(s);
    expect(second.changesOnly).toBe(true);
    expect(second.passages).toBe(first.passages);
    expect(search((await loadIndex(s.dataDir, s.embeddings)) as CorpusIndex, "xylographic")).toHaveLength(1);
  });
});
