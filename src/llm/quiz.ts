import type { Document } from "../corpus/index.js";
import { shippedConcepts } from "../quiz/glossary.js";
import type { QuizQuestion, VerifyContext } from "../quiz/index.js";
import { verifyQuestion } from "../quiz/index.js";
import { LANGUAGE_LABELS } from "./answerer.js";
import { createChatModel, type LanguageModel, type LlmSettings } from "./model.js";
import { loadPrompts, type Prompt, renderPrompt } from "./prompts.js";

/**
 * Quiz rephrasing (issue 7, item 5): with a model, a generated question and its explanation may be
 * worded more naturally. The rephrased item must keep every quoted span and still pass the quiz
 * verifier; otherwise, or when the model fails, the generated item is kept unchanged.
 */

/** What a rephrasing run did, for the operator and tests. */
export interface RephraseReport {
  questions: QuizQuestion[];
  rephrased: number;
  kept: number;
}

/** Rephrases each question (one model call each), keeping the original where the result fails a check. */
export async function rephraseQuiz(
  questions: QuizQuestion[],
  deps: { model: LanguageModel; prompt: Prompt; verify: VerifyContext; log?: (line: string) => void },
): Promise<RephraseReport> {
  const out: QuizQuestion[] = [];
  let rephrased = 0;
  for (const q of questions) {
    const better = await rephraseOne(q, deps).catch((error: unknown) => {
      deps.log?.(`llm: quiz ${q.id} kept as generated (${(error as Error).message})`);
      return null;
    });
    if (better) rephrased++;
    out.push(better ?? q);
  }
  return { questions: out, rephrased, kept: questions.length - rephrased };
}

async function rephraseOne(
  q: QuizQuestion,
  deps: { model: LanguageModel; prompt: Prompt; verify: VerifyContext },
): Promise<QuizQuestion | null> {
  const prompt = renderPrompt(deps.prompt, {
    lang: LANGUAGE_LABELS[q.lang],
    question: q.question,
    explanation: q.explanation,
  });
  const reply = await deps.model.complete(prompt.system, prompt.user);
  const question = field(reply, "QUESTION");
  const explanation = field(reply, "EXPLANATION");
  if (!question || !explanation || (question === q.question && explanation === q.explanation)) return null;
  const candidate: QuizQuestion = { ...q, question, explanation };
  if (!keepsQuotes(q.question, question) || !keepsQuotes(q.explanation, explanation)) return null;
  return verifyQuestion(candidate, deps.verify).length === 0 ? candidate : null;
}

function field(reply: string, name: string): string | null {
  const m = reply.match(new RegExp(`^\\s*${name}\\s*:\\s*(.+)$`, "m"));
  return m?.[1]?.trim() || null;
}

/** Every «…» / 『…』 / “…” span of the original is in the rephrased text, character for character. */
function keepsQuotes(original: string, rephrased: string): boolean {
  const spans = [...original.matchAll(/«[^»]*»|『[^』]*』|“[^”]*”/g)].map((m) => m[0]);
  return spans.every((s) => rephrased.includes(s));
}

/**
 * `cadre quiz generate` with LLM set: the generated questions rephrased by the configured model
 * (prompts checked first), each still verified against `documents`.
 */
export async function rephraseWithSettings(
  settings: LlmSettings,
  questions: QuizQuestion[],
  documents: Document[],
  log: (line: string) => void,
): Promise<QuizQuestion[]> {
  const model = createChatModel(settings);
  const verify = { documents, concepts: shippedConcepts() };
  return (await rephraseQuiz(questions, { model, prompt: loadPrompts().quiz, verify, log })).questions;
}
