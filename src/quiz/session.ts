import { z } from "zod";
import { userIds } from "../config/index.js";
import { LANGS } from "../text/index.js";
import type { QuizQuestion } from "./types.js";

/**
 * What a quiz session is made of, independent of any messenger: the questions as stored (validated
 * when read back), and `/quiz start` arguments read in any order, in Vietnamese or English.
 */

const StoredQuestion = z.object({
  id: z.string(),
  kind: z.string(),
  lang: z.enum(LANGS),
  question: z.string().min(1),
  options: z.array(z.string()).min(2),
  correct: z.array(z.int().min(0)).min(1),
  explanation: z.string(),
  citation: z
    .object({
      docNumber: z.string().nullable(),
      task: z.int().nullable(),
      file: z.string(),
      quote: z.string(),
    })
    .nullable(),
});

/** A question read back from the store; undefined when the row does not hold one (logged by callers). */
export function parseStoredQuestion(payload: string): QuizQuestion | undefined {
  try {
    const parsed = StoredQuestion.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Defaults and bounds of `/quiz start`. */
export const QUIZ_DEFAULTS = { questions: 5, seconds: 30, maxQuestions: 20, minSeconds: 10, maxSeconds: 600 };

/** `/quiz start` arguments, read. `document` is the raw word the trainer typed, if any. */
export interface StartArgs {
  document: string | null;
  questions: number;
  seconds: number;
}

const SECONDS = /^(\d{1,4})\s*(?:s|sec|secs|seconds?|giây|gi[aâ]y|秒|secondes?)$/iu;
const QUESTIONS = /^(\d{1,3})\s*(?:q|câu|cau|questions?|câu hỏi|問)$/iu;

/**
 * Reads `[DOCUMENT] [N questions] [seconds each]` in any order: "1470-CV/TU 5 30", "10 câu 20 giây",
 * "45s 3q". A bare number is the count first, then the seconds (a bare number above 20 is seconds).
 * Counts and seconds are clamped to the bounds in `QUIZ_DEFAULTS`.
 */
export function parseStartArgs(text: string): StartArgs {
  const words = text
    .replace(/(\d)\s+(câu hỏi|câu|cau|questions?|giây|giay|seconds?|secs?|s|q)\b/giu, "$1$2")
    .split(/\s+/)
    .filter(Boolean);
  let questions: number | null = null;
  let seconds: number | null = null;
  const rest: string[] = [];
  for (const word of words) {
    const s = SECONDS.exec(word);
    const q = QUESTIONS.exec(word);
    if (s) seconds = Number(s[1]);
    else if (q) questions = Number(q[1]);
    else if (/^\d{1,4}$/.test(word)) {
      const n = Number(word);
      if (questions === null && n <= QUIZ_DEFAULTS.maxQuestions) questions = n;
      else seconds ??= n;
    } else rest.push(word);
  }
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
  return {
    document: rest.length > 0 ? rest.join(" ") : null,
    questions: clamp(questions ?? QUIZ_DEFAULTS.questions, 1, QUIZ_DEFAULTS.maxQuestions),
    seconds: clamp(seconds ?? QUIZ_DEFAULTS.seconds, QUIZ_DEFAULTS.minSeconds, QUIZ_DEFAULTS.maxSeconds),
  };
}

/**
 * `isTrainer` for the runner from BOT_TRAINERS: platform-prefixed user ids separated by commas or
 * spaces (`telegram:123, slack:U0ABC`).
 */
export function trainersFrom(
  list: string | readonly string[] | undefined,
): (msg: { messenger: string; userId: string }) => boolean {
  const ids = new Set(
    (typeof list === "string" ? userIds(list) : (list ?? [])).map((s) => s.trim()).filter(Boolean),
  );
  return (msg) => ids.has(`${msg.messenger}:${msg.userId}`);
}
