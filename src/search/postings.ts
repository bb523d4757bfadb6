/**
 * Packed postings of the lexical index: per field (0 = passage text, 1 = context), for each term
 * the ascending entry ids that hold it and how often, as variable-length bytes (the gap to the
 * previous id, then the count: ~2 bytes a posting, against ~100 for a MiniSearch map entry), plus
 * each entry's field lengths. At 10,000 documents (28 million postings) that is ~60 MB. Entries
 * appended with ids above the ones held wait in a tail of per-term lists, read after the packed
 * ones, so a re-index copies none of the ~60 MB; the tail is merged in one linear pass once it
 * passes an eighth of the packed bytes (and when saved, as pieces, so no joined copy is made).
 * Removing entries marks their postings (skipped and not counted) until they are a quarter of the
 * entries, when they are dropped. A copy is saved to one file.
 */

import { closeSync, openSync, readSync } from "node:fs";
import {
  copyQueue,
  decode,
  emptyPacked,
  emptyQueue,
  filterPacked,
  mergedPieces,
  mergePacked,
  type Packed,
  type Queue,
  queuedBytes,
  queuePosting,
} from "./postings-pack.js";

/** The tokens of one field of one entry: term → occurrences. */
export type Field = Map<string, number>;

/** 0 = passage text, 1 = context (number, title, heading). */
export type FieldId = 0 | 1;

const FORMAT = 3;

/** The postings of both fields, the entries' field lengths and the marks of removed entries. */
export class Postings {
  private readonly termIds = new Map<string, number>();
  /** The terms in code-unit order, built on first prefix lookup and dropped when terms are added. */
  private sorted: string[] | null = null;
  /** Entries queued by `queue`: their ids and field lengths, and their postings per field. */
  private queued: { ids: number[]; lengths: [number[], number[]]; postings: [Queue, Queue] } | null = null;

  private constructor(
    private readonly terms: string[],
    private readonly fields: [Packed, Packed],
    private readonly lengths: [Uint16Array, Uint16Array],
    private readonly sums: [number, number],
    /** Entries held. */
    public count: number,
    /** One above the highest id ever held. */
    public nextId: number,
    /** Removed entries whose postings are still in the lists (marked 1). */
    private readonly gone = new Uint8Array(0),
    /** Per field, postings appended after the packed lists and not merged into them yet. */
    private tail: [Queue, Queue] | null = null,
  ) {
    terms.forEach((t, i) => {
      this.termIds.set(t, i);
    });
  }

  static empty(): Postings {
    const lengths: [Uint16Array, Uint16Array] = [new Uint16Array(0), new Uint16Array(0)];
    return new Postings([], [emptyPacked(), emptyPacked()], lengths, [0, 0], 0, 0);
  }

  /** How many entries hold `term` in field `f`. */
  frequency(term: string, f: FieldId): number {
    const t = this.termIds.get(term);
    const p = this.fields[f];
    return t === undefined ? 0 : (p.counts[t] ?? 0) + (this.tail?.[f].counts[t] ?? 0) - (p.dead[t] ?? 0);
  }

  /** Calls `visit(id, tf)` for each entry holding `term` in field `f`, by ascending id. */
  visit(term: string, f: FieldId, visit: (id: number, tf: number) => void): void {
    const t = this.termIds.get(term);
    if (t === undefined) return;
    const p = this.fields[f];
    const gone = this.gone;
    const live = (p.dead[t] ?? 0) === 0 ? visit : (id: number, tf: number) => gone[id] !== 1 && visit(id, tf);
    decode(p.bytes, p.offsets[t] ?? 0, p.offsets[t + 1] ?? 0, live);
    const later = this.tail?.[f].lists[t];
    if (later) decode(later.data, 0, later.size, live, p.lastIds[t] ?? -1);
  }

  /** Terms beginning with `prefix` (held or not: check their frequency), at most `limit`. */
  termsStartingWith(prefix: string, limit: number): string[] {
    this.sorted ??= [...this.terms].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < limit && sorted[i]?.startsWith(prefix); i++)
      out.push(sorted[i] as string);
    return out;
  }

  /** Distinct terms of entry `id` in field `f`. */
  length(id: number, f: FieldId): number {
    return this.lengths[f][id] ?? 0;
  }

  /** Average field length over the entries held. */
  avgLength(f: FieldId): number {
    return this.count > 0 ? this.sums[f] / this.count : 0;
  }

  /** How many entries hold `term` in either field. */
  docFrequency(term: string): number {
    // Both lists ascend: count their union by merging.
    const lists = ([0, 1] as const).map((f) => {
      const ids = new Int32Array(this.frequency(term, f));
      let n = 0;
      this.visit(term, f, (id) => {
        ids[n++] = id;
      });
      return ids;
    });
    const [a, b] = lists as [Int32Array, Int32Array];
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length && j < b.length) {
      const x = a[i] as number;
      const y = b[j] as number;
      n++;
      if (x <= y) i++;
      if (y <= x) j++;
    }
    return n + (a.length - i) + (b.length - j);
  }

  /**
   * A copy without the `removed` entries (held ones, with the fields they were indexed with): their
   * postings are marked, not rewritten, until they are a quarter of the entries.
   */
  without(removed: { id: number; fields: [Field, Field] }[]): Postings {
    const gone = new Uint8Array(this.nextId);
    gone.set(this.gone.subarray(0, this.nextId));
    const dead = this.fields.map((p) => {
      const d = new Uint32Array(this.terms.length);
      d.set(p.dead);
      return d;
    }) as [Uint32Array, Uint32Array];
    const lengths = this.lengths.map((l) => l.slice()) as [Uint16Array, Uint16Array];
    const sums: [number, number] = [...this.sums];
    let count = this.count;
    for (const { id, fields } of removed) {
      if (id >= this.nextId || gone[id] === 1) continue;
      gone[id] = 1;
      for (const f of [0, 1] as const) {
        sums[f] -= lengths[f][id] ?? 0;
        lengths[f][id] = 0;
        for (const term of fields[f].keys()) {
          const t = this.termIds.get(term);
          if (t !== undefined) dead[f][t] = (dead[f][t] ?? 0) + 1;
        }
      }
      count--;
    }
    let fields = this.fields.map((p, f) => ({ ...p, dead: dead[f as FieldId] })) as [Packed, Packed];
    let marked = gone;
    let tail = this.tail && ([copyQueue(this.tail[0]), copyQueue(this.tail[1])] as [Queue, Queue]);
    if (gone.reduce((n, x) => n + x, 0) > count / 4) {
      const terms = this.terms.length;
      fields = fields.map((p, f) => {
        const whole = tail ? mergePacked(p, terms, tail[f as FieldId]) : p;
        return filterPacked(whole, terms, gone);
      }) as [Packed, Packed];
      marked = new Uint8Array(this.nextId);
      tail = null;
    }
    return new Postings([...this.terms], fields, lengths, sums, count, this.nextId, marked, tail);
  }

  /**
   * Adds entries (ascending ids, each above `nextId - 1`), in place, to the tail: the packed lists
   * are rewritten only when the tail has grown past an eighth of them.
   */
  append(entries: Iterable<{ id: number; fields: [Field, Field] }>): void {
    // Checked first: an entry refused midway would leave the ones before it in the tail, uncounted.
    const list = [...entries];
    let last = this.nextId - 1;
    for (const { id } of list) {
      if (id <= last) throw new Error(`lexical index: entry ${id} is not above ${last}`);
      last = id;
    }
    for (const e of list) this.queue(e.id, e.fields);
    const q = this.queued;
    if (!q) return;
    this.tail = q.postings;
    this.flush(this.tailBytes > (this.fields[0].bytes.length + this.fields[1].bytes.length) / 8);
  }

  /**
   * Queues one entry (its id above every id held or queued), its postings already encoded, so
   * that the term maps of the caller die young; `flush` merges the queue into the lists.
   */
  queue(id: number, fields: [Field, Field]): void {
    if (id < this.nextId) throw new Error(`lexical index: entry ${id} is not above ${this.nextId - 1}`);
    this.nextId = id + 1;
    // Postings queued after a tail continue it (their gaps count from its last ids).
    this.queued ??= { ids: [], lengths: [[], []], postings: this.tail ?? [emptyQueue(), emptyQueue()] };
    const q = this.queued;
    q.ids.push(id);
    for (const f of [0, 1] as const) {
      q.lengths[f].push(fields[f].size);
      for (const [term, tf] of fields[f]) {
        let t = this.termIds.get(term);
        if (t === undefined) {
          t = this.terms.length;
          this.terms.push(term);
          this.sorted = null;
          this.termIds.set(term, t);
        }
        queuePosting(q.postings[f], this.fields[f], t, id, tf);
      }
    }
  }

  /** Counts the queued entries in and merges their postings into the lists (with `merge` false they stay queued, as the tail). */
  flush(merge = true): void {
    const q = this.queued;
    this.queued = null;
    if (!q || q.ids.length === 0) return;
    const ids = q.ids;
    for (const f of [0, 1] as const) {
      const grown = new Uint16Array(this.nextId);
      grown.set(this.lengths[f].subarray(0, Math.min(this.lengths[f].length, this.nextId)));
      const lengths = q.lengths[f];
      ids.forEach((id, i) => {
        const len = lengths[i] ?? 0;
        grown[id] = Math.min(len, 0xffff);
        this.sums[f] += len;
      });
      this.lengths[f] = grown;
      if (merge) this.fields[f] = mergePacked(this.fields[f], this.terms.length, q.postings[f]);
    }
    if (merge) this.tail = null;
    this.count += ids.length;
  }

  /**
   * The saved form (read back with `fromFile`), in parts that share the arrays' memory, so a file
   * takes them without a joined copy.
   */
  toBuffers(): Buffer[] {
    // Each section is a list of pieces: a field's bytes with a tail are its runs and the tail's lists.
    const sections: ArrayBufferView[][] = [];
    this.fields.forEach((p, f) => {
      const later = this.tail?.[f];
      const { packed, pieces } = later
        ? mergedPieces(p, this.terms.length, later)
        : { packed: p, pieces: [p.bytes] };
      sections.push([packed.offsets], [packed.counts], [packed.lastIds], pieces, [packed.dead]);
    });
    sections.push(...this.lengths.map((l) => [l]), [this.gone]);
    const terms = Buffer.from(this.terms.join("\n"), "utf8");
    const header = {
      format: FORMAT,
      count: this.count,
      nextId: this.nextId,
      sums: this.sums,
      sizes: sections.map((pieces) => pieces.reduce((n, a) => n + a.byteLength, 0)),
      termBytes: terms.length,
    };
    const head = Buffer.from(JSON.stringify(header), "utf8");
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    const views = sections.flat().map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return [len, head, terms, ...views];
  }

  /** Bytes of postings appended and not yet merged into the packed lists. */
  get tailBytes(): number {
    return this.tail ? queuedBytes(this.tail[0]) + queuedBytes(this.tail[1]) : 0;
  }

  /**
   * Restores postings saved to `file` from `toBuffers`, each section read into its own array (typed
   * arrays need aligned offsets): the file is never held whole next to the copies (~70 MB at 10,000
   * documents). Throws on another format.
   */
  static fromFile(file: string): Postings {
    const fd = openSync(file, "r");
    try {
      let at = 0;
      const take = (size: number) => {
        const out = new Uint8Array(size);
        for (let done = 0; done < size; ) {
          const n = readSync(fd, out, done, size - done, at + done);
          if (n === 0) throw new Error(`lexical index: ${file} ends early`);
          done += n;
        }
        at += size;
        return out;
      };
      const headLen = Buffer.from(take(4).buffer).readUInt32LE(0);
      const header = JSON.parse(Buffer.from(take(headLen).buffer).toString("utf8")) as {
        format: number;
        count: number;
        nextId: number;
        sums: [number, number];
        sizes: number[];
        termBytes: number;
      };
      // Format 2 had no marks of removed entries.
      const marks = header.format === FORMAT;
      if (!marks && header.format !== 2) throw new Error(`lexical index: format ${header.format}`);
      const text = Buffer.from(take(header.termBytes).buffer).toString("utf8");
      const terms = text.length > 0 ? text.split("\n") : [];
      let section = 0;
      const next = () => take(header.sizes[section++] ?? 0).buffer;
      const packed = (): Packed => ({
        offsets: new Uint32Array(next()),
        counts: new Uint32Array(next()),
        lastIds: new Int32Array(next()),
        bytes: new Uint8Array(next()),
        dead: marks ? new Uint32Array(next()) : new Uint32Array(terms.length),
      });
      const fields: [Packed, Packed] = [packed(), packed()];
      const lengths: [Uint16Array, Uint16Array] = [new Uint16Array(next()), new Uint16Array(next())];
      const gone = marks ? new Uint8Array(next()) : new Uint8Array(header.nextId);
      return new Postings(terms, fields, lengths, header.sums, header.count, header.nextId, gone);
    } finally {
      closeSync(fd);
    }
  }
}
