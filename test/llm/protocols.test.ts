import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../../src/answer/index.js";
import type { Engine } from "../../src/engine.js";
import { t } from "../../src/i18n/index.js";
import type { ConceptFinder } from "../../src/search/index.js";
import { type ChatProtocol, FakeChatServer } from "../support/fake-llm/index.js";
import { extractive, inFile, modelAnswerer, offline, SEEDS } from "./setup.js";

// The same guards through the streaming paths: ChatOllama (NDJSON from /api/chat) and ChatOpenAI's
// stream() (SSE `data:` chunks ending [DONE]).

const QUESTION = "what does task 7 of 1470-CV/TU require?";

let engine: Engine;
let concepts: ConceptFinder;
let plain: Answerer;

beforeAll(async () => {
  ({ engine, concepts } = await offline(SEEDS));
  plain = extractive(engine, concepts);
}, 120_000);

describe.each<ChatProtocol>(["ollama", "openai"])("a streamed %s answer", (protocol) => {
  let fake: FakeChatServer;
  beforeAll(async () => {
    fake = await FakeChatServer.start({ protocol });
  });
  afterAll(() => fake.close());

  it("arrives whole, with its citations, quotes and the unreliable mark for [9]", async () => {
    const text = "Task 7 asks the Propaganda Department to guide the media [1]; see also [9].";
    fake.script({ text });
    const answer = await modelAnswerer(engine, concepts, fake, { streaming: true }).answerer.ask(QUESTION);
    expect(fake.received.at(-1)?.stream).toBe(true);
    expect(
      answer.answer.startsWith("Task 7 asks the Propaganda Department to guide the media [1]; see also."),
    ).toBe(true);
    expect(answer.answer).toContain(t("en", "llm.unreliable"));
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ docNumber: "1470-CV/TU", task: 7 });
    expect(inFile(SEEDS, answer.citations[0]?.file ?? "", answer.citations[0]?.quote ?? "")).toBe(true);
  });

  it("falls back to the extractive answer when the stream stalls", async () => {
    fake.script({ hang: true });
    const answer = await modelAnswerer(engine, concepts, fake, {
      streaming: true,
      timeoutMs: 300,
    }).answerer.ask(QUESTION);
    expect(answer).toEqual(await plain.ask(QUESTION));
  });
});
