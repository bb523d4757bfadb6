/**
 * Figures as language-independent anchors: "74,34 %" (French, Vietnamese) and "74.34%" (English)
 * are one token, so a question in one language finds the figure written in another.
 */

const PERCENT = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?%/g;

/** Canonical tokens for the percentages in `text`, e.g. "74.34%". */
export function findPercentages(text: string): { token: string; start: number; end: number }[] {
  return [...text.matchAll(PERCENT)].map((m) => ({
    token: `${(m[1] ?? "").replace(",", ".")}%`,
    start: m.index,
    end: m.index + m[0].length,
  }));
}
