/**
 * Deterministic stand-in for an embedding model: a hashed bag of folded words (diacritics and case
 * removed), seeded by the model name, L2-normalised. Texts that share words are near in cosine
 * distance, and two model names give unrelated vectors, as two real models would.
 */
export function fakeVector(model: string, text: string, dimensions: number): number[] {
  const v = new Float64Array(dimensions);
  const words =
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of words) {
    const h = fnv1a(`${model}\u0000${w}`);
    const i = h % dimensions;
    v[i] = (v[i] ?? 0) + (h & 0x80000000 ? -1 : 1);
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  // A text without words still gets a unit vector (a real model never returns zeros).
  if (norm === 0) v[fnv1a(model) % dimensions] = 1;
  norm = Math.sqrt(norm) || 1;
  return Array.from(v, (x) => x / norm);
}

/** A vector in OpenAI's `encoding_format: "base64"`: little-endian float32 bytes. */
export function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
