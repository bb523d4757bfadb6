import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * What changed in an HNSW graph since the graph file it shares with earlier generations. Writing
 * the whole graph (~280 MB at 10,000 documents) cost a one-file re-index more than everything
 * else it does; a generation instead links the previous one's graph file and writes beside it
 * what changed since that file was written: points added (with their vectors), points deleted,
 * and points whose list of entries changed. Loading replays the changes; once they pass
 * `MAX_CHANGES` the graph is written whole again (replaying costs one insertion per added point).
 */

export const CHANGES_FILE = "changes.json";
/** Beyond this many changed points the graph is written whole. */
export const MAX_CHANGES = 512;

/** One HNSW point: its content key and the entries that have that content. */
export interface Point {
  key: string;
  ids: number[];
}

/** Changes since the graph file of `baseCount` points (labels are HNSW labels). */
export class Changes {
  readonly added = new Set<number>();
  readonly removed = new Set<number>();
  /** Points of the file whose entries changed. */
  readonly relisted = new Set<number>();

  constructor(readonly baseCount: number) {}

  add(label: number): void {
    this.added.add(label);
  }

  remove(label: number): void {
    if (this.added.delete(label)) return;
    this.removed.add(label);
    this.relisted.delete(label);
  }

  relist(label: number): void {
    if (!this.added.has(label)) this.relisted.add(label);
  }

  get size(): number {
    return this.added.size + this.removed.size + this.relisted.size;
  }
}

/** The changes file: the points to set (with a vector when added) and the labels to delete. */
interface ChangesJSON {
  baseCount: number;
  nextLabel: number;
  removed: number[];
  points: [label: number, key: string, ids: number[], vector: number[] | null][];
}

/** Writes the changes file into `dir` (beside the graph file it links). */
export async function writeChanges(
  dir: string,
  changes: Changes,
  nextLabel: number,
  points: ReadonlyMap<number, Point>,
  vectorOf: (label: number) => number[],
): Promise<void> {
  const listed: ChangesJSON["points"] = [];
  for (const label of [...changes.added, ...changes.relisted]) {
    const p = points.get(label);
    if (p) listed.push([label, p.key, p.ids, changes.added.has(label) ? vectorOf(label) : null]);
  }
  const json: ChangesJSON = {
    baseCount: changes.baseCount,
    nextLabel,
    removed: [...changes.removed],
    points: listed,
  };
  await writeFile(path.join(dir, CHANGES_FILE), JSON.stringify(json));
}

/** The graph operations a replay needs (hnswlib's HierarchicalNSW has them). */
interface Graph {
  getCurrentCount(): number;
  getMaxElements(): number;
  resizeIndex(n: number): void;
  markDelete(label: number): void;
  addPoint(vector: number[], label: number): void;
}

/**
 * Replays the changes file of `dir`, if any, on the graph and points read from its graph file.
 * Returns the changes (to carry on from) and the next free label. A file written against another
 * graph file is refused (the generation is then rebuilt).
 */
export async function replayChanges(
  dir: string,
  graph: Graph,
  points: Map<number, Point>,
): Promise<{ changes: Changes; nextLabel: number }> {
  const base = graph.getCurrentCount();
  let json: ChangesJSON;
  try {
    json = JSON.parse(await readFile(path.join(dir, CHANGES_FILE), "utf8")) as ChangesJSON;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return { changes: new Changes(base), nextLabel: base };
    throw e;
  }
  if (json.baseCount !== base)
    throw new Error(`${dir}: changes made to a graph of ${json.baseCount} points, not ${base}`);
  const changes = new Changes(base);
  for (const label of json.removed) {
    graph.markDelete(label);
    points.delete(label);
    changes.removed.add(label);
  }
  const adding = json.points.filter((p) => p[3] !== null).length;
  if (base + adding > graph.getMaxElements()) graph.resizeIndex(base + adding);
  for (const [label, key, ids, vector] of json.points) {
    points.set(label, { key, ids });
    if (vector) {
      graph.addPoint(vector, label);
      changes.added.add(label);
    } else changes.relisted.add(label);
  }
  return { changes, nextLabel: json.nextLabel };
}
