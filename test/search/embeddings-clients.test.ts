import { afterEach, describe, expect, it } from "vitest";
import { EmbeddingsError } from "../../src/search/embeddings-checked.js";
import { createEmbeddings, type EmbeddingSettings } from "../../src/search/embeddings-factory.js";
import { HashedFeatureEmbeddings } from "../../src/search/index.js";
import { FakeEmbeddingServer, fakeVector, type Protocol } from "../support/fake-embeddings/index.js";

// The real LangChain clients (@langchain/ollama, @langchain/openai) against local fake servers.

const servers: FakeEmbeddingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(protocol: Protocol, extra: { apiKey?: string; models?: string[] } = {}) {
  const server = await FakeEmbeddingServer.start({ protocol, dimensions: 64, ...extra });
  servers.push(server);
  return server;
}

const FAST = { queryTimeoutMs: 300, documentTimeoutMs: 300, queryRetries: 1, documentRetries: 1 };

function settings(protocol: Protocol, url: string, more: EmbeddingSettings = {}): EmbeddingSettings {
  return { EMBEDDINGS: protocol, EMBEDDINGS_BASE_URL: url, EMBEDDINGS_MODEL: "fake-embed", ...more };
}

/** The error an embedding call ends with (fails the test when it does not fail). */
async function failure(call: Promise<unknown>): Promise<EmbeddingsError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddingsError);
  return error as EmbeddingsError;
}

describe("createEmbeddings", () => {
  it("gives the offline embedding when EMBEDDINGS is unset or local", () => {
    expect(createEmbeddings({})).toBeInstanceOf(HashedFeatureEmbeddings);
    expect(createEmbeddings({ EMBEDDINGS: "local" }).name).toBe("local-hashed-features-v2/512");
  });

  it.each(["ollama", "openai"] as const)(
    "%s: the real client gets the server's vectors",
    async (protocol) => {
      const server = await serve(protocol, protocol === "openai" ? { apiKey: "sk-test" } : {});
      const model = createEmbeddings(settings(protocol, server.url, { OPENAI_API_KEY: "sk-test" }));
      const texts = ["tiếp công dân định kỳ", "plainte des citoyens"];
      const vectors = await model.embedDocuments(texts);
      // The openai client sends base64 float32 and decodes it: equal to float32 precision.
      for (const [i, v] of vectors.entries()) {
        const expected = fakeVector("fake-embed", texts[i] ?? "", 64);
        for (const [j, x] of v.entries()) expect(x).toBeCloseTo(expected[j] ?? Number.NaN, 6);
      }
      const query = await model.embedQuery("tiếp công dân");
      expect(query).toHaveLength(64);
      expect(server.received.map((r) => [r.path, r.model, r.inputs.length])).toEqual([
        [protocol === "ollama" ? "/api/embed" : "/v1/embeddings", "fake-embed", 2],
        [protocol === "ollama" ? "/api/embed" : "/v1/embeddings", "fake-embed", 1],
      ]);
      expect(model).toMatchObject({ name: `${protocol}:fake-embed@${server.url}`, dimensions: 64 });
    },
  );

  it("openai: sends OPENAI_API_KEY as a bearer token and keeps it out of the identity", async () => {
    const server = await serve("openai", { apiKey: "sk-secret" });
    const model = createEmbeddings({
      EMBEDDINGS: "openai",
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: "sk-secret",
    });
    await model.embedQuery("báo cáo");
    expect(server.received[0]?.authorization).toBe("Bearer sk-secret");
    expect(model.name).toBe(`openai:text-embedding-3-small@${server.url}`);
    const wrongKey = createEmbeddings({
      EMBEDDINGS: "openai",
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: "sk-x",
    });
    const error = await failure(wrongKey.embedQuery("báo cáo"));
    expect(error.message).toMatch(/HTTP 401.*check OPENAI_API_KEY/);
  });

  it("keeps user, password and trailing slash out of the identity", () => {
    const model = createEmbeddings({
      EMBEDDINGS: "ollama",
      EMBEDDINGS_BASE_URL: "http://u:secret@gpu.lan:11434/",
    });
    expect(model.name).toBe("ollama:bge-m3@http://gpu.lan:11434");
  });

  it("openai: refuses api.openai.com without a key, naming OPENAI_API_KEY", () => {
    expect(() => createEmbeddings({ EMBEDDINGS: "openai" })).toThrow(/OPENAI_API_KEY/);
  });

  it("names EMBEDDINGS_BASE_URL when it is not a URL", () => {
    expect(() => createEmbeddings({ EMBEDDINGS: "ollama", EMBEDDINGS_BASE_URL: "localhost 11434" })).toThrow(
      /EMBEDDINGS_BASE_URL is not a URL/,
    );
  });
});

describe("a failing embedding server", () => {
  it.each(["ollama", "openai"] as const)(
    "%s 500: one line naming EMBEDDINGS_BASE_URL, retried as set",
    async (protocol) => {
      const server = await serve(protocol);
      server.fail({ status: 500, message: "model runner crashed" }, Infinity);
      const model = createEmbeddings(settings(protocol, server.url), {
        limits: { ...FAST, documentRetries: 0 },
      });
      const error = await failure(model.embedDocuments(["a", "b"]));
      expect(error.message).toContain(`at ${server.url} (EMBEDDINGS_BASE_URL, model fake-embed)`);
      expect(error.message).toContain("HTTP 500");
      expect(error.message).toContain("model runner crashed");
      expect(error.message).not.toContain("\n");
      expect(server.received).toHaveLength(1);
    },
  );

  it.each(["ollama", "openai"] as const)("%s hanging: times out after the set retries", async (protocol) => {
    const server = await serve(protocol);
    server.fail({ hang: true }, Infinity);
    const model = createEmbeddings(settings(protocol, server.url), { limits: FAST });
    const error = await failure(model.embedQuery("khiếu nại"));
    expect(error.message).toMatch(/did not answer within 300 ms \(up to 2 attempts\)/);
    expect(error.message).toContain("EMBEDDINGS_BASE_URL");
    expect(server.received).toHaveLength(2);
  });

  it.each(["ollama", "openai"] as const)(
    "%s 429 with Retry-After: retried, then answered",
    async (protocol) => {
      const server = await serve(protocol);
      server.fail({ status: 429, message: "slow down", retryAfter: 0 });
      const model = createEmbeddings(settings(protocol, server.url), { limits: FAST });
      const vector = await model.embedQuery("đối thoại");
      expect(vector).toHaveLength(64);
      expect(server.received).toHaveLength(2);
    },
  );

  it("ollama unknown model: says to pull it, without retrying", async () => {
    const server = await serve("ollama", { models: ["bge-m3"] });
    const model = createEmbeddings(settings("ollama", server.url), { limits: FAST });
    const error = await failure(model.embedQuery("x"));
    expect(error.message).toContain("HTTP 404");
    expect(error.message).toContain("ollama pull fake-embed");
    expect(server.received).toHaveLength(1);
  });

  it("a server that is not there: could not be reached", async () => {
    const server = await serve("ollama");
    await server.close();
    servers.length = 0;
    const model = createEmbeddings(settings("ollama", server.url), { limits: FAST });
    const error = await failure(model.embedQuery("x"));
    expect(error.message).toMatch(
      /could not be reached \(ECONNREFUSED\) \(up to 2 attempts\); check EMBEDDINGS_BASE_URL/,
    );
  });

  it("an answer with a vector missing is refused, not indexed", async () => {
    const server = await serve("ollama");
    server.fail({ missing: true });
    const model = createEmbeddings(settings("ollama", server.url), { limits: FAST });
    const error = await failure(model.embedDocuments(["một", "hai", "ba"]));
    expect(error.message).toMatch(/not with embeddings/);
  });
});
