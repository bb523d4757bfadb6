/**
 * Splits a document into sentences with their exact offsets, so a quote is always a verbatim slice
 * of the input. Every line is its own paragraph (directives put each task and clause on a line);
 * within a line, a sentence ends at "." "!" "?" "…" followed by space and an upper-case letter (or
 * the end), and always at the Japanese "。！？". List markers ("1.", "a)", "II.", "-") that open a
 * line are left out of the sentence, since they are not part of what the text says.
 */

/** One sentence: its text (a verbatim slice of the input), where it stands and which line holds it. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
}

const LIST_MARKER = /^(?:(?:\d{1,2}|[IVXLC]{1,6}|[a-zđ])[.)](?=\s)|\(\d{1,2}\)|[-•*–+])\s*/u;
// Words after which a period does not end a sentence ("TP. Hồ Chí Minh", "J. Smith", "art. 5").
const ABBREVIATIONS = new Set([
  "tp",
  "tx",
  "ths",
  "ts",
  "pgs",
  "gs",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "no",
  "art",
  "cf",
  "etc",
  "vs",
  "m",
  "mme",
  "n°",
]);
const SOFT_END = /[.!?…]/;
const HARD_END = /[。！？]/;
const CLOSERS = /[”"’'»」』)）\]]/;

function endsSentence(line: string, i: number): boolean {
  const c = line[i] ?? "";
  if (HARD_END.test(c)) return true;
  if (!SOFT_END.test(c)) return false;
  let j = i + 1;
  while (j < line.length && (SOFT_END.test(line[j] ?? "") || CLOSERS.test(line[j] ?? ""))) j += 1;
  if (j >= line.length) return true;
  if (!/\s/.test(line[j] ?? "")) return false; // 4.46, v.v, 1470-CV/TU.x
  const next = line.slice(j).trimStart()[0] ?? "";
  if (!/[\p{Lu}\p{N}"“«(]/u.test(next)) return false;
  if (c === ".") {
    const word = /([\p{L}°]+)$/u.exec(line.slice(0, i))?.[1] ?? "";
    if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) return false;
  }
  return true;
}

/** The sentences of `text`, in order, each a trimmed verbatim slice; empty lines give none. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of text.split("\n")) {
    const offset = lineStart;
    lineStart += line.length + 1;
    const marker = LIST_MARKER.exec(line.trimStart());
    let from = line.length - line.trimStart().length + (marker ? marker[0].length : 0);
    if (line.trim() === "") continue;
    const push = (end: number) => {
      const raw = line.slice(from, end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body)
        out.push({
          text: body,
          start: offset + from + lead,
          end: offset + from + lead + body.length,
          paragraph,
        });
    };
    for (let i = from; i < line.length; i += 1) {
      if (!endsSentence(line, i)) continue;
      let end = i + 1;
      while (end < line.length && (SOFT_END.test(line[end] ?? "") || CLOSERS.test(line[end] ?? ""))) end += 1;
      push(end);
      from = end;
      i = end - 1;
    }
    push(line.length);
    paragraph += 1;
  }
  return out;
}
