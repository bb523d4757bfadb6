/**
 * Text folding shared by the parser, the indexes and question parsing.
 *
 * Vietnamese and French are searched both as written and with diacritics removed: cadres type
 * "nhiem vu" on phones without a Vietnamese keyboard, and "réforme"/"reforme" must meet.
 */

/** Lower-cases and removes diacritics (đ → d), keeping everything else. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .normalize("NFC");
}

/** Collapses runs of white space to one space and trims: the comparison form of a quote. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Maps full-width digits and letters (１２, Ａ) to ASCII, as Japanese input often has them. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The typographic apostrophes and quotes that French text mixes with ASCII ones. */
export function plainQuotes(text: string): string {
  return text.replace(/[\u2019\u2018\u02bc]/g, "'");
}
