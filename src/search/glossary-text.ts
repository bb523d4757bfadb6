/**
 * Text normalisation shared by the glossary's compiler and its matcher. Both sides must use the very
 * same functions: a glossary form and a passage word match when their keys are equal.
 */

/** The matching keys of one word (Latin scripts: Vietnamese, French, English). */
export interface WordKeys {
  /** Lower-cased letters without diacritics plus the sorted diacritics, light plural removed. */
  readonly key: string;
  /** Lower-cased letters without diacritics (đ → d, œ → oe), light plural removed. */
  readonly fold: string;
  /** True when the word carries any diacritic: then only `key` may match it. */
  readonly marked: boolean;
  /** Function word ("de", "des", "the", "của"…) that a passage may have inside a term. */
  readonly skippable: boolean;
  /** Carries a diacritic only Vietnamese uses (ă ơ ư đ, hook above, dot below, tilde). */
  readonly vietnamese: boolean;
}

/** One word of a passage, with its position in the original string. */
export interface Word {
  /** Shared by every occurrence of the same spelling (cached), so never copied per word. */
  readonly keys: WordKeys;
  readonly start: number;
  readonly end: number;
  /** Punctuation or a line break separates this word from the previous one: no term spans it. */
  readonly breakBefore: boolean;
}

// Function words that vary freely inside a term ("mobilisation des masses" / "mobilisation de masse",
// "công tác dân vận của chính quyền", "People's Committee"). They are dropped from glossary forms and
// skipped in passages, never required.
const STOP_WORDS = new Set([
  "de",
  "des",
  "du",
  "la",
  "le",
  "les",
  "l",
  "d",
  "à",
  "au",
  "aux",
  "the",
  "of",
  "s",
  "của",
]);
// The same words as written without diacritics ("cua", "a"): skippable in unaccented text too.
const STOP_FOLDS = new Set([...STOP_WORDS].map((w) => splitMarks(w).base));

// Vietnamese syllables never end in -s or -x, so this light plural rule only touches French and
// English ("plaintes" → "plainte", "niveaux" → "niveau", "complaints" → "complaint").
function stripPlural(base: string): string {
  if (base.length <= 3) return base;
  if (base.endsWith("x") && (base.endsWith("aux") || base.endsWith("eux"))) return base.slice(0, -1);
  if (base.endsWith("s") && !base.endsWith("ss")) return base.slice(0, -1);
  return base;
}

function isCombining(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

// Letters and diacritics apart. The diacritics are sorted so that the old and new Vietnamese tone
// placements ("hoà"/"hòa", "uỷ"/"ủy") give the same key.
function splitMarks(lower: string): { base: string; marks: string } {
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { base: lower, marks: "" };
  const nfd = lower.normalize("NFD");
  let base = "";
  const marks: string[] = [];
  for (const ch of nfd) {
    const code = ch.charCodeAt(0);
    if (isCombining(code)) marks.push(ch);
    else if (ch === "đ") {
      base += "d";
      marks.push(ch);
    } else if (ch === "œ") {
      base += "oe";
      marks.push(ch);
    } else if (ch === "æ") {
      base += "ae";
      marks.push(ch);
    } else base += ch;
  }
  return { base, marks: marks.sort().join("") };
}

// Breve (ă), horn (ơ ư), hook above, dot below, tilde, and đ: French and English never use them.
const VIETNAMESE_MARKS = /[\u0306\u031b\u0309\u0323\u0303đ]/;

function computeKeys(raw: string): WordKeys {
  const lower = raw.toLowerCase().normalize("NFC");
  const { base, marks } = splitMarks(lower);
  const fold = stripPlural(base);
  const marked = marks.length > 0;
  return {
    key: marked ? `${fold}\u0001${marks}` : fold,
    fold,
    marked,
    skippable: STOP_WORDS.has(lower) || (!marked && STOP_FOLDS.has(base)),
    vietnamese: marked && VIETNAMESE_MARKS.test(marks),
  };
}

// A corpus has a small vocabulary: caching the keys of each distinct word avoids normalising the
// same words millions of times while indexing. Cleared when full rather than tracked as an LRU.
const CACHE_LIMIT = 200_000;
const keyCache = new Map<string, WordKeys>();

/** The matching keys of one word, as `tokenizeLatin` computes them. */
export function wordKeys(raw: string): WordKeys {
  let keys = keyCache.get(raw);
  if (keys === undefined) {
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    keys = computeKeys(raw);
    keyCache.set(raw, keys);
  }
  return keys;
}

// Letters, combining marks and digits make words; everything else separates them. Latin letters,
// Vietnamese and combining marks are decided by code ranges (the hot path); the rest by Unicode class.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)) return true;
  // Surrogate halves: a character outside the BMP is kept with its word (letters there are rare).
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return WORD_CHAR.test(String.fromCharCode(code));
}

// Characters allowed between two words of one term: spaces, apostrophes (' and ’ alike, so
// "l'accueil" = "l’accueil") and hyphens ("chính trị - xã hội", "socio-économique").
function isJoiner(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x2009 ||
    code === 0x27 ||
    code === 0x2019 ||
    code === 0x2018 ||
    code === 0x2bc ||
    code === 0x2d ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2013
  );
}

/**
 * The keys of any date ("30/6", "30 tháng 6 năm 2024", "30 June", "June 30, 2024", "1er juillet"):
 * one word, so that a form may hold a date standing for every date ("before 30 June").
 */
const DATE_KEYS: WordKeys = {
  key: "\u0002date",
  fold: "\u0002date",
  marked: false,
  skippable: false,
  vietnamese: false,
};

const MONTH =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|" +
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)";
// Day and month, with or without the year: by slashes, in Vietnamese words, or with a month name.
// Groups 1 and 2 hold the day and the month when they are figures, checked for range.
const DATES: readonly RegExp[] = [
  /(?<![\p{L}\p{N}/.,])(\d{1,2})\/(\d{1,2})(?:\/\d{4}|\/\d{2})?(?![\p{N}/])/gu,
  /(?<![\p{L}\p{N}/.,])(\d{1,2})[.-](\d{1,2})[.-]\d{4}(?![\p{N}/.-])/gu,
  /(?<![\p{N}-])\d{4}-\d{2}-\d{2}(?![\p{N}-])/gu,
  /(?<![\p{L}\p{N}])(\d{1,2})\s+th[aá]ng\s+(\d{1,2})(?:\s+n[aă]m\s+\d{4})?(?!\p{N})/giu,
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:er|st|nd|rd|th)?\s+${MONTH}(?:\s+\d{4})?(?![\p{L}\p{N}])`,
    "giu",
  ),
  new RegExp(
    String.raw`(?<!\p{L})${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\p{L}\p{N}])`,
    "giu",
  ),
];

// The [start, end) of each date in `text`, in order and apart; text without a digit has none.
function datesIn(text: string): [number, number][] {
  if (!/\d/.test(text)) return [];
  const found: [number, number][] = [];
  for (const re of DATES) {
    for (const m of text.matchAll(re)) {
      const day = Number(m[1] ?? 1);
      const month = Number(m[2] ?? 1);
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) found.push([m.index, m.index + m[0].length]);
    }
  }
  found.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: [number, number][] = [];
  for (const d of found) if (out.length === 0 || d[0] >= out[out.length - 1]![1]) out.push(d);
  return out;
}

// A percent sign is a word of its own, so that a form can name it: "96,5 %" and "96.5%" are a rate.
function isPercent(code: number): boolean {
  return code === 0x25 || code === 0xff05;
}

// A decimal or thousands separator between two digits ("96,5", "1.000") does not end the figure.
function insideFigure(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    (code === 0x2c || code === 0x2e) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Splits a passage into words with their keys and offsets, for matching Latin-script terms. */
export function tokenizeLatin(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  const dates = datesIn(text);
  let nextDate = 0;
  let breakBefore = false;
  let i = 0;
  while (i < n) {
    while (nextDate < dates.length && dates[nextDate]![0] < i) nextDate++;
    const date = dates[nextDate];
    if (date !== undefined && date[0] === i) {
      words.push({ keys: DATE_KEYS, start: i, end: date[1], breakBefore: breakBefore && words.length > 0 });
      breakBefore = false;
      i = date[1];
      continue;
    }
    const code = text.charCodeAt(i);
    if (!isWordChar(code) && !isPercent(code)) {
      if (!breakBefore && !isJoiner(code)) breakBefore = true;
      i++;
      continue;
    }
    const start = i;
    if (isPercent(code)) i++;
    else while (i < n && (isWordChar(text.charCodeAt(i)) || insideFigure(text, i))) i++;
    words.push({
      keys: wordKeys(text.slice(start, i)),
      start,
      end: i,
      breakBefore: breakBefore && words.length > 0,
    });
    breakBefore = false;
  }
  return words;
}

// Prepositions that, leading a form of a single other word, make a fixed phrase of it: "au moins"
// (at least) is not the "moins" of "moins de" (less than), nor "de garde" any "garde".
const LEADING_PREPOSITIONS = new Set(["à", "au", "aux", "de", "du"]);

/**
 * The words of a glossary form that must all be present in a passage, function words dropped: the
 * French and English ones from French and English forms only, since "du", "la", "le" are Vietnamese
 * syllables too ("du lịch", "Sơn La"); "của" from Vietnamese forms. A capitalised one after the
 * first word belongs to a name and stays: "Son La" without "La" was any French "son". So do the
 * prepositions leading a form of one other word ("au moins"); after it they vary with the next
 * word's article ("moins de", "moins des") and are dropped.
 */
export function formWords(form: string, vietnamese = false): WordKeys[] {
  const words = tokenizeLatin(form);
  const written = words.map((w) => form.slice(w.start, w.end).normalize("NFC"));
  const dropped = written.map((text, i) => {
    const word = text.toLowerCase();
    if (vietnamese) return word === "của";
    return STOP_WORDS.has(word) && (i === 0 || text === word);
  });
  if (!vietnamese && dropped.filter((d) => !d).length === 1) {
    for (let i = 0; i < words.length && dropped[i]; i++) {
      if (LEADING_PREPOSITIONS.has(written[i]!.toLowerCase())) dropped[i] = false;
    }
  }
  return words.filter((_, i) => !dropped[i]).map((w) => w.keys);
}

/**
 * One UTF-16 unit of Japanese text as the char trie compares it: full-width ASCII to ASCII and ASCII
 * upper case to lower case, so that "ＰＡＰＩ" = "PAPI" = "papi". Length-preserving, so offsets hold.
 */
export function jaUnit(code: number): number {
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}
