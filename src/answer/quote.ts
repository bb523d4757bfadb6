import { sharesStem } from "../search/index.js";
import { fold } from "../text/index.js";

/**
 * Choosing what to quote. A quote is always a contiguous slice of the passage (so it stays a
 * verbatim substring of the file); long passages are cut at sentence boundaries, around the
 * sentences that hold the question's words.
 */

/** Longest quote shown in a chat reply, in characters. */
export const MAX_QUOTE = 1200;

/** Longest quote of a whole task or article: kept whole where a chat message (4096) allows. */
export const MAX_TASK_QUOTE = 3000;

function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.!?。;；\n]+(?:[.!?。;；]+|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/** The passage cut to at most `max` characters at a sentence end (whole when it fits). */
export function trimQuote(text: string, max = MAX_QUOTE): { quote: string; trimmed: boolean } {
  if (text.length <= max) return { quote: text, trimmed: false };
  let end = 0;
  for (const s of sentences(text)) {
    if (s.end > max) break;
    end = s.end;
  }
  if (end < max * 0.4) end = text.lastIndexOf(" ", max) > 0 ? text.lastIndexOf(" ", max) : max;
  return { quote: text.slice(0, end).trimEnd(), trimmed: true };
}

/** Longest quote cut around the question's words: a short paragraph, enough to read the answer in. */
export const FOCUS_QUOTE = 800;

/** Weight of a word held only through its stem ("urbanised" in "urbanisation"). */
const STEM_WEIGHT = 0.5;

/** Weight of a related word (a glossary term of the question's concepts) against a question word. */
const RELATED_WEIGHT = 0.3;

/**
 * The run of sentences in `text` that best covers `focus` words (folded), within `max` chars.
 * `related` words (the question's concepts in the passage's language) count for less than the
 * question's own words: a concept's long term ("Comité provincial du Parti") must not outweigh
 * the words the asker actually typed.
 */
export function focusQuote(
  text: string,
  focus: Set<string>,
  max = FOCUS_QUOTE,
  related: Set<string> = new Set(),
): { quote: string; trimmed: boolean } {
  if (text.length <= max || focus.size + related.size === 0) return trimQuote(text, Math.max(max, MAX_QUOTE));
  const spans = sentences(text);
  const score = spans.map((s) => {
    const slice = text.slice(s.start, s.end);
    const words = new Set(fold(slice).match(/[\p{L}\p{N}]+/gu) ?? []);
    const holds = (w: string) =>
      words.has(w) || (w.length > 1 && /[\u3040-\u9fff]/u.test(w) && slice.includes(w));
    let n = 0;
    for (const w of focus) if (holds(w)) n++;
    // A word also holds through its stem ("urbanised" in "le taux d'urbanisation"), as in coverage.
    for (const w of focus) if (!holds(w) && sharesStem(w, words)) n += STEM_WEIGHT;
    for (const w of related) if (!focus.has(w) && holds(w)) n += RELATED_WEIGHT;
    return n;
  });
  let best = 0;
  score.forEach((v, i) => {
    if (v > (score[best] ?? 0)) best = i;
  });
  let lo = best;
  let hi = best;
  const width = () => (spans[hi]?.end ?? 0) - (spans[lo]?.start ?? 0);
  // Grow towards neighbours that also hold focus words, then towards context, while it fits.
  for (let grew = true; grew; ) {
    grew = false;
    const next = spans[hi + 1];
    const prev = spans[lo - 1];
    if (next && (score[hi + 1] ?? 0) > 0 && next.end - (spans[lo]?.start ?? 0) <= max) {
      hi++;
      grew = true;
    } else if (prev && (score[lo - 1] ?? 0) > 0 && (spans[hi]?.end ?? 0) - prev.start <= max) {
      lo--;
      grew = true;
    }
  }
  if (width() < max / 3 && spans[hi + 1] && (spans[hi + 1]?.end ?? 0) - (spans[lo]?.start ?? 0) <= max) hi++;
  const start = spans[lo]?.start ?? 0;
  const end = spans[hi]?.end ?? text.length;
  return { quote: text.slice(start, end), trimmed: start > 0 || end < text.length };
}
