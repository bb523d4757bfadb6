import type { Lang } from "../text/index.js";
import { docToken, findDates, findDocNumbers, findPercentages, fold } from "../text/index.js";
import { isListed, QUESTION_WORDS, STOPWORDS } from "./stopwords.js";

/**
 * The tokeniser shared by the lexical index and question analysis.
 *
 * - Anchors first: document numbers, dates and percentages become single language-independent
 *   tokens (`#doc:1470-cv-tu`, `#date:2024-02-22`, `#pct:74.34%`), whatever their notation.
 * - Vietnamese and French words are kept as written and folded ("nhiệm"/"nhiem"); Vietnamese also
 *   gets folded syllable pairs ("nhiem_vu"), since its words are usually two syllables.
 * - Japanese is segmented with `Intl.Segmenter` and also cut into character pairs, so that a
 *   question segmented differently from the text still meets it.
 */

/** Changes when the tokens of a text change: an index built by another version is rebuilt. */
export const TOKENIZER_VERSION = 1;

const JA_SEGMENTER = new Intl.Segmenter("ja", { granularity: "word" });
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;
const HIRAGANA_ONLY = /^[\u3040-\u309f]+$/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** A token with the role it plays: anchors are matched exactly and weigh more. */
export interface Tokenised {
  words: string[];
  anchors: string[];
}

/** Extracts anchors and blanks them out of the text, so their parts are not also words. */
export function anchorsOf(
  text: string,
  opts: { anyCase?: boolean; keepDates?: boolean } = {},
): { anchors: string[]; rest: string } {
  const spans: [number, number, string, string][] = [];
  for (const n of findDocNumbers(text, opts)) spans.push([n.start, n.end, `#doc:${docToken(n.text)}`, ""]);
  // A date also leaves its year as a word: "in November 2021" meets "26 novembre 2021". A
  // percentage leaves its sign, which makes no word but is a rate to the glossary.
  for (const d of opts.keepDates ? [] : findDates(text))
    spans.push([d.start, d.end, `#date:${d.iso}`, d.iso.slice(0, 4)]);
  for (const p of findPercentages(text)) spans.push([p.start, p.end, `#pct:${p.token}`, "%"]);
  spans.sort((a, b) => a[0] - b[0]);
  let rest = "";
  let at = 0;
  const anchors: string[] = [];
  for (const [s, e, token, word] of spans) {
    if (s < at) continue;
    rest += `${text.slice(at, s)} ${word} `;
    at = e;
    anchors.push(token);
  }
  rest += text.slice(at);
  return { anchors, rest };
}

/** The words of a Japanese run; `keep` says which to keep (a word left out leaves out its pairs too). */
function segmentJa(text: string, keep: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (const s of JA_SEGMENTER.segment(text)) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase();
    if (!keep(w)) continue;
    out.push(w);
    for (const pair of charPairs(w)) if (keep(pair)) out.push(pair);
  }
  return out;
}

/** The character pairs of a CJK word longer than two ("政治局" → "政治", "治局"); none otherwise. */
export function charPairs(word: string): string[] {
  if (!CJK.test(word) || word.length <= 2) return [];
  const out: string[] = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/**
 * A word without its clitics: the French elided article or pronoun ("l'", "qu'", "jusqu'"), the
 * English possessive and contractions ("Bang's", "what's", "don't"). The corpus writes
 * "Cao Bằng", never "Bang's".
 */
function bareWord(w: string, lang: Lang): string {
  const elided = w.replace(/^(?:[ldjnmstc]|qu|jusqu|lorsqu|puisqu|quoiqu)'/, "");
  if (lang !== "en") return elided;
  return elided
    .replace(/^can't$/, "can")
    .replace(/n't$/, "")
    .replace(/'(?:s|re|ve|ll|d|m)$/, "");
}

/**
 * Tokens of `text` for indexing or searching. `question` also drops question words. Script is
 * looked at per word, so Japanese inside a French text (or the reverse) is still tokenised well.
 */
export function tokenize(text: string, lang: Lang, opts: { question?: boolean } = {}): Tokenised {
  const asked = opts.question ? withoutAsking(text, lang) : text;
  const { anchors, rest } = anchorsOf(asked, { anyCase: opts.question });
  const words: string[] = [];
  const stop = STOPWORDS[lang];
  const qstop = opts.question ? QUESTION_WORDS[lang] : null;
  const folded: string[] = [];
  for (const m of rest.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/’/g, "'");
    if (CJK.test(w)) {
      // In a question, kana-only pieces are grammar ("について", "どう述べて"), not content, and a
      // word made with 何 asks ("何年何月", "何キロ").
      const keep = (t: string) =>
        !STOPWORDS.ja.has(t) &&
        (qstop === null || !(qstop.has(t) || HIRAGANA_ONLY.test(t) || t.startsWith("何")));
      words.push(...segmentJa(w, keep));
      continue;
    }
    const bare = bareWord(w, lang);
    const f = fold(bare);
    if (f.length === 0 || isListed(stop, bare, f) || (qstop !== null && isListed(qstop, bare, f))) {
      folded.push("");
      continue;
    }
    words.push(f);
    if (f !== bare) words.push(bare);
    folded.push(f);
  }
  if (lang === "vi") {
    for (let i = 0; i + 1 < folded.length; i++) {
      const a = folded[i];
      const b = folded[i + 1];
      if (a && b) words.push(`${a}_${b}`);
    }
  }
  return { words, anchors };
}

/**
 * "bao nhiêu" (how many), "bao giờ" (when), "bao lâu" (how long) only shape a Vietnamese question;
 * "bao" alone is kept ("báo" typed without marks is a newspaper). In Japanese, the unit asked for
 * stays a word of its own: "何センチ" asks for centimetres ("センチ").
 */
function withoutAsking(text: string, lang: Lang): string {
  if (lang === "ja") return text.replace(/何(?=[\u30a1-\u30fa])/gu, " ");
  return lang === "vi" ? text.replace(VI_ASKING, " ") : text;
}

const VI_ASKING = /(?<!\p{L})bao\s+(?:nhiêu|nhieu|giờ|gio|lâu|lau)(?!\p{L})/giu;

/**
 * Where a Vietnamese question's asking phrases are: a glossary concept found in part of one is not
 * asked about ("bao nhieu" typed without marks holds "báo", a newspaper); see `conceptUnits`.
 */
export function askingSpans(text: string, lang: Lang): { start: number; end: number }[] {
  if (lang !== "vi") return [];
  return [...text.matchAll(VI_ASKING)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The text of a question its glossary concepts are read from: without its anchors ("UBND" of
 * "187/KH-UBND" is no People's Committee), but with its dates, which glossary forms may hold
 * ("before 30 June" is a deadline).
 */
export function questionContent(text: string): string {
  return anchorsOf(text, { anyCase: true, keepDates: true }).rest;
}

/** All tokens in one list, as the lexical index stores them. */
export function indexTokens(text: string, lang: Lang): string[] {
  const { words, anchors } = tokenize(text, lang);
  return [...anchors, ...words];
}
