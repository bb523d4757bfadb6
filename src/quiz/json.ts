import type { QuizQuestion } from "./types.js";

/**
 * A question as the JSON object of DESIGN §3.4, keys in the documented order, nothing else:
 * `JSON.stringify(toJson(q))` is one line of `cadre quiz generate --json`.
 */
export function toJson(q: QuizQuestion): QuizQuestion {
  return {
    id: q.id,
    kind: q.kind,
    lang: q.lang,
    question: q.question,
    options: [...q.options],
    correct: [...q.correct],
    explanation: q.explanation,
    citation: q.citation
      ? {
          docNumber: q.citation.docNumber,
          task: q.citation.task,
          file: q.citation.file,
          quote: q.citation.quote,
        }
      : null,
  };
}
