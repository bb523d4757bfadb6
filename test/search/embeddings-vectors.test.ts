import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Embeddings } from "@langchain/core/embeddings";
import { afterAll, describe, expect, it } from "vitest";
import type { Entry } from "../../src/search/index.js";
import { VectorIndex } from "../../src/search/vectors.js";
import { fakeVector } from "../support/fake-embeddings/index.js";

// The vector index over a model whose vectors are known: shared points, in-place rebuilds, filters.

class CountingEmbeddings extends Embeddings {
  embedded: string[] = [];
  constructor(
    readonly name: string,
    readonly size = 32,
  ) {
    super({});
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return texts.map((t) => fakeVector(this.name, t, this.size));
  }
  override async embedQuery(text: string): Promise<number[]> {
    return fakeVector(this.name, text, this.size);
  }
}

/** Entries with these passage texts, ids in order (only what the vector index reads). */
function entries(texts: string[]): Entry[] {
  return texts.map((text, id) => ({ id, lang: "vi", passage: { text, heading: null } }) as unknown as Entry);
}

const TEXTS = [
  "tiếp công dân định kỳ hằng tháng",
  "đối thoại trực tiếp với Nhân dân",
  "giải quyết khiếu nại tố cáo kéo dài",
  "chuyển đổi số và dịch vụ công trực tuyến",
  "phong trào thi đua dân vận khéo",
  "báo cáo kết quả trước ngày 15 tháng 12",
  "giám sát phản biện xã hội của Mặt trận",
  "tuyên truyền trên báo chí và mạng xã hội",
];

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function nearest(
  index: VectorIndex,
  model: Embeddings,
  text: string,
  k = 1,
  filter?: (id: number) => boolean,
) {
  return index.search(await model.embedQuery(text), k, filter);
}

/** Points in the saved graph, deleted ones included (what compaction removes). */
async function storedPoints(index: VectorIndex, model: Embeddings): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "cadre-vec-"));
  temps.push(dir);
  await index.save(dir);
  return (await HNSWLib.load(dir, model)).index.getCurrentCount();
}

describe("VectorIndex", () => {
  it("stores repeated content once and returns every entry that has it", async () => {
    const model = new CountingEmbeddings("m1");
    const index = await VectorIndex.build(entries([...TEXTS, TEXTS[2] ?? ""]), model);
    expect(model.embedded).toHaveLength(TEXTS.length);
    expect([...index.vectors()]).toHaveLength(TEXTS.length);
    const hits = await nearest(index, model, "giải quyết khiếu nại tố cáo kéo dài", 2);
    expect(hits.map((h) => h.id).sort()).toEqual([2, 8]);
    expect(hits[0]?.distance).toBeCloseTo(0, 5);
  });

  it("rebuilds in place: only new content is embedded, shifted ids are found, removed ones are gone", async () => {
    const model = new CountingEmbeddings("m1");
    const first = await VectorIndex.build(entries(TEXTS), model);
    model.embedded = [];
    // Passage 3 removed, one added in front: every id shifts.
    const next = ["lịch tiếp công dân của Bí thư", ...TEXTS.filter((_, i) => i !== 3)];
    const second = await VectorIndex.build(entries(next), model, first);
    expect(model.embedded).toEqual(["lịch tiếp công dân của Bí thư"]);
    for (const [id, text] of next.entries()) {
      expect((await nearest(second, model, text))[0]).toMatchObject({ id });
    }
    const all = await nearest(second, model, TEXTS[3] ?? "", 20);
    expect(all.map((h) => h.id).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await storedPoints(second, model)).toBe(TEXTS.length + 1);
  });

  it("compacts the graph when a quarter of it is deleted", async () => {
    const model = new CountingEmbeddings("m1");
    const first = await VectorIndex.build(entries(TEXTS), model);
    const next = [...TEXTS.slice(0, 4), "một", "hai", "ba", "bốn"];
    const second = await VectorIndex.build(entries(next), model, first);
    expect(await storedPoints(second, model)).toBe(8);
    for (const [id, text] of next.entries()) {
      expect((await nearest(second, model, text))[0]).toMatchObject({ id });
    }
  });

  it("never reuses a vector made by another embedding", async () => {
    const first = await VectorIndex.build(entries(TEXTS), new CountingEmbeddings("m1"));
    const other = new CountingEmbeddings("m2");
    const second = await VectorIndex.build(entries(TEXTS), other, first);
    expect(other.embedded).toHaveLength(TEXTS.length);
    expect((await nearest(second, other, TEXTS[5] ?? ""))[0]).toMatchObject({
      id: 5,
      distance: expect.closeTo(0, 5),
    });
  });

  it("re-embeds everything when the same model name starts giving vectors of another size", async () => {
    const first = await VectorIndex.build(entries(TEXTS), new CountingEmbeddings("m1", 32));
    const resized = new CountingEmbeddings("m1", 48);
    const second = await VectorIndex.build(entries([...TEXTS, "mới"]), resized, first);
    expect(new Set(resized.embedded).size).toBe(TEXTS.length + 1);
    expect(second.dimensions).toBe(48);
    expect((await nearest(second, resized, TEXTS[4] ?? ""))[0]).toMatchObject({ id: 4 });
  });

  it("searches only the ids a filter accepts, nearest first", async () => {
    const model = new CountingEmbeddings("m1");
    const index = await VectorIndex.build(entries(TEXTS), model);
    const hits = await nearest(
      index,
      model,
      "tiếp công dân và đối thoại với Nhân dân",
      5,
      (id) => id >= 1 && id <= 3,
    );
    expect(hits.map((h) => h.id)[0]).toBe(1);
    expect(hits.map((h) => h.id).sort()).toEqual([1, 2, 3]);
    expect(hits.map((h) => h.distance)).toEqual([...hits.map((h) => h.distance)].sort((a, b) => a - b));
  });

  it("keeps the old graph untouched when the model fails during a rebuild", async () => {
    const model = new CountingEmbeddings("m1");
    const first = await VectorIndex.build(entries(TEXTS), model);
    const failing = new CountingEmbeddings("m1");
    failing.embedDocuments = async () => {
      throw new Error("server down");
    };
    await expect(VectorIndex.build(entries([...TEXTS, "mới"]), failing, first)).rejects.toThrow(
      "server down",
    );
    expect((await nearest(first, model, TEXTS[6] ?? ""))[0]).toMatchObject({ id: 6 });
    expect(await storedPoints(first, model)).toBe(TEXTS.length);
  });
});

describe("saving a rebuilt VectorIndex", () => {
  const model = new CountingEmbeddings("m1");
  const folder = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cadre-vec-"));
    temps.push(dir);
    return dir;
  };
  const inode = async (dir: string) => (await stat(path.join(dir, "hnswlib.index"))).ino;
  const exists = (file: string) =>
    stat(file).then(
      () => true,
      () => false,
    );
  /** The nearest entry of each text, as [text, id] (what a reloaded index must give back). */
  const nearestOf = async (index: VectorIndex, texts: string[]) =>
    Promise.all(texts.map(async (t) => [t, (await nearest(index, model, t))[0]?.id]));

  it("shares the previous graph file and writes only the changes, which a load replays", async () => {
    const a = await folder();
    await (await VectorIndex.build(entries(TEXTS), model)).save(a);
    expect(await exists(path.join(a, "changes.json"))).toBe(false);
    // One passage removed, one added in front (every id shifts), one repeated (its point gets two ids).
    const next = ["lịch tiếp công dân của Bí thư", ...TEXTS.filter((_, i) => i !== 3), TEXTS[0] ?? ""];
    const second = await VectorIndex.build(
      entries(next),
      model,
      await VectorIndex.load(a, model, false),
      undefined,
      false,
    );
    const b = await folder();
    await second.save(b, a);
    expect(await inode(b)).toBe(await inode(a));
    const reloaded = await VectorIndex.load(b, model, false);
    expect(await nearestOf(reloaded, next)).toEqual(await nearestOf(second, next));
    expect((await nearest(reloaded, model, TEXTS[0] ?? "", 2)).map((h) => h.id).sort()).toEqual([1, 8]);
    expect(await nearest(reloaded, model, TEXTS[3] ?? "", 20)).toHaveLength(next.length);

    // A second round from the reloaded index: the added passage goes again, another comes; labels
    // of deleted points are not given again, and the changes are still counted from a's file.
    const third = ["hội nghị đối thoại cuối năm", ...next.slice(1, -1)];
    const rebuilt = await VectorIndex.build(entries(third), model, reloaded);
    const c = await folder();
    await rebuilt.save(c, b);
    expect(await inode(c)).toBe(await inode(a));
    const again = await VectorIndex.load(c, model, false);
    expect(await nearestOf(again, third)).toEqual(third.map((t, id) => [t, id]));
    expect(await nearest(again, model, "lịch tiếp công dân của Bí thư", 20)).toHaveLength(third.length);
  });

  it("changes an index opened without its graph, and leaves many changes to a whole write", async () => {
    const a = await folder();
    await (await VectorIndex.build(entries(TEXTS), model)).save(a);
    const all = entries([...TEXTS, "lịch tiếp công dân của Bí thư", TEXTS[0] ?? ""]);
    const opened = await VectorIndex.open(a);
    expect(opened?.size).toBe(TEXTS.length);
    // Passage 3 leaves; two come, one of them the same text as passage 0 (its point gets both ids).
    const removed = all.slice(3, 4);
    const added = all.slice(TEXTS.length);
    const changed = await opened?.update(removed, added, model);
    await expect(changed?.search([1, ...Array(31).fill(0)], 1)).rejects.toThrow("not searched");
    const b = await folder();
    await changed?.save(b, a);
    expect(await inode(b)).toBe(await inode(a));
    const reloaded = await VectorIndex.load(b, model, false);
    const kept = all.filter((e) => e.id !== 3);
    expect(await nearestOf(reloaded, [TEXTS[5] ?? "", "lịch tiếp công dân của Bí thư"])).toEqual([
      [TEXTS[5], 5],
      ["lịch tiếp công dân của Bí thư", TEXTS.length],
    ]);
    expect((await nearest(reloaded, model, TEXTS[0] ?? "", 2)).map((h) => h.id).sort()).toEqual([0, 9]);
    expect(await nearest(reloaded, model, TEXTS[3] ?? "", 20)).toHaveLength(kept.length);

    const many = entries([...TEXTS, ...Array.from({ length: 600 }, (_, i) => `đoạn văn số ${i}`)]);
    expect(await (await VectorIndex.open(a))?.update([], many.slice(TEXTS.length), model)).toBeNull();
  });

  it("writes the graph whole when the changes are many or the previous folder is gone", async () => {
    const many = Array.from({ length: 600 }, (_, i) => `đoạn văn số ${i} về công tác dân vận`);
    const a = await folder();
    await (await VectorIndex.build(entries(TEXTS), model)).save(a);
    const big = await VectorIndex.build(
      entries([...TEXTS, ...many]),
      model,
      await VectorIndex.load(a, model, false),
    );
    const b = await folder();
    await big.save(b, a);
    expect(await inode(b)).not.toBe(await inode(a));
    expect(await exists(path.join(b, "changes.json"))).toBe(false);
    const sample = many.slice(590);
    expect(await nearestOf(await VectorIndex.load(b, model, false), sample)).toEqual(
      await nearestOf(big, sample),
    );

    const small = await VectorIndex.build(
      entries([...TEXTS, "mới"]),
      model,
      await VectorIndex.load(a, model, false),
    );
    const c = await folder();
    await small.save(c, path.join(a, "missing"));
    expect(await exists(path.join(c, "changes.json"))).toBe(false);
    expect(await nearestOf(await VectorIndex.load(c, model, false), ["mới"])).toEqual([
      ["mới", TEXTS.length],
    ]);
  });
});
