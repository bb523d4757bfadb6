import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.js";
import { type LanguageModel, loadPrompts, parseRewrites, QueryRewriter } from "../../src/llm/index.js";
import type { ConceptFinder } from "../../src/search/index.js";
import { FakeChatServer, isAnswerRequest } from "../support/fake-llm/index.js";
import { extractive, inFile, modelAnswerer, offline, SEEDS } from "./setup.js";

// Issue 7, item 4: the question rewritten into the corpus's languages (one call, cached) when the
// offline retrieval is not confident.

const QUESTION = "Which governance scores rose yet stayed weak?";
const FRENCH = "Quels indices se sont améliorés mais restent faibles ?";

let engine: Engine;
let concepts: ConceptFinder;
let fake: FakeChatServer;

beforeAll(async () => {
  ({ engine, concepts } = await offline(SEEDS));
  fake = await FakeChatServer.start({ protocol: "openai" });
}, 120_000);
afterAll(() => fake?.close());

describe("query rewriting", () => {
  it("finds across languages what the offline path refuses, and asks for the rewrite once", async () => {
    expect((await extractive(engine, concepts).ask(QUESTION)).found).toBe(false);
    fake.reset();
    fake.otherwise((r) =>
      isAnswerRequest(r)
        ? { text: "The PAPI, SIPAS and PCI indices improved but remain low [1]." }
        : { text: `fr: ${FRENCH}\nja: 改善したがまだ低い指標はどれですか\nen: ignored` },
    );
    const { answerer } = modelAnswerer(engine, concepts, fake, { rewrite: true });
    const answer = await answerer.ask(QUESTION);
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.quote).toContain("PAPI");
    expect(inFile(SEEDS, answer.citations[0]?.file ?? "", answer.citations[0]?.quote ?? "")).toBe(true);
    const rewrites = fake.received.filter((r) => !isAnswerRequest(r));
    expect(rewrites).toHaveLength(1);
    expect(rewrites[0]?.prompt).toContain("fr (French (français)), ja (Japanese (日本語))");
    expect(rewrites[0]?.prompt).toContain(`<question>\n${QUESTION}\n</question>`);
    await answerer.ask(QUESTION);
    expect(fake.received.filter((r) => !isAnswerRequest(r))).toHaveLength(1);
  });

  it("is harmless when it fails: the question is searched as asked", async () => {
    fake.reset();
    fake.otherwise(() => ({ status: 400, message: "bad request" }));
    const log: string[] = [];
    const { answerer } = modelAnswerer(engine, concepts, fake, { rewrite: true, log });
    const answer = await answerer.ask(QUESTION);
    expect(answer).toEqual(await extractive(engine, concepts).ask(QUESTION));
    expect(fake.received.some(isAnswerRequest)).toBe(false);
    expect(log.join("\n")).toMatch(/query rewrite failed/);
  });
});

describe("the rewrite cache and parser", () => {
  it("keeps a bounded number of questions, dropping the least recently used", async () => {
    const asked: string[] = [];
    const model: LanguageModel = {
      provider: "openai",
      model: "stub",
      baseUrl: "http://127.0.0.1",
      timeoutMs: 1000,
      complete: async (_system, user) => {
        asked.push(user);
        return "fr: une question traduite ici";
      },
    };
    const rewriter = new QueryRewriter(model, loadPrompts().rewrite, ["fr", "ja"], () => {}, 2);
    for (const q of ["q one here", "q two here", "q one here", "q three here", "q two here", "q one here"]) {
      await rewriter.rewrite(q, "en");
    }
    // one, two, (one cached), three evicts two, two evicts one, one again.
    expect(asked.map((u) => u.match(/q \w+/)?.[0])).toEqual(["q one", "q two", "q three", "q two", "q one"]);
    // Asked in French, only Japanese is wanted: the model's "fr:" line is not used.
    expect((await rewriter.rewrite("q four here", "fr")).size).toBe(0);
  });

  it("reads only wanted languages and drops lines that are not a translation", () => {
    const out = parseRewrites(
      "Here you go:\nfr: Que demande la tâche 4 ?\n- ja: タスク4は何を求めていますか\nde: Was?\nvi: x",
      ["fr", "ja", "vi"],
      "what does task 4 require?",
    );
    expect([...out.keys()]).toEqual(["fr", "ja"]);
    expect(out.get("fr")).toBe("Que demande la tâche 4 ?");
  });
});
