import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { docKey } from "../text/index.js";
import { readFrontMatter } from "./frontmatter.js";
import { hashBytes, parseVersion } from "./parse.js";
import type { Document, DocumentVersion, ReadError } from "./types.js";

/** File endings the corpus reader understands. */
export const CORPUS_EXTENSIONS = [".txt", ".md", ".pdf", ".docx"] as const;

/** A corpus file as found on disk, before parsing. */
export interface CorpusFile {
  /** Relative path with "/" separators. */
  file: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

/** Lists the corpus files under `dir` (recursively, sorted, hidden files skipped). */
export async function listCorpus(dir: string): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  async function walk(sub: string) {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    const files: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(rel);
      else if (
        e.isFile() &&
        (CORPUS_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase())
      )
        files.push(rel);
    }
    // The files of a folder are looked at together (one by one, 10,000 took ~0.5 s).
    const stats = await Promise.all(files.map((rel) => stat(path.join(dir, rel))));
    files.forEach((rel, i) => {
      const s = stats[i];
      if (s) out.push({ file: rel, abs: path.join(dir, rel), size: s.size, mtimeMs: s.mtimeMs });
    });
  }
  await walk("");
  // The order of localeCompare, with one collator for all comparisons.
  return out.sort((a, b) => COLLATOR.compare(a.file, b.file));
}

const COLLATOR = new Intl.Collator();

/** Extracts plain text from a binary format; supplied by the formats module. */
export type Extractor = (
  bytes: Uint8Array,
  name: string,
) => Promise<{ ok: true; text: string } | { ok: false; code: ReadError["code"]; message: string }>;

/** How PDF and DOCX files become text (wired to the formats module by default). */
export interface Extractors {
  pdf?: Extractor;
  docx?: Extractor;
}

/** Reads and parses one corpus file; a broken file becomes a `ReadError` naming it. */
export async function readVersion(
  f: CorpusFile,
  extractors: Extractors = {},
): Promise<{ ok: true; version: DocumentVersion } | { ok: false; error: ReadError }> {
  const fail = (code: ReadError["code"], message: string) => ({
    ok: false as const,
    error: { file: f.file, code, message },
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(f.abs);
  } catch (e) {
    return fail(
      "unreadable",
      `${f.file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const hash = hashBytes(bytes);
  const ext = path.extname(f.file).toLowerCase();
  let text: string;
  if (ext === ".pdf" || ext === ".docx") {
    const extract = ext === ".pdf" ? extractors.pdf : extractors.docx;
    if (!extract) return fail("unsupported", `${f.file}: ${ext} files are not supported in this build`);
    const out = await extract(new Uint8Array(bytes), f.file);
    if (!out.ok) return fail(out.code, out.message);
    text = out.text;
  } else {
    if (bytes.includes(0)) return fail("binary", `${f.file}: not a text file (it contains binary data)`);
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return fail("unreadable", `${f.file}: not valid UTF-8 text; save it as UTF-8`);
    }
  }
  let bodyStart = 0;
  let front = {};
  if (ext === ".md") {
    const fm = readFrontMatter(text);
    if (!fm.ok) return fail("front-matter", `${f.file}: ${fm.message}`);
    front = fm.front;
    bodyStart = fm.bodyStart;
  }
  if (text.slice(bodyStart).trim().length === 0) return fail("empty", `${f.file}: the file is empty`);
  const version = parseVersion({ file: f.file, text, hash, bodyStart, front });
  if (version.passages.length === 0) return fail("empty", `${f.file}: no readable text was found`);
  return { ok: true, version };
}

const LANG_PREFERENCE = ["vi", "en", "fr", "ja"];

/** Groups versions into documents: files with the same own number are language versions of one. */
export function groupDocuments(versions: DocumentVersion[]): Document[] {
  const groups = new Map<string, DocumentVersion[]>();
  for (const v of versions) {
    const key = groupOf(v);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.entries()].map(([key, vs]) => {
    const sorted = [...vs].sort((a, b) => a.file.localeCompare(b.file));
    const lead = [...sorted].sort(
      (a, b) => LANG_PREFERENCE.indexOf(a.lang) - LANG_PREFERENCE.indexOf(b.lang),
    )[0]!;
    const id = key.startsWith("n:") ? key.slice(2).toLowerCase() : slug(lead.file);
    return {
      id,
      number: lead.number,
      title: lead.title,
      issuer:
        sorted.find((v) => v.issuer && v.lang === lead.lang)?.issuer ??
        sorted.find((v) => v.issuer)?.issuer ??
        null,
      date: sorted.find((v) => v.date)?.date ?? null,
      versions: sorted,
    };
  });
}

/** What puts versions into one document: the same document number (a file without one is alone). */
export const groupOf = (v: DocumentVersion): string => (v.number ? `n:${docKey(v.number)}` : `f:${v.file}`);

function slug(file: string): string {
  return file
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
