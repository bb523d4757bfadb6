import { type Document, type DocumentVersion, ordinalValue } from "../corpus/index.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../text/index.js";
import { shorten } from "./text.js";

/**
 * What questions are made from: one language version of each document (the trainer's language
 * when the corpus has it) and its numbered units — tasks, articles and their clauses, and the
 * numbered items of other parts ("III. TỔ CHỨC THỰC HIỆN" → item III.2).
 */

/** A numbered unit of a document version, with offsets into the file. */
export interface Unit {
  kind: "task" | "article" | "clause" | "item";
  /** The task number (only for tasks). */
  task: number | null;
  n: number;
  /** The article a clause belongs to. */
  article: number | null;
  /** "III.2" for items, "" otherwise. */
  section: string;
  text: string;
  start: number;
  end: number;
  /** Where the content starts once the label ("7.", "Premièrement,", "a)") is skipped. */
  contentStart: number;
}

/** One document as questions see it. */
export interface Source {
  doc: Document;
  version: DocumentVersion;
  /** How the question names the document: its number, or its title shortened in « ». */
  label: string;
  tasks: Unit[];
  articles: Unit[];
  clauses: Unit[];
  items: Unit[];
}

const ORDER: Lang[] = ["vi", "en", "fr", "ja"];

/** The version of `doc` to ask about in `lang`: that language, else vi, en, fr, ja in turn. */
export function pickVersion(doc: Document, lang: Lang): DocumentVersion {
  const rank = (v: DocumentVersion) => (v.lang === lang ? -1 : ORDER.indexOf(v.lang));
  return [...doc.versions].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file))[0]!;
}

/** How a question names a document: its number, else its title (shortened) in “ ”. */
export function docLabel(doc: Document): string {
  if (doc.number) return doc.number;
  return `“${shorten(doc.title, 48)}”`;
}

const LABEL = /^\s*(?:\d{1,2}\s*[.)．]|[IVX]+\.(?:\d{1,2}\.?)?|[a-zđ]\))\s*/u;
const ORDINAL_OPENING = /^\s*([\p{L}\s]{2,20}?)\s*[,，、:]\s*/u;

/** Offset (relative to `text`) where a unit's content starts, after its number or ordinal word. */
export function contentOffset(text: string): number {
  const numbered = text.match(LABEL);
  if (numbered) return numbered[0].length;
  const ordinal = text.match(ORDINAL_OPENING);
  if (ordinal?.[1] && ordinalValue(ordinal[1]) !== null) return ordinal[0].length;
  return text.length - text.trimStart().length;
}

function unit(
  kind: Unit["kind"],
  n: number,
  span: { text: string; start: number; end: number },
  extra: Partial<Unit> = {},
): Unit {
  return {
    kind,
    task: null,
    n,
    article: null,
    section: "",
    text: span.text,
    start: span.start,
    end: span.end,
    contentStart: span.start + contentOffset(span.text),
    ...extra,
  };
}

/** Builds the source of `doc` for a trainer speaking `lang`. */
export function sourceOf(doc: Document, lang: Lang): Source {
  const version = pickVersion(doc, lang);
  const inArticle = (s: { start: number; end: number }) =>
    version.articles.some((a) => s.start >= a.start && s.end <= a.end);
  // A regulation's clauses are sometimes taken for a task list; they are asked as clauses instead.
  const tasks = version.tasks
    .filter((task) => !inArticle(task))
    .map((task) => unit("task", task.n, task, { task: task.n }));
  const articles = version.articles.map((a) => unit("article", a.n, a));
  const clauses = version.articles.flatMap((a) =>
    a.clauses.map((c) => unit("clause", c.n, c, { article: a.n })),
  );
  const items = version.passages
    .filter((p) => p.kind === "paragraph" && /^[IVX]+\.\d{1,2}$/u.test(p.section))
    .map((p) => unit("item", Number(p.section.split(".")[1]), p, { section: p.section }));
  return { doc, version, label: docLabel(doc), tasks, articles, clauses, items };
}

/** The innermost unit holding the offset `at`: a clause, task or item, else an article, else null. */
export function unitAt(source: Source, at: number): Unit | null {
  const inside = (u: Unit) => at >= u.start && at < u.end;
  return (
    source.clauses.find(inside) ??
    source.tasks.find(inside) ??
    source.items.find(inside) ??
    source.articles.find(inside) ??
    null
  );
}

/** How a question or explanation names a unit in `lang` ("nhiệm vụ 7", "khoản 2 Điều 5", "mục III.2"). */
export function whereLabel(u: Unit, lang: Lang): string {
  switch (u.kind) {
    case "task":
      return t(lang, "quiz.where.task", { n: u.n });
    case "article":
      return t(lang, "quiz.where.article", { n: u.n });
    case "clause":
      return t(lang, "quiz.where.clause", { a: u.article ?? 0, c: u.n });
    case "item":
      return t(lang, "quiz.where.section", { section: u.section });
  }
}
