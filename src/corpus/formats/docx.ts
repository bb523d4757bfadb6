/**
 * DOCX → plain text with mammoth. mammoth reads runs, tables, hyperlinks and tracked changes, but its
 * raw text drops Word's automatic numbering ("1.", "a)", "Điều 5." typed by Word, not the author),
 * which is where directives keep their task numbers; this file renders those numbers from
 * numbering.xml so the structure parser sees them as in a .txt file.
 */
import { inflateRawSync } from "node:zlib";
import type { Extracted } from "./index.js";

/** The parts of mammoth's document tree this file reads. */
interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
}

/** One level of a Word list definition (w:lvl). */
interface ListLevel {
  format: string;
  text: string;
  start: number;
}

/** A list instance (w:num): its levels, and the counter it shares with other instances. */
interface ListDefinition {
  levels: ListLevel[];
  /**
   * Word continues one count across all w:num of an abstract list unless a w:num restarts it with a
   * start override.
   */
  counter: string;
}

/** The numbering a paragraph carries directly (w:numPr), in document order. */
interface NumberedRef {
  numId: string;
  level: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Extract the text of a DOCX corpus file, paragraphs separated by blank lines and automatic list
 * numbers written out. Encrypted Office files are `encrypted`, legacy .doc and broken zips
 * `unreadable`, a document with no text `no-text-layer`; never throws.
 */
export async function extractDocx(bytes: Uint8Array, name: string): Promise<Extracted> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    // Word wraps a password-protected .docx in an OLE container holding an "EncryptedPackage" stream.
    const encrypted = Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"));
    return encrypted
      ? fail("encrypted", `${name}: the DOCX is password-protected`)
      : fail("unreadable", `${name}: this is a legacy Word .doc file, not DOCX; save it as .docx`);
  }
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    return fail("unreadable", `${name}: not a readable DOCX (${messageOf(error)})`);
  }
  // Loaded on the first DOCX: most corpora have none, and every command would pay for it.
  const { default: mammoth } = await import("mammoth");
  let root: DocNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (doc: DocNode) => {
          root = doc;
          return doc;
        },
      },
    );
  } catch (error) {
    return fail("unreadable", `${name}: not a readable DOCX (${messageOf(error)})`);
  }
  if (!root) return fail("unreadable", `${name}: not a readable DOCX (empty document)`);
  const numbers = listNumberer(bytes, entries, root);
  const paragraphs: string[] = [];
  walk(root, (paragraph) => {
    const text = tidy(textOf(paragraph));
    const number = numbers(paragraph);
    if (text) paragraphs.push(number ? `${number} ${text}` : text);
  });
  const text = paragraphs.join("\n\n");
  if (!/\p{L}/u.test(text)) return fail("no-text-layer", `${name}: the DOCX contains no text (images only?)`);
  return { ok: true, text };
}

function fail(code: "no-text-layer" | "unreadable" | "encrypted", message: string): Extracted {
  return { ok: false, code, message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Visit paragraphs in reading order (tables cell by cell). */
function walk(node: DocNode, visit: (paragraph: DocNode) => void): void {
  if (node.type === "paragraph") visit(node);
  else for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: DocNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "tab") return " ";
  if (node.type === "break") return node.breakType === "line" ? "\n" : " ";
  return (node.children ?? []).map(textOf).join("");
}

/** Spaces normalised line by line (soft line breaks kept), NFC. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
        .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .join("\n")
    .normalize("NFC");
}

/**
 * Returns the rendered list number of each numbered paragraph. mammoth tells which paragraphs are
 * list items but not their format or list, so the formats come from numbering.xml and the list of each
 * item from its w:numPr in document.xml, matched in document order. When the two sequences disagree
 * (lists attached through styles), numbers fall back to "1." at level 0 and "a)" below.
 */
function listNumberer(bytes: Uint8Array, entries: Map<string, ZipEntry>, root: DocNode) {
  const numbered: DocNode[] = [];
  walk(root, (p) => {
    if (p.numbering) numbered.push(p);
  });
  let refs: NumberedRef[] = [];
  let lists = new Map<string, ListDefinition>();
  try {
    refs = numberedParagraphs(readZipText(bytes, entries, "word/document.xml") ?? "");
    lists = listDefinitions(readZipText(bytes, entries, "word/numbering.xml") ?? "");
  } catch {
    refs = [];
  }
  const exact = refs.length === numbered.length && refs.every((r) => lists.has(r.numId));
  const refOf = new Map<DocNode, NumberedRef>();
  numbered.forEach((p, i) => {
    const level = Number(p.numbering?.level ?? 0);
    refOf.set(p, exact ? refs[i]! : { numId: p.numbering?.isOrdered === false ? "bullets" : "", level });
  });
  const counters = new Map<string, number[]>();
  return (paragraph: DocNode): string => {
    const ref = refOf.get(paragraph);
    if (!ref) return "";
    const list = lists.get(ref.numId);
    const levels = list?.levels ?? fallbackLevels(paragraph.numbering?.isOrdered ?? true);
    const counter = list?.counter ?? ref.numId;
    const count = counters.get(counter) ?? [];
    for (let l = 0; l < ref.level; l++) count[l] ??= levels[l]?.start ?? 1;
    count[ref.level] = (count[ref.level] ?? (levels[ref.level]?.start ?? 1) - 1) + 1;
    count.length = ref.level + 1; // a new item restarts the levels below it
    counters.set(counter, count);
    const level = levels[ref.level] ?? levels.at(-1);
    if (!level || level.format === "none") return "";
    if (level.format === "bullet") return "-";
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      return formatNumber(count[l] ?? levels[l]?.start ?? 1, levels[l]?.format ?? "decimal");
    });
  };
}

function fallbackLevels(ordered: boolean): ListLevel[] {
  if (!ordered) return [{ format: "bullet", text: "-", start: 1 }];
  return [
    { format: "decimal", text: "%1.", start: 1 },
    { format: "lowerLetter", text: "%2)", start: 1 },
    { format: "bullet", text: "-", start: 1 },
  ];
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

/** Word's letter numbering: a…z, then aa…zz. */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

const attr = (xml: string, name: string) =>
  xml.match(new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`))?.[1];

/** numId → list definition, from numbering.xml (w:num → w:abstractNum, with start overrides). */
function listDefinitions(xml: string): Map<string, ListDefinition> {
  const abstracts = new Map<string, ListLevel[]>();
  for (const [, id, body] of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels: ListLevel[] = [];
    for (const [, ilvl, lvl] of body!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(ilvl)] = {
        format: attr(lvl!, "numFmt") ?? "decimal",
        text: decodeXml(attr(lvl!, "lvlText") ?? `%${Number(ilvl) + 1}.`),
        start: Number(attr(lvl!, "start") ?? 1),
      };
    }
    abstracts.set(id!, levels);
  }
  const lists = new Map<string, ListDefinition>();
  for (const [, numId, body] of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attr(body!, "abstractNumId") ?? "";
    const levels = [...(abstracts.get(abstractId) ?? [])];
    let restarts = false;
    for (const [, ilvl, override] of body!.matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const start = attr(override!, "startOverride");
      const level = levels[Number(ilvl)];
      if (start && level) levels[Number(ilvl)] = { ...level, start: Number(start) };
      restarts ||= start !== undefined;
    }
    const counter = restarts ? `num:${numId}` : `abstract:${abstractId}`;
    if (levels.length > 0) lists.set(numId!, { levels, counter });
  }
  return lists;
}

/** The direct numbering of every numbered paragraph in document.xml, in order (numId 0 = none). */
function numberedParagraphs(xml: string): NumberedRef[] {
  const refs: NumberedRef[] = [];
  for (const [, props] of xml.matchAll(/<w:pPr(?:\s[^>]*[^/])?>([\s\S]*?)<\/w:pPr>/g)) {
    const numPr = props!.match(/<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/)?.[1];
    const numId = numPr && attr(numPr, "numId");
    if (numId && numId !== "0") refs.push({ numId, level: Number(attr(numPr, "ilvl") ?? 0) });
  }
  return refs;
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e as "lt"],
  );
}

/** Where one member of a zip archive sits. */
interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The central directory of a zip archive (DOCX is one); throws on anything that is not a zip. */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw new Error("no zip directory: corrupt or truncated");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new Error("broken zip directory");
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function readZipText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): string | null {
  const entry = entries.get(name);
  if (!entry) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    entry.localHeader +
    30 +
    buf.readUInt16LE(entry.localHeader + 26) +
    buf.readUInt16LE(entry.localHeader + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.toString("utf8");
  if (entry.method === 8) return inflateRawSync(data).toString("utf8");
  throw new Error(`unsupported zip compression ${entry.method}`);
}
