import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/corpus/index.js";
import { loadConcepts } from "../../src/engine.js";
import { generateQuiz, type QuizQuestion, verifyQuestion } from "../../src/quiz/index.js";
import type { ConceptFinder } from "../../src/search/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { supportedByQuote } from "./checks.js";

let documents: Document[];
let concepts: ConceptFinder;
let questions: QuizQuestion[];

beforeAll(async () => {
  documents = (await engineFor(SEED_CORPUS)).index.documents;
  concepts = await loadConcepts();
  questions = generateQuiz(documents, { n: 10_000, seed: "verify" });
});

const verify = (q: QuizQuestion) => verifyQuestion(q, { documents, concepts });
const one = (pred: (q: QuizQuestion) => boolean) => {
  const q = questions.find(pred);
  if (!q) throw new Error("no such question in the seed quiz");
  return structuredClone(q);
};
const other = (q: QuizQuestion) => (q.correct[0]! + 1) % q.options.length;

describe("the verifier", () => {
  it("accepts what the generator keeps", () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) expect(verify(q), q.question).toEqual([]);
  });

  it("refuses a question whose marked answer is not the one the quote supports, for every kind", () => {
    const kinds = new Set(questions.map((q) => q.kind));
    expect(kinds.size).toBe(8);
    for (const kind of kinds) {
      const q = one((x) => x.kind === kind);
      q.correct = [other(q)];
      expect(verify(q).join("\n"), kind).toMatch(/does not support the right option|also supports/u);
      // The plain checks the contract tests use see the same mistake.
      if (kind !== "which-task") expect(supportedByQuote(q)?.[q.correct[0]!]).toBe(false);
    }
  });

  it("refuses a distractor that is another name of the right body", () => {
    const q = one((x) => x.kind === "document-issuer" && x.options[x.correct[0]!] === "Bureau politique");
    q.options[other(q)] = "Politburo";
    expect(verify(q).join("\n")).toMatch(/means the same as the right one/u);
  });

  it("refuses a figure written twice in two ways", () => {
    const q = one((x) => x.kind === "figure" && /%$/u.test(x.options[x.correct[0]!]!));
    q.options[other(q)] = q.options[q.correct[0]!]!.replace(/\s/gu, "");
    expect(verify(q).join("\n")).toMatch(/written another way/u);
  });

  it("refuses a which-task phrase that several of the offered tasks hold", () => {
    const q = one(
      (x) => x.kind === "which-task" && x.question.includes("«") && x.citation?.docNumber === "1470-CV/TU",
    );
    q.question = q.question.replace(/«.*»/u, "«mobilisation des masses»");
    expect(verify(q).join("\n")).toMatch(/also supports|does not hold/u);
  });

  it("refuses a quote that is not word for word in the file, and a task that does not hold it", () => {
    const q = one((x) => x.citation?.task === 7);
    expect(
      verify({ ...q, citation: { ...q.citation!, quote: `${q.citation!.quote} et davantage` } }).join(),
    ).toMatch(/not verbatim/u);
    expect(verify({ ...q, citation: { ...q.citation!, task: 2 } }).join()).toMatch(/not in task 2/u);
    expect(verify({ ...q, citation: { ...q.citation!, file: "nope.txt" } }).join()).toMatch(
      /not in the corpus/u,
    );
  });

  it("refuses the limits of DESIGN §3.4 being broken", () => {
    const q = one((x) => x.kind === "motto");
    expect(verify({ ...q, question: "x".repeat(301) }).join()).toMatch(/over 300/u);
    expect(verify({ ...q, options: [...q.options, q.options[0]!] }).join()).toMatch(
      /two options are the same/u,
    );
    expect(verify({ ...q, options: [...q.options.slice(0, -1), "y".repeat(101)] }).join()).toMatch(
      /over 100/u,
    );
    expect(verify({ ...q, explanation: "z".repeat(201) }).join()).toMatch(/over 200/u);
    expect(verify({ ...q, correct: [0, 1] }).join()).toMatch(/exactly one/u);
  });

  it("refuses an explanation that does not name the task or quotes what the quote does not say", () => {
    const q = one((x) => x.kind === "assigned-body");
    expect(verify({ ...q, explanation: q.explanation.replace(/nhiệm vụ \d+/u, "") }).join()).toMatch(
      /does not name the task/u,
    );
    expect(
      verify({
        ...q,
        explanation: `${q.citation!.docNumber}, nhiệm vụ ${q.citation!.task}: «tout autre chose»`,
      }).join(),
    ).toMatch(/quotes what the quote does not say/u);
  });

  it("refuses a true/false statement judged the wrong way", () => {
    const q = one((x) => x.kind === "true-false");
    q.correct = [1 - q.correct[0]!];
    expect(verify(q).join()).toMatch(/does not support the right option/u);
  });
});
