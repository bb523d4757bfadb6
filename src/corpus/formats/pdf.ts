/**
 * PDF → plain text with pdf.js. pdf.js gives positioned text fragments, not paragraphs: this file
 * rebuilds lines from their positions, drops page furniture (page numbers, running headers) and joins
 * the lines of one paragraph, so that the structure parser reads the result like a .txt file.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Extracted } from "./index.js";

/** The part of a pdf.js text item this file reads. */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** One rebuilt line (or one cell of a line split at a wide gap). */
interface TextLine {
  text: string;
  left: number;
  right: number;
  /** Baseline, PDF units growing upwards. */
  y: number;
  size: number;
  page: number;
  /** Estimated width of the first word: would it have fitted at the end of the line before? */
  firstWordWidth: number;
  /** Part of a row split into cells (a header table): never joined to its neighbours. */
  standalone: boolean;
}

const ITEM_START = new RegExp(
  [
    String.raw`^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđA-ZĐ][).]|[IVXLC]{1,7}[.)]|\(\d{1,3}\)|\([a-zđ]\)|[-–—•+*▪●■○])\s`,
    String.raw`^(?:Điều|Chương|Mục|Phần|Article|Chapitre|Titre|Section)\s+[\dIVXLC]+\b`,
    String.raw`^(?:(?:Premi|Deuxi|Troisi|Quatri|Cinqui|Sixi|Septi|Huiti|Neuvi|Dixi)èmement|Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b`,
    "^(?:[（(][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]+[.．、]|第[0-9０-９一二三四五六七八九十]+[条章節項])",
  ].join("|"),
  "u",
);
const MARKER_ONLY = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][).]|[IVXLC]{1,7}[.)]|[-–—•+*▪●■○]|Điều \d+\.?)$/u;
const PAGE_NUMBER =
  /^[-–—\s]*(?:(?:trang|page|p\.|ページ)\s*)?\d{1,4}(?:\s*(?:\/|of|sur|trên)\s*\d{1,4})?[-–—\s]*$/iu;
const ENDS_SENTENCE = /[.:;!?…。：；！？]["'”’»)\]]*$/u;
const LATIN_WORD = "A-Za-zÀ-ÖØ-öø-ÿŒœÆæ";
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Extract the text of a PDF corpus file. A PDF without a text layer (a scan) is `no-text-layer`, a
 * password-protected one `encrypted`, anything pdf.js cannot parse `unreadable`; never throws.
 */
export async function extractPdf(bytes: Uint8Array, name: string): Promise<Extracted> {
  let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    throw new Error(`pdfjs-dist cannot be loaded: ${String(error)}`); // an install problem, not bad input
  }
  const assets = pdfjsAssets();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    // Local files from the package, for PDFs that use predefined CJK CMaps or non-embedded fonts.
    cMapUrl: assets.cMaps,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFonts,
  });
  try {
    const pdf = await task.promise;
    const pages: TextLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // The text items; the others are marked-content markers.
      const items = content.items.filter((item) => "str" in item) as PdfTextItem[];
      pages.push(buildLines(items, number));
      page.cleanup();
    }
    const step = lineStep(pages);
    const paragraphs = assemble(dropPageFurniture(pages, step), step).map(tidy).filter(Boolean);
    const text = paragraphs.join("\n\n");
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const garbled = text.match(/[\uE000-\uF8FF\uFFFD]/gu)?.length ?? 0;
    if (letters === 0) {
      return fail("no-text-layer", `${name}: the PDF has no text layer (scanned pages?); it needs OCR first`);
    }
    if (garbled > letters) {
      return fail(
        "no-text-layer",
        `${name}: the PDF's text layer cannot be decoded (fonts without a Unicode map)`,
      );
    }
    return { ok: true, text, pages: pdf.numPages };
  } catch (error) {
    const errorName = error instanceof Error ? error.name : "";
    if (errorName === "PasswordException") {
      return fail("encrypted", `${name}: the PDF is password-protected`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    return fail("unreadable", `${name}: not a readable PDF (${detail})`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function fail(code: "no-text-layer" | "unreadable" | "encrypted", message: string): Extracted {
  return { ok: false, code, message };
}

function pdfjsAssets(): { cMaps: string; standardFonts: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMaps: `${join(root, "cmaps")}/`, standardFonts: `${join(root, "standard_fonts")}/` };
}

/** One text fragment placed on the page. */
interface Run {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

/** A run inside a line, and whether a word space precedes it. */
interface Part {
  run: Run;
  spaced: boolean;
}

/** Group a page's fragments into lines by baseline, order them, and space them by their x gaps. */
function buildLines(items: PdfTextItem[], page: number): TextLine[] {
  const runs: Run[] = items
    .filter((item) => item.str.length > 0 && isHorizontal(item.transform))
    .map((item) => {
      const [, , , d = 0, x = 0, y = 0] = item.transform;
      return { text: item.str, x, y, right: x + item.width, size: Math.abs(d) || item.height || 1 };
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    const head = row?.[0];
    if (row && head && Math.abs(head.y - run.y) <= 0.45 * Math.min(head.size, run.size)) row.push(run);
    else rows.push([run]);
  }
  const lines: TextLine[] = [];
  for (const row of rows) {
    const cells = splitRow(row.sort((a, b) => a.x - b.x));
    for (const cell of cells) {
      const line = partsToLine(cell, page, cells.length > 1);
      if (line) lines.push(line);
    }
  }
  return lines;
}

/**
 * Space the runs of one row and split it into cells at very wide gaps (the two columns of a header
 * table). Whitespace-only runs (pdf.js fills gaps with them) only say that a space is there.
 */
function splitRow(row: Run[]): Part[][] {
  const cells: Part[][] = [[]];
  let last: Run | undefined;
  let pendingSpace = false;
  for (const run of row) {
    if (!run.text.trim()) {
      pendingSpace = true;
      continue;
    }
    // Producers that fake bold draw the same text twice, a hair apart.
    if (last && last.text === run.text && Math.abs(last.x - run.x) < 0.3 * run.size) continue;
    const gap = last ? run.x - last.right : 0;
    const cell = cells.at(-1)!;
    const cellText = cell.map((p) => p.run.text).join("");
    if (last && gap > 4 * run.size && !MARKER_ONLY.test(cellText.trim())) {
      cells.push([{ run, spaced: false }]);
    } else {
      // A gap wider than a fifth of the font size is a word space the producer did not write as a
      // character; pieces of one word (a font change mid-word) sit edge to edge and are glued.
      cell.push({ run, spaced: cell.length > 0 && (pendingSpace || gap > 0.2 * run.size) });
    }
    last = run;
    pendingSpace = false;
  }
  return cells.filter((cell) => cell.length > 0);
}

function isHorizontal(t: number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = t;
  return a > 0 && Math.abs(b) <= 0.01 * a && Math.abs(c) <= 0.01 * Math.abs(d);
}

function partsToLine(parts: Part[], page: number, standalone: boolean): TextLine | null {
  const text = parts.map((p) => (p.spaced ? " " : "") + p.run.text).join("");
  const first = parts[0]?.run;
  if (!first || !text.trim()) return null;
  const firstWord = first.text.trimStart().split(/\s/)[0] ?? "";
  const charWidth = (first.right - first.x) / Math.max(1, [...first.text].length);
  return {
    text: text.trim(),
    left: first.x,
    right: Math.max(...parts.map((p) => p.run.right)),
    y: first.y,
    size: Math.max(...parts.map((p) => p.run.size)),
    page,
    firstWordWidth: [...firstWord].length * charWidth,
    standalone,
  };
}

/**
 * Remove page furniture from the top and bottom of each page: page numbers, and lines set apart from
 * the body that repeat (digits aside) on most pages, i.e. running headers and footers.
 */
function dropPageFurniture(pages: TextLine[][], step: number): TextLine[][] {
  const key = (line: TextLine) => line.text.replace(/\d+/g, "#").replace(/\s+/g, " ").toLowerCase();
  // `inner` is the next line towards the body: furniture sits further from it than body lines do.
  const apart = (line: TextLine, inner: TextLine | undefined) =>
    inner === undefined || Math.abs(line.y - inner.y) > step + 0.3 * line.size;
  const edges = (lines: TextLine[]) =>
    [
      [lines[0], lines[1]],
      [lines[1], lines[2]],
      [lines.at(-1), lines.at(-2)],
      [lines.at(-2), lines.at(-3)],
    ].filter(
      (pair): pair is [TextLine, TextLine | undefined] => pair[0] !== undefined && apart(pair[0], pair[1]),
    );
  const repeats = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(edges(lines).map(([line]) => key(line))))
      repeats.set(k, (repeats.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = (line: TextLine | undefined, inner: TextLine | undefined) =>
    line !== undefined &&
    (PAGE_NUMBER.test(line.text) || (apart(line, inner) && (repeats.get(key(line)) ?? 0) >= needed));
  return pages.map((lines) => {
    const kept = [...lines];
    for (let i = 0; i < 2 && furniture(kept[0], kept[1]); i++) kept.shift();
    for (let i = 0; i < 2 && furniture(kept.at(-1), kept.at(-2)); i++) kept.pop();
    return kept;
  });
}

/** Per-page layout facts the paragraph rules compare lines against. */
interface PageLayout {
  left: number;
  right: number;
  lineStep: number;
}

/** Join lines into paragraphs: a line continues the previous one unless layout or wording says otherwise. */
function assemble(pages: TextLine[][], docStep: number): string[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const docLeft = marginLeft(all);
  const docRight = all.reduce((max, l) => (l.standalone ? max : Math.max(max, l.right)), docLeft);
  const layouts = pages.map((lines): PageLayout => {
    const left = lines.length >= 3 ? marginLeft(lines) : docLeft;
    return { left, right: docRight + (left - docLeft), lineStep: docStep };
  });
  const vocabulary = wordsOf(all);
  const paragraphs: string[] = [];
  let current = "";
  let prev: TextLine | undefined;
  for (const line of all) {
    const layout = layouts[line.page - 1]!;
    if (prev === undefined || startsParagraph(prev, line, layout)) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else {
      current = joinLines(current, line.text, vocabulary);
    }
    prev = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function startsParagraph(prev: TextLine, cur: TextLine, layout: PageLayout): boolean {
  const em = cur.size;
  const width = layout.right - layout.left;
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(1.5, 0.25 * em);
  const symmetric = (l: TextLine) => Math.abs(l.left - layout.left - (layout.right - l.right)) <= em;
  const centered = (l: TextLine) => symmetric(l) && l.left - layout.left > em;
  if (prev.standalone || cur.standalone) return true;
  if (Math.abs(cur.size - prev.size) > 1) return true; // a heading in another size
  if (cur.page === prev.page) {
    const step = prev.y - cur.y;
    if (step <= 0 || step > layout.lineStep + 0.25 * em) return true; // paragraph spacing
  }
  // The previous line stopped although the next word would have fitted: it ended its paragraph.
  const room = centered(prev) ? width - (prev.right - prev.left) : layout.right - prev.right;
  if (room > 1.2 * cur.firstWordWidth + 0.8 * em) return true; // slack: the word width is an estimate
  const prevEnds = ENDS_SENTENCE.test(prev.text);
  if (ITEM_START.test(cur.text) && prevEnds) return true;
  if (symmetric(prev) && centered(cur)) return false; // a long centred title wrapping
  // A line starting far right (a right-aligned date, a signature) is a paragraph of its own.
  if (prev.left - layout.left > Math.max(6 * em, 0.2 * width)) return true;
  // Continuation lines start at the margin, under the previous line, or hang under a list marker.
  const samePage = cur.page === prev.page;
  const hanging =
    samePage && ITEM_START.test(prev.text) && cur.left > prev.left && cur.left < prev.left + 6 * em;
  if (!near(cur.left, layout.left) && !(samePage && near(cur.left, prev.left)) && !hanging) return true;
  return prevEnds && cur.left > layout.left + 0.5 * em; // first-line indent after a finished sentence
}

/** The left margin: the smallest line start shared by at least two lines. */
function marginLeft(lines: TextLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.left), (counts.get(Math.round(line.left)) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n >= 2).map(([x]) => x);
  const candidates = shared.length > 0 ? shared : lines.map((l) => l.left);
  return candidates.reduce((min, x) => Math.min(min, x), Number.POSITIVE_INFINITY);
}

/** The ordinary distance between baselines: the smallest one that occurs at least twice. */
function lineStep(pages: TextLine[][]): number {
  const counts = new Map<number, number>();
  const sizes: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      sizes.push(b.size);
      const step = Math.round((a.y - b.y) * 2) / 2;
      if (!a.standalone && !b.standalone && step >= 0.8 * b.size)
        counts.set(step, (counts.get(step) ?? 0) + 1);
    }
  }
  const repeated = [...counts].filter(([, n]) => n >= 2).map(([step]) => step);
  const known = repeated.length > 0 ? repeated : [...counts.keys()];
  if (known.length > 0) return known.reduce((min, x) => Math.min(min, x));
  return 1.2 * sizes.reduce((max, x) => Math.max(max, x), 10);
}

function wordsOf(lines: TextLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const token of line.text.toLowerCase().split(/\s+/)) {
      words.add(token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
    }
  }
  return words;
}

/**
 * Join two lines of one paragraph. A Latin word cut by a hyphen is rejoined (keeping the hyphen
 * when the document spells the word with one elsewhere); CJK lines join without a space.
 */
function joinLines(text: string, next: string, vocabulary: Set<string>): string {
  if (text.endsWith("\u00ad")) return text.slice(0, -1) + next; // soft hyphen: always a word break
  const head = text.match(new RegExp(`(?:^|[^\\p{L}])([${LATIN_WORD}]+)-$`, "u"))?.[1];
  const tail = next.match(new RegExp(`^([a-zß-öø-ÿœæ][${LATIN_WORD}]*)`, "u"))?.[1];
  if (head && tail) {
    const whole = `${head}${tail}`.toLowerCase();
    const hyphenated = `${head}-${tail}`.toLowerCase();
    const keep = vocabulary.has(hyphenated) && !vocabulary.has(whole);
    return text.slice(0, keep ? undefined : -1) + next;
  }
  if (/[\p{L}\p{N}][-/]$/u.test(text)) return text + next; // "05-" + "CT/TU": one token cut at its dash
  if (CJK.test(text.at(-1) ?? "") && CJK.test(next[0] ?? "")) return text + next;
  return `${text} ${next}`;
}

/** Spaces normalised, no space before a combining mark, NFC: "Nhiê ̣m" becomes "Nhiệm". */
function tidy(paragraph: string): string {
  return paragraph
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
    .replace(/ (?=\p{M})/gu, "")
    .normalize("NFC")
    .trim();
}
