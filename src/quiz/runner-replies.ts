import type { Reply } from "../chat/types.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../text/index.js";
import type { History, Standing } from "./scores.js";
import type { QuizCitation, QuizQuestion } from "./types.js";

/**
 * What the quiz says, as chat-core replies (phrases from `locales/*.yaml`, `quiz.run.*`). Only the
 * port types of the chat core are used, as the reminders do: the quiz never imports an adapter.
 */

/**
 * How a messenger shows a question: a native quiz poll, buttons, numbered options to type, or
 * lettered options to type ("A. …", answered A/B/C/D: Zalo, which has neither polls nor buttons).
 */
export type QuestionMode = "poll" | "buttons" | "typed" | "letters";

/** The option labels of the lettered mode (a question has at most 10 options). */
export const OPTION_LETTERS = "ABCDEFGHIJ";

/** The option a typed answer names (0-based): "2"; and in the lettered mode "B" or "b" too. Null otherwise. */
export function typedOption(text: string, mode: QuestionMode): number | null {
  const m = /^\s*(?:(\d{1,2})|([A-Ja-j]))\s*[.)]?\s*$/.exec(text);
  if (m?.[1]) return Number(m[1]) - 1;
  if (m?.[2] && mode === "letters") return OPTION_LETTERS.indexOf(m[2].toUpperCase());
  return null;
}

/** Top of a results message. */
export const RESULTS_TOP = 10;

const seconds = (ms: number, lang: Lang) => t(lang, "quiz.run.time", { s: (ms / 1000).toFixed(1) });

/** "1470-CV/TU, nhiệm vụ 4" for a citation (the file when the document has no number). */
export function sourceLabel(c: QuizCitation, lang: Lang): string {
  const doc = c.docNumber ?? c.file;
  return c.task === null ? doc : t(lang, "quiz.run.sourceTask", { doc, task: c.task });
}

const rightAnswer = (q: QuizQuestion) => q.correct.map((i) => q.options[i] ?? "").join(" / ");

/** The action of the k-th option's button: `qz:<session>:<question>:<option>` (≤ 64 bytes). */
export const optionAction = (sessionId: string, idx: number, k: number) => `qz:${sessionId}:${idx}:${k}`;

/** One question as sent: a native poll on Telegram, text with buttons, numbers or letters elsewhere. */
export function questionReply(
  q: QuizQuestion,
  at: { sessionId: string; idx: number; total: number; seconds: number },
  mode: QuestionMode,
  lang: Lang,
): Reply {
  const head = t(lang, "quiz.run.question", { i: at.idx + 1, n: at.total, question: q.question });
  const label = (k: number) => (mode === "letters" ? OPTION_LETTERS[k] : String(k + 1));
  const numbered = q.options.map((o, k) => `${label(k)}. ${o}`).join("\n");
  const letters = [...OPTION_LETTERS.slice(0, q.options.length)].join(", ");
  const hintKey = { poll: "quiz.run.clickHint", buttons: "quiz.run.clickHint", typed: "quiz.run.typeHint" };
  const hint =
    mode === "letters"
      ? t(lang, "menu.letterHint", { seconds: at.seconds, letters })
      : t(lang, hintKey[mode], { seconds: at.seconds });
  const reply: Reply = { text: `${head}\n\n${numbered}\n\n${hint}`, lang };
  if (mode === "poll") {
    // The question is the poll's; the "i/n" prefix stays only while it fits Telegram's 300 characters.
    const question = head.length <= 300 ? head : q.question;
    reply.poll = {
      question,
      options: q.options,
      correct: q.correct,
      explanation: q.explanation,
      openSeconds: at.seconds,
    };
  }
  if (mode === "buttons") {
    reply.buttons = q.options.map((o, k) => ({
      label: `${k + 1}. ${o}`,
      action: optionAction(at.sessionId, at.idx, k),
    }));
  }
  return reply;
}

/** The end of a question where the platform shows no answer itself: the right one, why, and how many got it. */
export function revealReply(
  q: QuizQuestion,
  idx: number,
  right: number,
  answered: number,
  lang: Lang,
): Reply {
  const lines = [
    t(lang, "quiz.run.reveal", { i: idx + 1, answer: rightAnswer(q), right, answered }),
    q.explanation,
  ];
  if (q.citation)
    lines.push(t(lang, "quiz.run.quote", { source: sourceLabel(q.citation, lang), quote: q.citation.quote }));
  return { text: lines.join("\n"), lang };
}

/** The private answer to a click or a typed number: right or wrong, and the explanation. */
export function feedbackReply(q: QuizQuestion, option: number, lang: Lang): Reply {
  const right = q.correct.includes(option);
  const text = right
    ? t(lang, "quiz.run.right", { explanation: q.explanation })
    : t(lang, "quiz.run.wrong", { answer: rightAnswer(q), explanation: q.explanation });
  return { text, lang, private: true };
}

/** A short private notice (already answered, closed, …). */
export const notice = (lang: Lang, key: string, vars: Record<string, string | number> = {}): Reply => ({
  text: t(lang, `quiz.run.${key}`, vars),
  lang,
  private: true,
});

function rankLines(standings: Standing[], lang: Lang, key: "rankLine" | "boardLine"): string[] {
  if (standings.length === 0) return [t(lang, "quiz.run.noAnswers")];
  return standings.slice(0, RESULTS_TOP).map((s, i) =>
    t(lang, `quiz.run.${key}`, {
      rank: i + 1,
      name: s.name,
      correct: s.correct,
      answered: s.answered,
      time: seconds(s.ms, lang),
      quizzes: s.quizzes,
    }),
  );
}

/** A quiz's results: the title, the top 10, then each question's answer with the passage it comes from. */
export function resultsReply(
  title: string,
  standings: Standing[],
  questions: readonly QuizQuestion[],
  lang: Lang,
): Reply {
  const lines = [title, ...rankLines(standings, lang, "rankLine")];
  if (questions.length > 0) lines.push("", t(lang, "quiz.run.answersTitle"));
  questions.forEach((q, i) => {
    const source = q.citation ? ` (${sourceLabel(q.citation, lang)})` : "";
    lines.push(t(lang, "quiz.run.answerLine", { i: i + 1, answer: rightAnswer(q), source }));
  });
  return { text: lines.join("\n"), lang };
}

/** A chat's leaderboard over every quiz it ran. */
export function leaderboardReply(standings: Standing[], quizzes: number, lang: Lang): Reply {
  if (quizzes === 0) return { text: t(lang, "quiz.run.boardEmpty"), lang };
  return {
    text: [t(lang, "quiz.run.boardTitle", { quizzes }), ...rankLines(standings, lang, "boardLine")].join(
      "\n",
    ),
    lang,
  };
}

/** `/quiz me`: a person's history and the passages to reread, for them alone. */
export function historyReply(name: string, h: History, lang: Lang): Reply {
  if (h.answered === 0) return { text: t(lang, "quiz.run.meEmpty"), lang, private: true };
  const lines = [
    t(lang, "quiz.run.meTitle", { name, quizzes: h.quizzes, correct: h.correct, answered: h.answered }),
  ];
  if (h.weak.length > 0) lines.push(t(lang, "quiz.run.meWeakTitle"));
  for (const w of h.weak) {
    lines.push(
      t(lang, "quiz.run.meWeakLine", {
        source: sourceLabel(w.citation, lang),
        wrong: w.wrong,
        quote: w.citation.quote,
      }),
    );
  }
  return { text: lines.join("\n"), lang, private: true };
}
