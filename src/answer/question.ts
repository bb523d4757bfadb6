import { detectLang, docKey, findDocNumbers, fold, halfWidth, type Lang } from "../text/index.js";
import {
  ARTICLE_PATTERNS,
  BASIS_INTENT,
  DATE_INTENT,
  DOC_WORD,
  FIRST_LISTED,
  ISSUER_INTENT,
  JA_BASIS,
  JA_FIRST_LISTED,
  JA_LAST,
  JA_PURPOSE,
  JA_TASK,
  LAST,
  num,
  PURPOSE_INTENT,
  TASK_PATTERNS,
} from "./question-patterns.js";

/**
 * Reads a question: its language, the documents it names, the task or article it points at, and
 * what kind of answer it wants. References are resolved exactly later; this only reads them.
 */

/** What a question asks for, beyond a passage found by search. */
export type Intent = "task" | "article" | "date" | "issuer" | "basis" | "purpose" | "search";

export interface ParsedQuestion {
  text: string;
  lang: Lang;
  /** Full document numbers as written, with their keys. */
  docRefs: { text: string; key: string }[];
  /** A bare number after a document word ("chỉ thị 05", "văn bản 1470"), matched by prefix. */
  docHint: string | null;
  /** The task asked for; `LAST_TASK` for "the last task" (whatever the document's count). */
  task: number | null;
  article: { n: number; clause: number | null } | null;
  intent: Intent;
}

/** `task` of a question asking for the last task ("nhiệm vụ cuối cùng", "the final task", "最後の任務"). */
export const LAST_TASK = -1;

/**
 * A document meant by its bare number ("1470号の文書", "dans le 1470"): three to five digits on their
 * own, not a year and not a figure (a unit or a percent after it). Used only when it starts exactly
 * one document number of the corpus.
 */
function bareNumber(text: string): string | null {
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}.,/-])(\d{3,5})(?!\p{N}|[.,]\p{N}|[/-]|\s*(?:%|％|\p{L}))/gu,
  )) {
    const n = m[1] ?? "";
    if (!/^(?:19|20)\d\d$/.test(n)) return n;
  }
  return text.match(/(\d{2,5})\s*号/u)?.[1] ?? null;
}

/** Parses a question; `langHint` wins over detection when given (e.g. `--lang`). */
export function parseQuestion(text: string, langHint?: Lang): ParsedQuestion {
  const clean = halfWidth(text).trim();
  const numbers = findDocNumbers(clean, { anyCase: true });
  const docRefs = numbers.map((n) => ({ text: n.text, key: n.key }));
  const withoutNumbers = numbers.reduce((s, n) => s.split(n.text).join(" "), clean);
  const lang = langHint ?? detectLang(withoutNumbers, "vi");
  const folded = fold(clean).replace(/[’']/g, "'");
  // Numbers inside document numbers ("1470-CV/TU") are not task numbers.
  const scrubbed = docRefs.reduce((s, r) => s.split(fold(r.text)).join(" "), folded);

  let article: ParsedQuestion["article"] = null;
  for (const { re, article: a, clause: c } of ARTICLE_PATTERNS) {
    const m = (re.source.includes("第") ? clean : scrubbed).match(re);
    if (m) {
      const clause = c === null ? undefined : m[c];
      article = { n: Number(m[a]), clause: clause ? Number(clause) : null };
      break;
    }
  }
  let task: number | null = null;
  if (!article) {
    for (const re of TASK_PATTERNS) {
      const m = scrubbed.match(re);
      if (m) {
        task = num(m[1]?.replace(/^(\d+)(st|nd|rd|th|e|eme|ème)$/, "$1"));
        if (task) break;
      }
    }
    if (!task) {
      for (const re of JA_TASK) {
        const m = clean.match(re);
        if (m) {
          task = num(m[1]);
          if (task) break;
        }
      }
    }
  }
  if (!article && !task && (FIRST_LISTED.test(scrubbed) || JA_FIRST_LISTED.test(clean))) task = 1;
  if (!article && !task && (LAST.some((re) => re.test(scrubbed)) || JA_LAST.test(clean))) task = LAST_TASK;
  const hint = docRefs.length === 0 ? (scrubbed.match(DOC_WORD)?.[1] ?? bareNumber(clean)) : null;
  const intent: Intent = article
    ? "article"
    : task
      ? "task"
      : ISSUER_INTENT.test(folded)
        ? "issuer"
        : DATE_INTENT.test(folded)
          ? "date"
          : BASIS_INTENT.test(folded) || JA_BASIS.test(clean)
            ? "basis"
            : PURPOSE_INTENT.test(folded) || JA_PURPOSE.test(clean)
              ? "purpose"
              : "search";
  return {
    text: clean,
    lang,
    docRefs,
    docHint: hint ? (docKey(`${hint.split(/[-/]/)[0]}-X`).split("-")[0] ?? null) : null,
    task,
    article,
    intent,
  };
}
