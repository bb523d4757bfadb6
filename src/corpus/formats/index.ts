/**
 * Text extraction for binary corpus formats (PDF, DOCX). The output reads like a .txt corpus file:
 * one paragraph per block, blocks separated by a blank line, numbered items (`1.`, `a)`, `I.`,
 * `Điều 5.`) at the start of their own block, NFC-normalised Unicode.
 */
import { extractDocx } from "./docx.js";
import { extractPdf } from "./pdf.js";

export { extractDocx } from "./docx.js";
export { extractPdf } from "./pdf.js";

/** Why a file gave no text: a stable code for callers plus a message that names the file. */
export type ExtractFailure = {
  ok: false;
  /**
   * - `no-text-layer`: the file opens but holds no usable text (a scan, images only).
   * - `unreadable`: corrupt, truncated or not the format its name says.
   * - `encrypted`: needs a password to open.
   */
  code: "no-text-layer" | "unreadable" | "encrypted";
  message: string;
};

/** Result of reading one PDF or DOCX file; `pages` is set for PDFs. */
export type Extracted = { ok: true; text: string; pages?: number } | ExtractFailure;

/** The binary formats this module reads, by file extension. */
export type BinaryFormat = "pdf" | "docx";

/** Which extractor handles a file name, or null for files that are not PDF/DOCX (read those as text). */
export function binaryFormatOf(name: string): BinaryFormat | null {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return ext === "pdf" || ext === "docx" ? ext : null;
}

/**
 * Extract the text of a PDF or DOCX corpus file chosen by its extension. Never throws for bad
 * input: a file of another type is `unreadable`.
 */
export async function extractText(bytes: Uint8Array, name: string): Promise<Extracted> {
  switch (binaryFormatOf(name)) {
    case "pdf":
      return extractPdf(bytes, name);
    case "docx":
      return extractDocx(bytes, name);
    default:
      return { ok: false, code: "unreadable", message: `${name}: not a PDF or DOCX file` };
  }
}
