import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/corpus/index.js";
import { loadConcepts } from "../../src/engine.js";
import {
  generateQuiz,
  generateQuizReport,
  QUIZ_KINDS,
  type QuizQuestion,
  toJson,
} from "../../src/quiz/index.js";
import type { ConceptFinder } from "../../src/search/index.js";
import { engineFor, SEED_CORPUS, VI_CORPUS } from "../support/engine.js";
import { contractProblems, inText, supportedByQuote } from "./checks.js";

let seeds: Document[];
let vi: Document[];
let concepts: ConceptFinder;

beforeAll(async () => {
  seeds = (await engineFor(SEED_CORPUS)).index.documents;
  vi = (await engineFor(VI_CORPUS)).index.documents;
  concepts = await loadConcepts();
});

/** Every question the corpus supports (n far above what it can give). */
const all = (docs: Document[], lang: "vi" | "en" | "fr" | "ja" = "vi") =>
  generateQuiz(docs, { n: 10_000, seed: "all", lang });

function taskText(docs: Document[], file: string, n: number, article: boolean): string | undefined {
  const v = docs.flatMap((d) => d.versions).find((x) => x.file === file);
  return article ? v?.articles.find((a) => a.n === n)?.text : v?.tasks.find((t) => t.n === n)?.text;
}

/** Which options of a which-task question name a task holding the phrase (or its glossary concept). */
function whichTaskSupport(q: QuizQuestion, docs: Document[]): boolean[] {
  const [open, close] = q.lang === "ja" ? ["『", "』"] : ["«", "»"];
  const phrase = q.question.slice(q.question.indexOf(open) + 1, q.question.lastIndexOf(close));
  const article = q.citation?.task === null;
  const texts = q.options.map(
    (o) => taskText(docs, q.citation!.file, Number(o.match(/\d+/u)?.[0]), article) ?? "",
  );
  const right = texts[q.correct[0]!]!;
  if (inText(right, phrase)) return texts.map((t) => inText(t, phrase));
  const ids = concepts.conceptsIn(phrase, q.lang).map((m) => m.id);
  return texts.map(
    (t) => ids.length > 0 && ids.every((id) => concepts.conceptsIn(t).some((m) => m.id === id)),
  );
}

describe.each([
  ["the seed corpus", () => seeds, SEED_CORPUS],
  ["the Vietnamese directives", () => vi, VI_CORPUS],
] as const)("every question generated over %s", (_name, docs, dir) => {
  for (const lang of ["vi", "en", "fr", "ja"] as const) {
    it(`keeps the limits of DESIGN §3.4 and quotes its file verbatim (${lang})`, () => {
      const questions = all(docs(), lang);
      expect(questions.length).toBeGreaterThan(30);
      for (const q of questions) expect(contractProblems(toJson(q), dir), q.question).toEqual([]);
    });

    it(`has its right option, and only it, supported by its quote (${lang})`, () => {
      for (const q of all(docs(), lang)) {
        const support = q.kind === "which-task" ? whichTaskSupport(q, docs()) : supportedByQuote(q);
        expect(support, `${q.kind}: ${q.question}`).not.toBeNull();
        expect(
          support!.map((ok, i) => (ok ? i : -1)).filter((i) => i >= 0),
          `${q.kind}: ${q.question}`,
        ).toEqual(q.correct);
      }
    });
  }
});

describe("a quiz of 30 over the seed corpus", () => {
  it("has 30 distinct questions of at least 4 kinds, dealt evenly", () => {
    const quiz = generateQuiz(seeds, { n: 30, seed: 1 });
    expect(quiz).toHaveLength(30);
    expect(new Set(quiz.map((q) => q.id)).size).toBe(30);
    expect(new Set(quiz.map((q) => q.question)).size).toBe(30);
    const counts = new Map<string, number>();
    for (const q of quiz) counts.set(q.kind, (counts.get(q.kind) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    // Every kind has at least 4 verified questions over the seeds, so round-robin gives 3 or 4 of each.
    expect(counts.size).toBe(QUIZ_KINDS.length);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it("is the same quiz for the same seed and another order for another seed", () => {
    const a = generateQuiz(seeds, { n: 30, seed: 42 });
    const b = generateQuiz(seeds, { n: 30, seed: 42 });
    const c = generateQuiz(seeds, { n: 30, seed: 43 });
    expect(b).toEqual(a);
    expect(c.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });

  it("keeps a question's id from one run to the next (hash of kind, source and answer)", () => {
    const a = new Map(all(seeds).map((q) => [q.id, q]));
    const b = generateQuiz(seeds, { n: 10_000, seed: "another" });
    const shared = b.filter((q) => a.has(q.id) && q.kind !== "true-false");
    expect(shared.length).toBeGreaterThan(50);
    for (const q of shared)
      expect(a.get(q.id)?.options[a.get(q.id)!.correct[0]!]).toBe(q.options[q.correct[0]!]);
  });
});

describe("generation options", () => {
  it("words questions in the trainer's language and quotes the version in that language", () => {
    const ja = generateQuiz(seeds, { n: 40, seed: 3, lang: "ja", docId: "1470-CV/TU" });
    expect(ja.length).toBeGreaterThan(20);
    for (const q of ja) {
      expect(q.lang).toBe("ja");
      expect(q.citation?.file).toBe("004_38580ef53a787c49.txt");
      expect(q.question).toMatch(/[\u3040-\u30ff]/u);
    }
    const vi = generateQuiz(seeds, { n: 40, seed: 3, lang: "vi", docId: "1470-CV/TU" });
    for (const q of vi) expect(q.citation?.file).toBe("000_47ee2a2a6edbd7b0.txt");
    expect(vi.some((q) => /Theo|Nhiệm vụ nào|Đúng hay sai/u.test(q.question))).toBe(true);
  });

  it("asks only about the chosen document and only the chosen kinds", () => {
    const quiz = generateQuiz(vi, { n: 50, seed: 5, docId: "05-CT/TU", kinds: ["figure", "assigned-body"] });
    expect(quiz.length).toBeGreaterThan(5);
    for (const q of quiz) {
      expect(q.citation?.docNumber).toBe("05-CT/TU");
      expect(["figure", "assigned-body"]).toContain(q.kind);
    }
  });

  it("gives fewer questions rather than padding when the corpus runs out", () => {
    const report = generateQuizReport(vi, { n: 10_000, seed: 1, docId: "215-CV/HU" });
    expect(report.questions.length).toBe(report.available);
    expect(report.questions.length).toBeLessThan(10_000);
    expect(generateQuiz(vi, { n: 0, seed: 1 })).toEqual([]);
    expect(generateQuiz(vi, { n: 5, seed: 1, docId: "999-XX/YY" })).toEqual([]);
  });
});
