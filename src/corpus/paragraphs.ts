import { squash } from "../text/index.js";

/**
 * Splits a file's text into paragraphs with their offsets, drops web-page leftovers and keeps the
 * first of any paragraph repeated inside the file. Offsets point into the original text so that
 * every quote stays a verbatim slice of the file.
 */

/** A paragraph of the file: `text` is `source.slice(start, end)`. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
}

// Everything after a comment counter is the page around the article: related stories, banners.
const CUT_AFTER = /^(comments?|commentaires?|bình luận|コメント)\s*\(\d+\)\s*$/iu;
// The recipients' list ends the body of a Vietnamese document; the signature block follows it.
const CUT_AT = /^(nơi nhận|noi nhan)\s*:?/iu;

const CHROME: RegExp[] = [
  /^footer banner\b/i,
  /^(source|sources|nguồn|ソース)\s*(:.*)?$/iu,
  /^(photo|ảnh|image)\b.{0,80}\|\s*$/iu, // caption with a trailing "|"
  /^[A-ZĐ]{1,4}$/u, // reporter initials ("PV")
  /^\S+\.(vn|com|net|org)\b.{0,60}$/iu, // a site banner ("Vietnam.vn - Nền tảng quảng bá Việt Nam")
  /^laissez un commentaire|^leave a comment|^để lại bình luận/iu,
];

/** True for a line that is page furniture rather than document content. */
export function isChrome(line: string): boolean {
  return CHROME.some((re) => re.test(line));
}

// A line continues the previous paragraph when the previous one did not end a sentence and
// this one does not open a new outline item (hard-wrapped text files, PDF extractions).
const ENDS_SENTENCE = /[.:;!?…。」）)»"]\s*$/u;
const OPENS_ITEM =
  /^([IVXLC]{1,6}[.)]\s|\d{1,2}\s*[.)]\s|[a-zđ]\)\s|[-+•–]\s|(Điều|Chương|Article|Chapitre)\s+\d|第)/u;

function startsLower(line: string): boolean {
  const first = line.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** The paragraphs of `source` worth indexing, in order. */
export function splitParagraphs(source: string, bodyStart = 0): Paragraph[] {
  const lines: Paragraph[] = [];
  const re = /[^\n]*(\n|$)/g;
  re.lastIndex = bodyStart;
  for (let m = re.exec(source); m && m[0] !== ""; m = re.exec(source)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) lines.push({ text, start: m.index + lead, end: m.index + lead + text.length });
    if (re.lastIndex >= source.length) break;
  }

  const out: Paragraph[] = [];
  const seen = new Set<string>();
  let prevBlank = true;
  let prevEnd = -1;
  for (const line of lines) {
    if (CUT_AFTER.test(line.text) || CUT_AT.test(line.text)) break;
    if (isChrome(line.text)) continue;
    const last = out.at(-1);
    const gap = prevEnd < 0 ? "" : source.slice(prevEnd, line.start);
    prevBlank = gap.split("\n").length > 2;
    if (
      last &&
      !prevBlank &&
      !ENDS_SENTENCE.test(last.text) &&
      last.text !== last.text.toUpperCase() &&
      !OPENS_ITEM.test(line.text) &&
      startsLower(line.text)
    ) {
      last.end = line.end;
      last.text = source.slice(last.start, last.end);
    } else {
      out.push({ ...line });
    }
    prevEnd = line.end;
  }
  // A paragraph repeated inside one file is indexed once: the first occurrence stays.
  return out.filter((p) => {
    const key = squash(p.text);
    if (key.length > 20 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
