import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { loadConcepts, openEngine } from "../../src/engine.js";
import { Retriever } from "../../src/search/index.js";
import { SEEDS } from "./setup.js";

// Issue 7, "done when": with LLM unset, answers are byte for byte what they were.

const QUESTIONS = [
  "nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?",
  "what does task 7 of 1470-CV/TU require?",
  "Que demande la tâche 2 du 1470-CV/TU ?",
  "1470-CV/TUのタスク9は何ですか",
  "ban tuyên giáo phải làm gì?",
  "Quels sont les résultats de la mobilisation des masses ?",
  "how many people benefited from social assistance?",
  "khi nào 1470-CV/TU được ban hành?",
  "task 11 of 1470-CV/TU",
  "thời tiết ở Đà Lạt hôm nay thế nào?",
  "nhiệm vụ 3 của 08-DA/TU",
  "",
];

describe("without LLM", () => {
  it("openEngine gives the extractive answerer, and its answers equal the pre-issue-7 path byte for byte", async () => {
    const concepts = await loadConcepts();
    const engine = await openEngine({
      corpusDir: SEEDS,
      dataDir: mkdtempSync(path.join(tmpdir(), "cadre-llm-off-")),
      concepts,
      // LLM_* without LLM: the offline path, and no model is built.
      llm: { LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_MODEL: "m", LLM_TIMEOUT_MS: 1 },
    });
    expect(engine.answerer.constructor).toBe(Answerer);
    expect(engine.retriever.constructor).toBe(Retriever);
    const before = new Answerer(engine.index, new Retriever(engine.index, concepts));
    const conversation = { docId: null };
    const earlier = { docId: null };
    for (const q of QUESTIONS) {
      const now = JSON.stringify(await engine.answerer.ask(q, { conversation }));
      expect(now).toBe(JSON.stringify(await before.ask(q, { conversation: earlier })));
    }
    expect(conversation).toEqual(earlier);
  });
});
