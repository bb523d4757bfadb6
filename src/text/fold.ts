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

/** Characters by what `fold` makes of them (those it makes one character of), built on first use. */
let foldedFrom: Map<string, string[]> | null = null;

function variantsOf(c: string): string[] {
  if (!foldedFrom) {
    foldedFrom = new Map();
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const f = fold(ch);
      if (f.length !== 1) continue;
      const list = foldedFrom.get(f) ?? [];
      list.push(ch);
      foldedFrom.set(f, list);
    }
  }
  return foldedFrom.get(c) ?? [c];
}

const escapeClass = (chars: string[]) => chars.map((c) => `\\u{${c.codePointAt(0)?.toString(16)}}`).join("");

/**
 * A pattern that finds, in text as written, what `fold` followed by turning each run of other
 * characters than letters and digits into one space would make equal to `words` (folded words
 * separated by single spaces: "nghe an" finds "NGHỆ AN" and "Nghệ-An"). Testing a document with
 * it costs a scan, where folding the document first cost ~30 times as much.
 */
export function foldedPattern(words: string): RegExp {
  const parts = [...words].map((c) =>
    c === " " ? "[^\\p{L}\\p{N}]+" : `[${escapeClass(variantsOf(c))}][\\u0300-\\u036f]*`,
  );
  return new RegExp(parts.join(""), "u");
}
