/**
 * Splitting a long message into parts a platform accepts (Telegram 4096, Slack section blocks 3000,
 * Zalo 2000). Pure: no platform knowledge beyond the limit and how the platform measures text.
 */

/** How long a piece of text is for the platform (default: UTF-16 code units, Telegram's unit). */
export type Measure = (text: string) => number;

const utf16: Measure = (text) => text.length;

// Boundaries from the kindest to the harshest; each separator stays with the text before it.
const LEVELS: RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraphs
  /\n/g, // lines
  /(?<=[.!?…;:])\s+|(?<=[。！？])/gu, // sentences (Japanese ones end without a space)
  /\s+/g, // words
];

/** Cuts `text` after each separator match, keeping the separator with the piece before it. */
function cutAfter(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  const re = new RegExp(separator.source, separator.flags);
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // step over an empty match by a whole code point: with the u flag, landing inside a surrogate
    // pair would match at the pair's start again, forever
    if (m[0].length === 0) re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    if (end > start && end < text.length) {
      pieces.push(text.slice(start, end));
      start = end;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * The longest prefix of `text` that fits, never splitting a surrogate pair; at least one character.
 * Gallops from `limit` characters before the binary search, so a cut costs about `limit`, not the
 * length of the whole text.
 */
function fittingPrefix(text: string, limit: number, measure: Measure): string {
  let lo = 1; // a prefix known to fit (or the one character a part must have)
  let hi = Math.min(text.length, limit);
  while (hi < text.length && measure(text.slice(0, hi)) <= limit) {
    lo = hi;
    hi = Math.min(text.length, hi * 2);
  }
  if (hi === text.length && measure(text) <= limit) return text;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const last = text.charCodeAt(end - 1);
  if (end < text.length && end > 1 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Hard cuts at the limit, for a run of text with no boundary left to split at. */
function hardCut(text: string, limit: number, measure: Measure): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const head = fittingPrefix(rest, limit, measure);
    parts.push(head);
    rest = rest.slice(head.length);
  }
  return parts;
}

/** Splits at the boundaries of `level`, packing consecutive pieces greedily into parts that fit. */
function pack(text: string, level: number, limit: number, measure: Measure): string[] {
  if (measure(text) <= limit) return [text];
  const separator = LEVELS[level];
  if (!separator) return hardCut(text, limit, measure);
  const parts: string[] = [];
  let current = "";
  for (const piece of cutAfter(text, separator)) {
    if (measure(current + piece) <= limit) {
      current += piece;
      continue;
    }
    if (current) parts.push(current);
    if (measure(piece) <= limit) {
      current = piece;
      continue;
    }
    const smaller = pack(piece, level + 1, limit, measure);
    current = smaller.pop() ?? "";
    parts.push(...smaller);
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Splits `text` into parts whose `measure` is at most `limit`: at paragraph boundaries first, then
 * lines, then sentences, then words, and only then a hard cut. Parts are trimmed and never empty;
 * joining them with blank lines gives back the text up to whitespace at the cuts.
 */
export function splitMessage(text: string, limit: number, measure: Measure = utf16): string[] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`splitMessage: limit must be ≥ 1, got ${limit}`);
  return pack(text, 0, limit, measure)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
