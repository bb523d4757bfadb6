import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.js";
import { createChatModel, loadPrompts, rephraseQuiz } from "../../src/llm/index.js";
import { shippedConcepts } from "../../src/quiz/glossary.js";
import { generateQuiz, type QuizQuestion, verifyQuestion } from "../../src/quiz/index.js";
import { FakeChatServer, type Received } from "../support/fake-llm/index.js";
import { offline, SEEDS } from "./setup.js";

// Issue 7, item 5: a rephrased quiz item is kept only when it still passes the quiz verifier.

let engine: Engine;
let fake: FakeChatServer;

beforeAll(async () => {
  ({ engine } = await offline(SEEDS));
  fake = await FakeChatServer.start({ protocol: "openai" });
}, 120_000);
afterAll(() => fake?.close());

const between = (r: Received, tag: string) =>
  r.prompt.match(new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`))?.[1] ?? "";

describe("quiz rephrasing", () => {
  it("keeps a rephrasing that passes the verifier, and the generated item otherwise", async () => {
    const generated = generateQuiz(engine.index.documents, { n: 6, seed: 3, lang: "vi" }).filter(
      (q) => q.question.length < 280,
    );
    expect(generated.length).toBeGreaterThanOrEqual(3);
    expect(generated[1]?.explanation).toMatch(/«.{3}/);
    let n = 0;
    fake.otherwise((r) => {
      const question = between(r, "question");
      const explanation = between(r, "explanation");
      n++;
      // 1st: reworded around the quotes; 2nd: a quote changed; 3rd: the server fails; then nonsense.
      if (n === 1) return { text: `QUESTION: (Ôn tập) ${question}\nEXPLANATION: ${explanation}` };
      if (n === 2)
        return { text: `QUESTION: ${question}\nEXPLANATION: ${explanation.replace(/«.{3}/, "«XYZ")}` };
      if (n === 3) return { status: 400, message: "no" };
      return { text: "Sure! Here is a better question." };
    });
    const model = createChatModel({ LLM: "openai", LLM_BASE_URL: fake.url }, { timeoutMs: 5000 });
    const verify = { documents: engine.index.documents, concepts: shippedConcepts() };
    const log: string[] = [];
    const report = await rephraseQuiz(generated, {
      model,
      prompt: loadPrompts().quiz,
      verify,
      log: (l) => log.push(l),
    });
    expect(report.questions).toHaveLength(generated.length);
    expect(report.rephrased).toBe(1);
    expect(report.questions[0]?.question).toBe(`(Ôn tập) ${generated[0]?.question}`);
    expect(report.questions.slice(1)).toEqual(generated.slice(1));
    for (const q of report.questions as QuizQuestion[]) expect(verifyQuestion(q, verify)).toEqual([]);
    expect(log.join("\n")).toMatch(/kept as generated/);
  });
});
