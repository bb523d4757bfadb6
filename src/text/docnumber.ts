import { fold } from "./fold.js";

/**
 * Vietnamese document numbers ("số hiệu văn bản"): `1470-CV/TU`, `23-QĐ/TW`, `33/2021/CT-TTg`,
 * `112/KH-UBND`. They are identifiers: two spellings name the same document only when their keys
 * are equal, never because they look alike.
 */

// Digits, an optional "/year", then two to four groups of Latin capitals (Đ, Ư included) joined
// by "-" or "/". Lookarounds use ASCII only so that "文書1470-CV/TU号" still yields the number.
const NUMBER =
  /(?<![0-9A-Za-z])\d{1,5}(?:\/\d{4})?[/-][A-ZĐƯ][A-Za-zĐđƯư]{0,7}(?:[/-][A-ZĐƯ][A-Za-zĐđƯư]{0,7}){1,3}(?![0-9A-Za-z])/gu;

// What people type: "1470-cv/tu", "05-ct/tu" in lower case (questions only: in a document's text a
// lower-case group is ordinary prose, "2021-2025/năm").
const TYPED =
  /(?<![0-9A-Za-z])\d{1,5}(?:\/\d{4})?[/-][A-Za-zĐđƯư]{1,8}(?:[/-][A-Za-zĐđƯư]{1,8}){1,3}(?![0-9A-Za-z])/gu;

/** A document number found in text, with its offsets. */
export interface NumberMatch {
  text: string;
  key: string;
  start: number;
  end: number;
}

/** Every document number in `text`, in order; `anyCase` for typed questions ("1470-cv/tu"). */
export function findDocNumbers(text: string, opts: { anyCase?: boolean } = {}): NumberMatch[] {
  return [...text.matchAll(opts.anyCase ? TYPED : NUMBER)].map((m) => ({
    text: m[0],
    key: docKey(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The comparison key of a document number: capitals without diacritics (QĐ = QD), separators
 * unified, leading zeros and the year segment dropped (33/2021/CT-TTg = 33/CT-TTg).
 */
export function docKey(number: string): string {
  const folded = fold(number).toUpperCase().replace(/\s+/g, "");
  const parts = folded.split(/[/-]/).filter(Boolean);
  const [head, ...rest] = parts;
  const letters = rest.filter((p) => !/^\d{4}$/.test(p));
  return [String(Number.parseInt(head ?? "0", 10)), ...letters].join("-");
}

/** Index-friendly single token for a document number (lower-case key). */
export function docToken(number: string): string {
  return docKey(number).toLowerCase();
}
