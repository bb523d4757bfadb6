/**
 * The packed form of one field's postings and the passes over it: variable-length encoding, a
 * decoder, and the linear rewrites that drop removed entries or append new ones.
 */

/** Postings of one field: term `t` has `counts[t]` postings in `bytes[offsets[t]..offsets[t+1]]`. */
export interface Packed {
  offsets: Uint32Array;
  counts: Uint32Array;
  /** The last id of each term's list (appending continues the gaps from it). */
  lastIds: Int32Array;
  bytes: Uint8Array;
  /** Postings of each term that belong to removed entries (skipped, and not counted). */
  dead: Uint32Array;
}

/** A growable byte list with variable-length unsigned integers. */
export class Bytes {
  data: Uint8Array;
  size = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }
  varint(x: number): void {
    if (this.size + 5 > this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    let v = x;
    while (v >= 0x80) {
      this.data[this.size++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.data[this.size++] = v;
  }
  copy(from: Uint8Array): void {
    while (this.size + from.length > this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data.set(from, this.size);
    this.size += from.length;
  }
}

/**
 * Calls `visit(id, tf)` for each posting in `bytes[from..to]`; the first gap counts from `start`
 * (a list queued after another continues from that list's last id).
 */
export function decode(
  bytes: Uint8Array,
  from: number,
  to: number,
  visit: (id: number, tf: number) => void,
  start = -1,
): void {
  let at = from;
  let id = start;
  while (at < to) {
    // Ids and counts stay below 2^28 (4 bytes of 7 bits), so bit operations are exact.
    let b = bytes[at++] as number;
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++] as number;
      gap |= (b & 0x7f) << shift;
    }
    b = bytes[at++] as number;
    let tf = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++] as number;
      tf |= (b & 0x7f) << shift;
    }
    id += gap;
    visit(id, tf);
  }
}

export const emptyPacked = (): Packed => ({
  offsets: new Uint32Array(1),
  counts: new Uint32Array(0),
  lastIds: new Int32Array(0),
  bytes: new Uint8Array(0),
  dead: new Uint32Array(0),
});

/** `p` without the postings of ids marked in `gone` (only lists with dead postings hold any). */
export function filterPacked(p: Packed, termCount: number, gone: Uint8Array): Packed {
  const offsets = new Uint32Array(termCount + 1);
  const counts = new Uint32Array(termCount);
  const lastIds = new Int32Array(termCount).fill(-1);
  const out = new Bytes(p.bytes.length);
  for (let t = 0; t < termCount; t++) {
    offsets[t] = out.size;
    const from = p.offsets[t] ?? 0;
    const to = p.offsets[t + 1] ?? from;
    if ((p.dead[t] ?? 0) === 0) {
      out.copy(p.bytes.subarray(from, to));
      counts[t] = p.counts[t] ?? 0;
      lastIds[t] = p.lastIds[t] ?? -1;
      continue;
    }
    let last = -1;
    decode(p.bytes, from, to, (id, tf) => {
      if (gone[id] === 1) return;
      out.varint(id - last);
      out.varint(tf);
      last = id;
      counts[t] = (counts[t] ?? 0) + 1;
    });
    lastIds[t] = last;
  }
  offsets[termCount] = out.size;
  return { offsets, counts, lastIds, bytes: out.data.slice(0, out.size), dead: new Uint32Array(termCount) };
}

/** Postings queued for one field, already encoded: per term number, its new postings and their last id. */
export interface Queue {
  lists: (Bytes | undefined)[];
  counts: number[];
  lastIds: number[];
}

export const emptyQueue = (): Queue => ({ lists: [], counts: [], lastIds: [] });

/**
 * Appends posting (`id`, `tf`) to term `t` of the queue; the gap continues from the term's last
 * id, queued or else held in `p`. Ids must ascend above every id held or queued.
 */
export function queuePosting(q: Queue, p: Packed, t: number, id: number, tf: number): void {
  let list = q.lists[t];
  if (!list) {
    list = new Bytes(16);
    q.lists[t] = list;
  }
  list.varint(id - (q.lastIds[t] ?? p.lastIds[t] ?? -1));
  list.varint(tf);
  q.lastIds[t] = id;
  q.counts[t] = (q.counts[t] ?? 0) + 1;
}

/** The number of bytes queued in `q`. */
export function queuedBytes(q: Queue): number {
  let size = 0;
  for (const list of q.lists) size += list?.size ?? 0;
  return size;
}

/** A copy of `q` that can be appended to without changing `q`. */
export function copyQueue(q: Queue): Queue {
  const lists = q.lists.map((list) => {
    if (!list) return undefined;
    const copy = new Bytes(list.size);
    copy.copy(list.data.subarray(0, list.size));
    return copy;
  });
  return { lists, counts: [...q.counts], lastIds: [...q.lastIds] };
}

/**
 * `p` with, per term, the queued postings after its own, so each term's ids stay ascending. The
 * bytes come as pieces in order, views of `p.bytes` and of the queued lists: nothing is copied.
 */
export function mergedPieces(
  p: Packed,
  termCount: number,
  q: Queue,
): { packed: Omit<Packed, "bytes">; pieces: Uint8Array[]; size: number } {
  const oldTerms = p.counts.length;
  const offsets = new Uint32Array(termCount + 1);
  const counts = new Uint32Array(termCount);
  const lastIds = new Int32Array(termCount).fill(-1);
  const dead = new Uint32Array(termCount);
  counts.set(p.counts);
  lastIds.set(p.lastIds);
  dead.set(p.dead.subarray(0, termCount));
  const pieces: Uint8Array[] = [];
  // A run of held lists is one piece, cut where a term has queued postings to insert.
  let runFrom = 0;
  let shift = 0;
  for (let t = 0; t < termCount; t++) {
    const end = t < oldTerms ? (p.offsets[t + 1] ?? 0) : p.bytes.length;
    offsets[t] = (t < oldTerms ? (p.offsets[t] ?? 0) : p.bytes.length) + shift;
    const list = q.lists[t];
    if (!list) continue;
    pieces.push(p.bytes.subarray(runFrom, end), list.data.subarray(0, list.size));
    runFrom = end;
    shift += list.size;
    counts[t] = (counts[t] ?? 0) + (q.counts[t] ?? 0);
    lastIds[t] = q.lastIds[t] ?? -1;
  }
  pieces.push(p.bytes.subarray(runFrom));
  const size = p.bytes.length + shift;
  offsets[termCount] = size;
  return { packed: { offsets, counts, lastIds, dead }, pieces: pieces.filter((x) => x.length > 0), size };
}

/** `p` with the queued postings merged in (`mergedPieces` joined): one allocation of the exact size. */
export function mergePacked(p: Packed, termCount: number, q: Queue): Packed {
  const { packed, pieces, size } = mergedPieces(p, termCount, q);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return { ...packed, bytes };
}
