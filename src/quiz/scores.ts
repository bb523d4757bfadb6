import type { QuizAnswerRecord, QuizAnswerWithSession } from "../store/quiz-types.js";
import { parseStoredQuestion } from "./session.js";
import type { QuizCitation } from "./types.js";

/**
 * Scoring. A quiz ranks people by correct answers (more first), then by the total time of their
 * correct answers (less first): a wrong answer costs nothing but the point, so guessing fast does
 * not pay. A chat's leaderboard adds up every quiz it ran the same way.
 */

/** One person's line in a ranking. */
export interface Standing {
  userId: string;
  name: string;
  correct: number;
  answered: number;
  /** Total time taken over the correct answers, in ms. */
  ms: number;
  /** Quizzes this person answered in (1 in a single quiz's ranking). */
  quizzes: number;
}

/** Correct answers desc, then time asc, then name, so the order is total and stable. */
export function compareStandings(a: Standing, b: Standing): number {
  return (
    b.correct - a.correct || a.ms - b.ms || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)
  );
}

/** Ranks people over a set of answers (one quiz's, or a whole chat's). */
export function rank(answers: readonly QuizAnswerRecord[]): Standing[] {
  const by = new Map<string, Standing & { sessions: Set<string> }>();
  for (const a of answers) {
    let s = by.get(a.userId);
    if (!s) {
      s = {
        userId: a.userId,
        name: a.userName ?? a.userId,
        correct: 0,
        answered: 0,
        ms: 0,
        quizzes: 0,
        sessions: new Set(),
      };
      by.set(a.userId, s);
    }
    if (a.userName) s.name = a.userName; // the latest name a person used
    s.answered++;
    if (a.correct) {
      s.correct++;
      s.ms += a.ms;
    }
    s.sessions.add(a.sessionId);
  }
  return [...by.values()]
    .map(({ sessions, ...s }) => ({ ...s, quizzes: sessions.size }))
    .sort(compareStandings);
}

/** A passage a person got wrong, with how often: what `/quiz me` asks them to reread. */
export interface WeakSpot {
  citation: QuizCitation;
  wrong: number;
}

/** A person's history: quizzes, answers, and the cited passages they got wrong most (up to `limit`). */
export interface History {
  quizzes: number;
  answered: number;
  correct: number;
  weak: WeakSpot[];
}

/** Sums up one person's answers (from `QuizStore.userAnswers`). */
export function history(answers: readonly QuizAnswerWithSession[], limit = 3): History {
  const weak = new Map<string, WeakSpot>();
  for (const a of answers) {
    if (a.correct) continue;
    const citation = parseStoredQuestion(a.payload)?.citation;
    if (!citation) continue;
    const key = `${citation.docNumber ?? citation.file}#${citation.task ?? citation.quote}`;
    const spot = weak.get(key) ?? { citation, wrong: 0 };
    spot.wrong++;
    weak.set(key, spot);
  }
  return {
    quizzes: new Set(answers.map((a) => a.sessionId)).size,
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    weak: [...weak.values()].sort((a, b) => b.wrong - a.wrong).slice(0, limit),
  };
}
