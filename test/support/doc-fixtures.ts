/**
 * Generators for PDF and DOCX test documents, so that tests carry readable source text instead of
 * opaque binaries. Output is deterministic: the same input gives the same bytes.
 */
import { createRequire } from "node:module";
import { crc32, deflateSync } from "node:zlib";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const FONT_ALT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf");

const PAGE = { width: 595.28, height: 841.89, margin: 72 };
const FIXED_DATE = new Date(Date.UTC(2025, 2, 10));

/** One PDF paragraph with its own layout; a plain string is a body paragraph. */
export interface PdfParagraph {
  text: string;
  align?: "left" | "center" | "right" | "justify";
  bold?: boolean;
  size?: number;
  pageBreakBefore?: boolean;
  /** A second cell right-aligned on the same row, as in the header table of Vietnamese directives. */
  right?: string;
}

/** Layout choices for {@link makePdf}; each mimics a way real producers write text. */
export interface PdfOptions {
  /** Body font size in points (default 12). */
  fontSize?: number;
  /** Space between paragraphs in points (default 6; 0 = paragraphs told apart only by indent). */
  paragraphGap?: number;
  /** First-line indent in points, as in Vietnamese administrative style (default 0). */
  firstLineIndent?: number;
  /** Default alignment of body paragraphs (default "left"). */
  align?: "left" | "justify";
  /**
   * Draw each word as its own text object with no space characters, and the end of every word of 4+
   * letters in another font, as producers do when they fall back to another font for accented letters.
   */
  fragmented?: boolean;
  /** Write the text in NFD (base letter + combining marks), as some producers do. */
  decomposed?: boolean;
  /** Break long Latin words at line ends with a hyphen. */
  hyphenate?: boolean;
  /** Text repeated at the top of every page. */
  runningHeader?: string;
  /** Print "- N -" at the bottom of every page. */
  pageNumbers?: boolean;
  /** Encrypt with this user password (the file cannot be opened without it). */
  userPassword?: string;
}

interface Line {
  words: string[];
  width: number;
}

/**
 * A text PDF with a Vietnamese-capable embedded font (DejaVu Sans), laid out line by line so tests
 * control wrapping, pages, headers and page numbers.
 */
export async function makePdf(paragraphs: (string | PdfParagraph)[], opts: PdfOptions = {}): Promise<Buffer> {
  const size = opts.fontSize ?? 12;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [PAGE.width, PAGE.height],
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: "cadre-bot tests" },
    ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: "owner" } : {}),
  });
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  doc.registerFont("alt", FONT_ALT);
  const out = collect(doc);
  const contentWidth = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin;
  let pageCount = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    pageCount += 1;
    if (opts.runningHeader) drawCentered(doc, opts.runningHeader, 36, 9);
    if (opts.pageNumbers) drawCentered(doc, `- ${pageCount} -`, PAGE.height - 48, 9);
    y = PAGE.margin;
  };
  newPage();
  paragraphs.forEach((item, index) => {
    const para = typeof item === "string" ? { text: item } : item;
    if (para.pageBreakBefore && index > 0) newPage();
    const align = para.align ?? opts.align ?? "left";
    const fontSize = para.size ?? size;
    const font = para.bold ? "bold" : "regular";
    doc.font(font).fontSize(fontSize);
    const indent = align === "left" || align === "justify" ? (opts.firstLineIndent ?? 0) : 0;
    const lines = wrap(doc, para.text, contentWidth, indent, opts.hyphenate ?? false);
    const lineHeight = fontSize * 1.2;
    lines.forEach((line, i) => {
      if (y + lineHeight > bottom) {
        newPage();
        doc.font(font).fontSize(fontSize); // the page furniture changed them
      }
      const avail = contentWidth - (i === 0 ? indent : 0);
      let x = PAGE.margin + (i === 0 ? indent : 0);
      if (align === "center") x = PAGE.margin + (contentWidth - line.width) / 2;
      if (align === "right") x = PAGE.margin + contentWidth - line.width;
      const last = i === lines.length - 1;
      const stretch = align === "justify" && !last && line.words.length > 1;
      const extra = stretch ? (avail - line.width) / (line.words.length - 1) : 0;
      drawLine(doc, line, { x, y, extra, font }, opts);
      if (i === 0 && para.right) {
        const cell = { words: para.right.split(" "), width: doc.widthOfString(para.right) };
        drawLine(doc, cell, { x: PAGE.margin + contentWidth - cell.width, y, extra: 0, font }, opts);
      }
      y += lineHeight;
    });
    y += opts.paragraphGap ?? 6;
  });
  doc.end();
  return out;
}

function wrap(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  indent: number,
  hyphenate: boolean,
): Line[] {
  const lines: Line[] = [];
  const space = doc.widthOfString(" ");
  let current: Line = { words: [], width: 0 };
  const avail = () => width - (lines.length === 0 ? indent : 0);
  const push = () => {
    lines.push(current);
    current = { words: [], width: 0 };
  };
  const queue = text.split(/\s+/).filter(Boolean);
  while (queue.length > 0) {
    const word = queue.shift()!;
    const w = doc.widthOfString(word);
    const needed = current.words.length === 0 ? w : current.width + space + w;
    if (needed <= avail() || current.words.length === 0) {
      current.words.push(word);
      current.width = needed;
      continue;
    }
    const cut = hyphenate ? hyphenPoint(doc, word, avail() - current.width - space) : 0;
    if (cut > 0) {
      const head = `${word.slice(0, cut)}-`;
      current.words.push(head);
      current.width += space + doc.widthOfString(head);
      queue.unshift(word.slice(cut));
    } else {
      queue.unshift(word);
    }
    push();
  }
  if (current.words.length > 0) push();
  return lines;
}

/** Longest prefix (≥ 3 letters, leaving ≥ 3) of a plain Latin word (8+ letters) that fits with its hyphen. */
function hyphenPoint(doc: PDFKit.PDFDocument, word: string, room: number): number {
  const letters = word.match(/^[A-Za-zÀ-ÖØ-öø-ÿœ]{8,}/)?.[0].length ?? 0;
  for (let cut = letters - 3; cut >= 3; cut--) {
    if (doc.widthOfString(`${word.slice(0, cut)}-`) <= room) return cut;
  }
  return 0;
}

interface LinePlace {
  x: number;
  y: number;
  /** Width added to every gap between words (justification). */
  extra: number;
  font: string;
}

function drawLine(doc: PDFKit.PDFDocument, line: Line, at: LinePlace, opts: PdfOptions) {
  const form = (s: string) => (opts.decomposed ? s.normalize("NFD") : s);
  if (!opts.fragmented) {
    const text = form(line.words.join(" "));
    doc.text(text, at.x, at.y, { lineBreak: false, ...(at.extra > 0 ? { wordSpacing: at.extra } : {}) });
    return;
  }
  const space = doc.widthOfString(" ");
  let cursor = at.x;
  for (const word of line.words) {
    const chars = [...word];
    const pieces = chars.length >= 4 ? [chars.slice(0, 2).join(""), chars.slice(2).join("")] : [word];
    let px = cursor;
    pieces.forEach((piece, i) => {
      doc.font(i === 0 ? at.font : "alt");
      doc.text(form(piece), px, at.y, { lineBreak: false });
      px += doc.widthOfString(piece);
    });
    doc.font(at.font);
    cursor = px + space + at.extra;
  }
}

function drawCentered(doc: PDFKit.PDFDocument, text: string, y: number, size: number) {
  doc.font("regular").fontSize(size);
  const width = doc.widthOfString(text);
  doc.text(text, (PAGE.width - width) / 2, y, { lineBreak: false });
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** A PDF whose pages hold only a raster "scan" and a drawn frame: no text layer at all. */
export async function makeScannedPdf(pages = 1): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: "cadre-bot tests" },
  });
  const out = collect(doc);
  const scan = stripedPng(120, 170);
  for (let p = 0; p < pages; p++) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.image(scan, PAGE.margin, PAGE.margin, { width: PAGE.width - 2 * PAGE.margin });
    doc.rect(PAGE.margin - 4, PAGE.margin - 4, PAGE.width - 2 * PAGE.margin + 8, 650).stroke();
  }
  doc.end();
  return out;
}

/** A grey-scale PNG with dark bands where a scanner would have captured lines of print. */
function stripedPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let row = 0; row < height; row++) {
    raw[row * (width + 1)] = 0; // filter type: none
    const inkRow = row % 10 < 4 && row > 8 && row < height - 8;
    for (let col = 10; col < width - 10 && inkRow; col++) {
      if ((col * 7 + row) % 11 > 2) raw[row * (width + 1) + 1 + col] = 40;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * One DOCX paragraph. `list` makes it an item of Word's automatic numbering (level 0 "1.", level 1
 * "a)"), so its number exists only in numbering.xml, not in the text. "\n" in `text` is a soft line
 * break (Shift+Enter) inside the paragraph.
 */
export interface DocxParagraph {
  text: string;
  heading?: 1 | 2;
  list?: 0 | 1;
  align?: "center" | "justify";
  bold?: boolean;
}

/** A DOCX built with the `docx` package: headings, literal and automatic numbering, soft breaks. */
export async function makeDocx(paragraphs: (string | DocxParagraph)[]): Promise<Buffer> {
  const doc = new Document({
    creator: "cadre-bot tests",
    numbering: {
      config: [
        {
          reference: "items",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [{ children: paragraphs.map(docxParagraph) }],
  });
  const coreXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>cadre-bot tests</dc:creator>' +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-10T00:00:00Z</dcterms:created>' +
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-10T00:00:00Z</dcterms:modified></cp:coreProperties>';
  const zip = await Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml }]);
  return fixZipTimes(zip);
}

function docxParagraph(item: string | DocxParagraph): Paragraph {
  const para = typeof item === "string" ? { text: item } : item;
  const runs = para.text
    .split("\n")
    .map((part, i) => new TextRun({ text: part, bold: para.bold ?? false, ...(i > 0 ? { break: 1 } : {}) }));
  return new Paragraph({
    children: runs,
    ...(para.heading
      ? { heading: para.heading === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }
      : {}),
    ...(para.list !== undefined ? { numbering: { reference: "items", level: para.list } } : {}),
    ...(para.align
      ? { alignment: para.align === "center" ? AlignmentType.CENTER : AlignmentType.JUSTIFIED }
      : {}),
  });
}

/** Zip entries carry the time they were written; pin them (1980-01-01 00:00) for stable bytes. */
function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("makeDocx: zip has no end-of-central-directory record");
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const local = out.readUInt32LE(at + 42);
    for (const base of [at + 12, local + 10]) {
      out.writeUInt16LE(0, base);
      out.writeUInt16LE(0x21, base + 2);
    }
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
