import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/index.js";
import { createChatModel, LLM_RETRIES, LlmTimeoutError } from "../../src/llm/index.js";
import { type ChatProtocol, FakeChatServer } from "../support/fake-llm/index.js";

// The real LangChain clients (ChatOpenAI, ChatOllama) against local servers speaking their protocols.

/** Every URL fetched through the global fetch while `run` runs (LangChain's tiktoken download uses it). */
async function fetchedDuring<T>(run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const original = globalThis.fetch;
  const urls: string[] = [];
  globalThis.fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return original(input, init);
  };
  try {
    return { result: await run(), urls };
  } finally {
    globalThis.fetch = original;
  }
}

const cases: { protocol: ChatProtocol; streaming: boolean }[] = [
  { protocol: "openai", streaming: false },
  { protocol: "openai", streaming: true },
  { protocol: "ollama", streaming: false },
];

describe.each(cases)("the $protocol chat client (streaming: $streaming)", ({ protocol, streaming }) => {
  let fake: FakeChatServer;
  beforeAll(async () => {
    fake = await FakeChatServer.start({ protocol });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.reset());
  const model = (timeoutMs = 5000) =>
    createChatModel(
      { LLM: protocol, LLM_BASE_URL: fake.url, LLM_MODEL: "m1", LLM_API_KEY: "k-123" },
      { streaming, timeoutMs },
    );

  it("sends the system and user messages and returns the whole reply, with no request off this machine", async () => {
    const text = "Nhiệm vụ 4 yêu cầu tăng cường đối thoại với nhân dân [1]. Và hòa giải ở cơ sở [2].";
    fake.script({ text });
    const { result, urls } = await fetchedDuring(() => model().complete("RULES", "DATA"));
    expect(result).toBe(text);
    expect(fake.received).toHaveLength(1);
    const [req] = fake.received;
    expect(req?.model).toBe("m1");
    expect(req?.messages).toEqual([
      { role: "system", content: "RULES" },
      { role: "user", content: "DATA" },
    ]);
    // ChatOllama always streams; ChatOpenAI streams exactly when asked to.
    expect(req?.stream).toBe(protocol === "ollama" || streaming);
    if (protocol === "openai") expect(req?.authorization).toBe("Bearer k-123");
    // No tiktoken download (DESIGN §9), nothing but the configured server.
    for (const url of urls) expect(new URL(url).hostname).toBe("127.0.0.1");
  });

  it("gives up with LlmTimeoutError when the server stalls past the timeout", async () => {
    fake.otherwise(() => ({ hang: true }));
    await expect(model(300).complete("s", "u")).rejects.toBeInstanceOf(LlmTimeoutError);
    fake.otherwise(() => ({ status: 500, message: "no script" }));
  });

  // LangChain waits 1–2 s before its retry: these tests get more than the default 5 s.
  it("fails on a server error after one retry", { timeout: 20_000 }, async () => {
    fake.script({ status: 500, message: "boom" }, { status: 500, message: "boom" });
    await expect(model(15_000).complete("s", "u")).rejects.toThrow();
    // ChatOpenAI retries through LangChain's caller; ChatOllama calls its server once.
    expect(fake.received).toHaveLength(protocol === "openai" ? 1 + LLM_RETRIES : 1);
  });

  it("fails, or yields no text, on a malformed body", { timeout: 20_000 }, async () => {
    fake.otherwise(() => ({ raw: "<html>not json</html>", contentType: "text/html" }));
    // The SSE reader skips lines that are not `data:`, so a stream of HTML is an empty reply.
    const text = await model(15_000)
      .complete("s", "u")
      .catch(() => "");
    expect(text).toBe("");
    fake.otherwise(() => ({ status: 500, message: "no script" }));
  });
});

describe("the chat model settings", () => {
  it("needs a key for api.openai.com and a URL that parses, naming the variable", () => {
    expect(() => createChatModel({ LLM: "openai" })).toThrow(ConfigError);
    expect(() => createChatModel({ LLM: "openai" })).toThrow(/LLM_API_KEY/);
    expect(() => createChatModel({ LLM: "ollama", LLM_BASE_URL: "not a url" })).toThrow(/LLM_BASE_URL/);
  });

  it("takes LLM_TIMEOUT_MS, OPENAI_BASE_URL and the default models", () => {
    const m = createChatModel({
      LLM: "openai",
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1/",
      OPENAI_API_KEY: "x",
      LLM_TIMEOUT_MS: 1234,
    });
    expect(m).toMatchObject({ baseUrl: "http://127.0.0.1:9/v1", timeoutMs: 1234, model: "gpt-4o-mini" });
    expect(createChatModel({ LLM: "ollama" })).toMatchObject({ timeoutMs: 20_000, model: "qwen2.5:7b" });
  });
});

describe("the fake Ollama server", () => {
  it("answers `stream: false` with one JSON object holding the whole content, as Ollama does", async () => {
    const fake = await FakeChatServer.start({ protocol: "ollama" });
    try {
      fake.script({ text: "Xin chào [1]" });
      const res = await fetch(`${fake.url}/api/chat`, {
        method: "POST",
        body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], stream: false }),
      });
      const body = await res.json();
      expect(body).toMatchObject({ done: true, message: { role: "assistant", content: "Xin chào [1]" } });
    } finally {
      await fake.close();
    }
  });
});
