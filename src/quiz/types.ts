import type { Lang } from "../text/index.js";

/**
 * The quiz question as every consumer sees it (DESIGN §3.4): the CLI prints it as JSON, the chat
 * core posts it as a Telegram quiz poll or Slack buttons, banks import and export it.
 */

/** The question kinds the generator makes; imported banks may use any other name ("curated"). */
export const QUIZ_KINDS = [
  "which-task",
  "task-content",
  "assigned-body",
  "document-date",
  "document-issuer",
  "figure",
  "motto",
  "true-false",
] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** Where the right answer is written: `quote` is a verbatim slice of `file` (a corpus path). */
export interface QuizCitation {
  docNumber: string | null;
  /** The task number when the answer comes from a document's task list, else null. */
  task: number | null;
  file: string;
  quote: string;
}

/** One question, in the exact shape of DESIGN §3.4. */
export interface QuizQuestion {
  /** Stable: a hash of kind + source + answer, so the same fact keeps its id across runs. */
  id: string;
  kind: string;
  /** The language of the question's wording (quoted text keeps the language of its document). */
  lang: Lang;
  /** At most 300 characters (Telegram's limit for a poll question). */
  question: string;
  /** 2 to 10 distinct options of at most 100 characters each. */
  options: string[];
  /** Indexes into `options`; generated questions have exactly one. */
  correct: number[];
  /** At most 200 characters; names the document and the task. */
  explanation: string;
  /** Null only for curated questions whose author gave no source. */
  citation: QuizCitation | null;
}

/** Limits of DESIGN §3.4 (they are Telegram's quiz-poll limits). */
export const LIMITS = {
  question: 300,
  option: 100,
  explanation: 200,
  minOptions: 2,
  maxOptions: 10,
} as const;
