import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/corpus/index.js";
import { exportBank, generateQuiz, importBank, type QuizQuestion } from "../../src/quiz/index.js";
import { engineFor, SEED_CORPUS, VI_CORPUS } from "../support/engine.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/quiz");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

let seeds: Document[];
let vi: Document[];

beforeAll(async () => {
  seeds = (await engineFor(SEED_CORPUS)).index.documents;
  vi = (await engineFor(VI_CORPUS)).index.documents;
});

function questionsOf(result: ReturnType<typeof importBank>): QuizQuestion[] {
  if ("errors" in result) throw new Error(JSON.stringify(result.errors, null, 1));
  return result.questions;
}

describe("importing a curated bank", () => {
  it("reads a trainer's file, answers counted from 1, citations checked against the corpus", () => {
    const questions = questionsOf(importBank(fixture("curated.yaml"), "curated.yaml", { documents: vi }));
    expect(questions).toHaveLength(3);
    const [first, second, third] = questions;
    expect(first?.options[first.correct[0]!]).toBe("Ban Tuyên giáo Tỉnh ủy");
    expect(first).toMatchObject({ kind: "curated", lang: "vi" });
    expect(first?.citation).toMatchObject({
      docNumber: "05-CT/TU",
      task: null,
      file: "chi-thi-05-CT-TU-ha-tinh.txt",
    });
    expect(second).toMatchObject({ kind: "figure", options: ["01", "02", "03"], correct: [0] });
    expect(third).toMatchObject({ correct: [0, 1], citation: null });
    expect(new Set(questions.map((q) => q.id)).size).toBe(3);
  });

  it("reads the example of docs/quiz-bank.md", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/quiz-bank.md"), "utf8");
    const example = doc.match(/```yaml\n([\s\S]*?)```/u)?.[1] ?? "";
    const questions = questionsOf(importBank(example, "quiz-bank.md", { documents: vi }));
    expect(questions.map((q) => [q.options.length, q.correct])).toEqual([
      [3, [1]],
      [3, [0, 1]],
    ]);
  });

  it("names every mistake with its line and field, and imports nothing", () => {
    const result = importBank(fixture("malformed.yaml"), "malformed.yaml", { lang: "en" });
    expect("questions" in result).toBe(false);
    const errors = "errors" in result ? result.errors : [];
    const at = (line: number, field: string) => errors.find((e) => e.line === line && e.field === field);
    expect(at(7, "questions[0].answer")?.message).toMatch(/1 to 2/u);
    expect(at(10, "questions[1].answer")?.message).toMatch(/answer is missing/u);
    expect(at(15, "questions[2].options")?.message).toMatch(/2 to 10/u);
    expect(at(19, "questions[2].colour")?.message).toMatch(/no field colour/u);
    expect(at(25, "questions[3].lang")?.message).toMatch(/vi, en, fr or ja/u);
    expect(errors).toHaveLength(5);
    // The same problems in Vietnamese, the default.
    const vi = importBank(fixture("malformed.yaml"), "malformed.yaml");
    expect("errors" in vi && vi.errors[0]?.message).toMatch(/số thứ tự của phương án đúng/u);
  });

  it("gives the line of a YAML syntax error", () => {
    const result = importBank(fixture("broken-syntax.yaml"), "broken-syntax.yaml");
    expect("errors" in result && result.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect("errors" in result && result.errors[0]?.message).toMatch(/YAML/u);
  });

  it("refuses a quote that is not word for word in the cited file, or a file not in the corpus", () => {
    const text = fixture("curated.yaml")
      .replace("định hướng các cơ quan báo chí của tỉnh", "định hướng mọi cơ quan báo chí")
      .replace("task: 2\n      file: chi-thi-05-CT-TU-ha-tinh.txt", "task: 2\n      file: khong-co.txt");
    const result = importBank(text, "curated.yaml", { documents: vi, lang: "en" });
    const errors = "errors" in result ? result.errors : [];
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [13, "questions[0].citation.quote"],
      [24, "questions[1].citation.file"],
    ]);
    expect(errors[0]?.message).toMatch(/word for word/u);
  });

  it("refuses the same question twice and a file without questions", () => {
    const q = "  - question: Một câu\n    options: [A, B]\n    answer: 1\n    explanation: Giải thích.\n";
    const twice = importBank(`questions:\n${q}${q}`, "twice.yaml", { lang: "en" });
    expect("errors" in twice && twice.errors).toEqual([
      { line: 6, field: "questions[1].question", message: "This question repeats the one on line 2." },
    ]);
    expect("errors" in importBank("title: nothing here\n", "x.yaml")).toBe(true);
    expect("errors" in importBank("questions: []\n", "x.yaml")).toBe(true);
  });
});

describe("exporting generated questions", () => {
  it("round-trips: importing the export gives back the same questions", () => {
    for (const [docs, lang] of [
      [seeds, "vi"],
      [seeds, "ja"],
      [vi, "fr"],
    ] as const) {
      const questions = generateQuiz(docs, { n: 10_000, seed: 9, lang });
      expect(questions.length).toBeGreaterThan(50);
      const text = exportBank(questions);
      expect(questionsOf(importBank(text, "export.yaml", { documents: docs }))).toEqual(questions);
    }
  });

  it("writes answers counted from 1 and a pointer to the format", () => {
    const [q] = generateQuiz(vi, { n: 1, seed: 2 });
    const text = exportBank([q!]);
    expect(text).toMatch(/docs\/quiz-bank\.md/u);
    expect(text).toContain(`answer: ${q!.correct[0]! + 1}\n`);
  });
});
