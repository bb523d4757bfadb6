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

/** A sum of money: a figure with its currency or scale ("60 triệu đồng", "2 milliards de dongs", "5億ドン"). */
const MONEY =
  /\d[\d.,\s]*\s*(?:dong|trieu|ty|nghin|vnd|usd|\$|€|euros?|dollars?|milliards?|millions?|円|ドン|億|万)/u;
/** A share: a percentage in any notation. */
const SHARE = /%|％|\b(?:phan tram|percent|pour cent)\b|パーセント|割/u;

/** True when folded `text` states a sum of money. */
export function statesMoney(folded: string): boolean {
  return MONEY.test(folded);
}

/** True when folded `text` states a share (a percentage in any notation). */
export function statesShare(folded: string): boolean {
  return SHARE.test(folded);
}
