import type { Lang } from "../text/index.js";

/**
 * What the reader makes of the corpus. A `Document` is one directive with one or more language
 * versions (seed 000 in French and 004 in Japanese are both 1470-CV/TU); each version is one file.
 */

/** A numbered or ordinal item of a document's task list ("nhiệm vụ 4" is `tasks[3]`). */
export interface Task {
  /** 1-based position in the task list. */
  n: number;
  /** The label as written: "4.", "Quatrièmement", "II.4". */
  label: string;
  /** Verbatim slice of the file, from the item's first character to the end of its last point. */
  text: string;
  start: number;
  end: number;
  /** The body the task assigns, as written ("Le Département de la propagande du Comité provincial du Parti"). */
  assignee: string | null;
}

/** An article of a regulation (`Điều 5.`) with its clauses (`1.`) and points (`a)`). */
export interface Article {
  n: number;
  title: string;
  text: string;
  start: number;
  end: number;
  clauses: { n: number; text: string; start: number; end: number }[];
}

/** The unit of retrieval: a task, a clause/article, or a paragraph outside the task list. */
export interface Passage {
  /** Stable within an index build: `${file}#${ordinal}`. */
  id: string;
  kind: "task" | "article" | "clause" | "paragraph";
  /** The task number when `kind` is "task". */
  task: number | null;
  /** Outline address: "4", "II.4", "Điều 5", "Điều 5.2", or "" for plain paragraphs. */
  section: string;
  /** The enclosing outline heading, e.g. "II. NHIỆM VỤ, GIẢI PHÁP". */
  heading: string | null;
  /** Verbatim text from the file (a quote is always a substring of this). */
  text: string;
  start: number;
  end: number;
}

/** One file of the corpus, parsed. */
export interface DocumentVersion {
  /** Path relative to the corpus folder, with "/" separators. */
  file: string;
  lang: Lang;
  /** SHA-256 of the file's bytes: what incremental indexing compares. */
  hash: string;
  /** The full text as read (for text files, the file itself; for PDF/DOCX, the extracted text). */
  text: string;
  number: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  /** Other document numbers this one cites. */
  cites: string[];
  /** Where the document's own number and date are stated (for date/number answers). */
  identity: { start: number; end: number } | null;
  tasks: Task[];
  articles: Article[];
  passages: Passage[];
}

/** A directive with its language versions, as questions and citations see it. */
export interface Document {
  /** Stable id: the number's key in lower case, or the file stem when the document has no number. */
  id: string;
  number: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  versions: DocumentVersion[];
}

/** A file the reader could not use, and why (shown by `cadre index` and on the documents page). */
export interface ReadError {
  file: string;
  code: "unreadable" | "empty" | "binary" | "front-matter" | "no-text-layer" | "unsupported" | "encrypted";
  message: string;
}
