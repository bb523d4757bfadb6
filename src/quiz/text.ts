import type { ConceptFinder } from "../search/index.js";
import { fold, type Lang, plainQuotes, squash } from "../text/index.js";

/**
 * Text helpers shared by the question builders and the verifier: the comparison form of a text,
 * containment that tolerates the ellipses of shortened options, shortening at word boundaries, and
 * verbatim windows around a fact.
 */

/** Marks text left out of a shortened option, gist or quote. */
export const ELLIPSIS = "…";

// Whole files and tasks are compared many times per quiz: their folded form is kept.
const normCache = new Map<string, string>();

/** The comparison form: folded (no case, no diacritics), plain quotes, single spaces. */
export function norm(text: string): string {
  const cached = normCache.get(text);
  if (cached !== undefined) return cached;
  const out = fold(plainQuotes(squash(text.normalize("NFC"))));
  if (text.length >= 200) {
    if (normCache.size >= 1000) normCache.clear();
    normCache.set(text, out);
  }
  return out;
}

/** The pieces of a possibly shortened text ("…a…b…" → ["a", "b"]), trimmed, empty ones dropped. */
export function pieces(text: string): string[] {
  return text
    .split(ELLIPSIS)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * True when every piece of `needle` (split at "…") occurs in `haystack`, in order, compared in
 * folded form. A needle with no text is never contained.
 */
export function contains(haystack: string, needle: string): boolean {
  const parts = pieces(needle).map(norm);
  if (parts.length === 0) return false;
  const hay = norm(haystack);
  let from = 0;
  for (const part of parts) {
    const at = hay.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** `text` cut to at most `max` characters at a word boundary, with "…" when anything was cut. */
export function shorten(text: string, max: number): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  if (!CJK.test(cut.slice(-10)) && space > max * 0.5) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:、，.。(«“"「-]+$/u, "")}${ELLIPSIS}`;
}

/**
 * A verbatim slice of `text` holding [start, end), widened to word boundaries up to `max`
 * characters (ellipses included), with "…" on each side that was cut.
 */
export function windowAround(text: string, start: number, end: number, max: number): string {
  const room = Math.max(0, max - (end - start) - 2);
  let lo = start - Math.floor(room / 2);
  let hi = end + Math.ceil(room / 2);
  if (lo < 0) [hi, lo] = [hi - lo, 0];
  if (hi > text.length) [lo, hi] = [Math.max(0, lo - (hi - text.length)), text.length];
  if (lo > 0 && !CJK.test(text[lo] ?? "")) lo = wordStart(text, lo, start);
  if (hi < text.length && !CJK.test(text[hi - 1] ?? "")) {
    const space = text.lastIndexOf(" ", hi);
    if (space >= end) hi = space;
  }
  const body = squash(text.slice(lo, hi));
  return `${lo > 0 ? ELLIPSIS : ""}${body}${hi < text.length ? ELLIPSIS : ""}`;
}

/** The first word start at or after `from` (before `limit`): a letter or digit after white space. */
export function wordStart(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    if (/\s/u.test(text[i - 1] ?? " ") && /[\p{L}\p{N}«“"(]/u.test(text[i] ?? "")) return i;
  }
  return limit;
}

/** Sentence spans of `text`: ends at . ! ? ; and their CJK forms (before a space or the end), or a line end. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+?(?:[.!?;](?=\s|$)|[。；！？]|(?=\n)|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    // A list bullet ("- 100% thủ tục…") is not part of the sentence.
    const lead = raw.length - raw.replace(/^\s*(?:[-–•*]\s+)?/u, "").length;
    const body = raw.slice(lead).trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/** The sentence of `text` that holds offset `at` (the whole text when none does). */
export function sentenceAt(text: string, at: number): { start: number; end: number } {
  return sentenceSpans(text).find((s) => at >= s.start && at < s.end) ?? { start: 0, end: text.length };
}

const FUNCTION_WORDS = new Set(
  "le la les l d de des du a au aux et en un une pour par sur dans avec the of and for to in by cua va cac nhung voi cho".split(
    " ",
  ),
);

/** The content words of a text, folded, with French/English plural -s/-x dropped. */
export function wordBag(text: string): Set<string> {
  const words = norm(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words.filter((w) => !FUNCTION_WORDS.has(w)).map((w) => (w.length > 3 ? w.replace(/[sx]$/u, "") : w)),
  );
}

/** Share of words two texts have in common (Jaccard index of their word bags). */
export function overlap(a: string, b: string): number {
  const x = wordBag(a);
  const y = wordBag(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** The first letter in upper case. */
export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * True when two names or slogans may mean the same thing, so one cannot be a distractor for the
 * other: same folded text, one inside the other, the same content words, or the same glossary
 * concepts ("Bureau politique" = "Politburo"). `loose` adds a half-shared vocabulary, for slogans
 * translated in several ways ("mobilisation de masse efficace" ≈ "… des masses qualifiées").
 */
export function sameThing(a: string, b: string, concepts: ConceptFinder, lang: Lang, loose = false): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x.includes(y) || y.includes(x)) return true;
  const bx = wordBag(a);
  const by = wordBag(b);
  if (bx.size === by.size && [...bx].every((w) => by.has(w))) return true;
  const ids = (s: string) => [...new Set(concepts.conceptsIn(s, lang).map((m) => m.id))].sort().join(" ");
  const cx = ids(a);
  if (cx && cx === ids(b)) return true;
  return loose && overlap(a, b) >= 0.5;
}
