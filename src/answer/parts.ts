import { type Document, type DocumentVersion, type Passage, preamble } from "../corpus/index.js";
import { docKey, findDocNumbers, fold } from "../text/index.js";

/**
 * Parts of a document that answer questions about the document itself: the preamble lines giving
 * its legal basis ("Căn cứ Quy định số 11-QĐi/TW…", "Thực hiện Chỉ thị số 05-CT/TU…") and the
 * passage under its purpose heading ("I. MỤC ĐÍCH, YÊU CẦU").
 */

/** A slice of a version's text. */
export interface Span {
  start: number;
  end: number;
  passage: Passage;
}

const CONTINUES = /^[-–•+]?\s*(?:can cu|thuc hien)\b/u;

/**
 * The preamble's legal basis: the first run of paragraphs citing other documents (a "Căn cứ …" line
 * without a number continues a run), or null when the preamble cites none.
 */
export function basisSpan(doc: Document, version: DocumentVersion): Span | null {
  const own = doc.number ? docKey(doc.number) : null;
  const cites = (p: Passage) => findDocNumbers(p.text).some((n) => n.key !== own);
  const lines = preamble(version);
  const from = lines.findIndex(cites);
  const first = lines[from];
  if (!first) return null;
  let last = first;
  for (const p of lines.slice(from + 1)) {
    if (!cites(p) && !CONTINUES.test(fold(p.text))) break;
    last = p;
  }
  return { start: first.start, end: last.end, passage: first };
}

const PURPOSE_HEADING = /\bmuc dich\b|\bobjectifs?\b|\bpurposes?\b|目的/u;

/** The first passage under the version's purpose heading, or null without one. */
export function purposeSpan(version: DocumentVersion): Span | null {
  const p = version.passages.find((x) => x.heading !== null && PURPOSE_HEADING.test(fold(x.heading)));
  return p ? { start: p.start, end: p.end, passage: p } : null;
}
