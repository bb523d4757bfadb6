import { createHash } from "node:crypto";
import type { Lang } from "../text/index.js";
import { detectLang, docKey, findDocNumbers, isLang } from "../text/index.js";
import { readArticles } from "./articles.js";
import { findAssignee } from "./assignee.js";
import { inferMeta } from "./meta.js";
import { chooseTaskList, classify, itemLists } from "./outline.js";
import { splitParagraphs } from "./paragraphs.js";
import type { DocumentVersion, Passage, Task } from "./types.js";

/** Metadata a Markdown file may state in YAML front matter; it wins over inference. */
/**
 * Bump when a change to the reader or parser changes what it infers from the same bytes: saved
 * indexes record it and are rebuilt from the files when it differs.
 */
export const PARSER_VERSION = 3;

export interface FrontMatter {
  number?: string;
  title?: string;
  issuer?: string;
  date?: string;
  lang?: string;
  source?: string;
}

/** The hash incremental indexing compares. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// Passages shorter than this outside the outline are captions, bylines and datelines.
const MIN_PASSAGE = 30;

/**
 * Parses one file's text into a document version: metadata, task list, articles and passages.
 * `bodyStart` skips front matter; offsets stay relative to `text` so quotes are file slices.
 */
export function parseVersion(input: {
  file: string;
  text: string;
  hash: string;
  bodyStart?: number;
  front?: FrontMatter;
}): DocumentVersion {
  const { file, text, hash, front = {} } = input;
  const paragraphs = splitParagraphs(text, input.bodyStart ?? 0);
  const body = paragraphs.map((p) => p.text).join("\n");
  const lang: Lang = isLang(front.lang) ? front.lang : detectLang(body, "vi");
  const meta = inferMeta(paragraphs, lang, text);
  const number = front.number ?? meta.number;
  const lines = paragraphs.map(classify);
  const taskList = chooseTaskList(itemLists(lines));
  const tasks: Task[] = (taskList?.items ?? []).map((item) => {
    const label = taskList?.part ? `${taskList.part.label}.${item.n}` : String(item.n);
    const taskText = text.slice(item.start, item.end);
    const opening = item.first.text.replace(/^\s*(\d{1,2}\s*[.)．]|[IVX]+\.)\s*/u, "");
    return {
      n: item.n,
      label,
      text: taskText,
      start: item.start,
      end: item.end,
      assignee: findAssignee(opening, lang),
    };
  });
  const articles = readArticles(lines, text);

  const passages: Passage[] = [];
  const add = (p: Omit<Passage, "id">) => passages.push({ ...p, id: `${file}#${passages.length}` });
  const covered: [number, number][] = [];
  for (const t of tasks) {
    add({
      kind: "task",
      task: t.n,
      section: t.label,
      heading: taskList?.part?.title ?? null,
      text: t.text,
      start: t.start,
      end: t.end,
    });
    covered.push([t.start, t.end]);
  }
  for (const a of articles) {
    const heading = `Điều ${a.n}${a.title ? `. ${a.title}` : ""}`;
    if (a.clauses.length === 0) {
      add({
        kind: "article",
        task: null,
        section: `Điều ${a.n}`,
        heading,
        text: a.text,
        start: a.start,
        end: a.end,
      });
    }
    for (const c of a.clauses) {
      add({
        kind: "clause",
        task: null,
        section: `Điều ${a.n}.${c.n}`,
        heading,
        text: c.text,
        start: c.start,
        end: c.end,
      });
    }
    covered.push([a.start, a.end]);
  }
  let heading: string | null = null;
  let itemLabel = "";
  for (const line of lines) {
    if (line.kind === "part") heading = `${line.label}. ${line.title}`;
    if (line.kind === "part") itemLabel = line.label;
    const { p } = line;
    if (covered.some(([s, e]) => p.start >= s && p.end <= e)) continue;
    if (line.kind === "part" || line.kind === "chapter") continue;
    if (p.text.length < MIN_PASSAGE) continue;
    const section = line.kind === "item" ? (itemLabel ? `${itemLabel}.${line.n}` : String(line.n)) : "";
    add({ kind: "paragraph", task: null, section, heading, text: p.text, start: p.start, end: p.end });
  }
  passages.sort((a, b) => a.start - b.start);
  passages.forEach((p, i) => {
    p.id = `${file}#${i}`;
  });

  const ownKey = number ? docKey(number) : null;
  const cites = [...new Set(findDocNumbers(body).map((n) => n.text))].filter((n) => docKey(n) !== ownKey);
  return {
    file,
    lang,
    hash,
    text,
    number,
    title: front.title ?? meta.title,
    issuer: front.issuer ?? meta.issuer,
    date: front.date ?? meta.date,
    cites,
    identity: meta.identity,
    tasks,
    articles,
    passages,
  };
}
