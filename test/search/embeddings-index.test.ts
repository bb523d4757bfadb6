import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openEngine } from "../../src/engine.js";
import { EmbeddingsError } from "../../src/search/embeddings-checked.js";
import { createEmbeddings, type EmbeddingLimits } from "../../src/search/embeddings-factory.js";
import type { Entry } from "../../src/search/entries.js";
import { Glossary } from "../../src/search/glossary.js";
import { embeddingText } from "../../src/search/vectors.js";
import { VI_CORPUS } from "../support/engine.js";
import { FakeEmbeddingServer, type Protocol } from "../support/fake-embeddings/index.js";

// The index and the engine over real LangChain clients talking to fake embedding servers.

const QUESTION = "Bí thư Huyện ủy tiếp công dân định kỳ vào ngày nào?";
const FAST: EmbeddingLimits = {
  queryTimeoutMs: 2000,
  documentTimeoutMs: 2000,
  queryRetries: 0,
  documentRetries: 0,
};

const temps: string[] = [];
const servers: FakeEmbeddingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function temp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cadre-emb-"));
  temps.push(dir);
  return dir;
}

/** A private copy of the Vietnamese fixtures (tests change files in it) and an empty data folder. */
async function folders(): Promise<{ corpusDir: string; dataDir: string }> {
  const corpusDir = await temp();
  await cp(VI_CORPUS, corpusDir, { recursive: true });
  return { corpusDir, dataDir: await temp() };
}

/** Replaces `from` by `to` in one corpus file (which must contain it). */
async function edit(corpusDir: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(path.join(corpusDir, file), "utf8");
  expect(text).toContain(from);
  await writeFile(path.join(corpusDir, file), text.replace(from, to));
}

async function serve(protocol: Protocol): Promise<FakeEmbeddingServer> {
  const server = await FakeEmbeddingServer.start({ protocol, dimensions: 64 });
  servers.push(server);
  return server;
}

function model(protocol: Protocol, server: FakeEmbeddingServer) {
  return createEmbeddings(
    { EMBEDDINGS: protocol, EMBEDDINGS_BASE_URL: server.url, EMBEDDINGS_MODEL: "fake-embed" },
    { limits: FAST },
  );
}

/** Texts embedded for these entries: a passage repeated word for word (with its heading) is embedded once. */
const distinct = (entries: readonly (Entry | undefined)[]) =>
  new Set(entries.flatMap((e) => (e ? [`${e.lang}\n${embeddingText(e)}`] : []))).size;

describe("an index built by a real embedding model", () => {
  it.each(["ollama", "openai"] as const)(
    "%s: records the model and answers from the right passage",
    async (p) => {
      const server = await serve(p);
      const log: string[] = [];
      const { index, answerer } = await openEngine({
        ...(await folders()),
        embeddings: model(p, server),
        log: (l) => log.push(l),
      });
      expect(index.manifest).toMatchObject({ embeddings: `${p}:fake-embed@${server.url}`, dimensions: 64 });
      expect(server.textsEmbedded).toBe(distinct(index.entries));
      expect(log).toEqual([]);

      const answer = await answerer.ask(QUESTION);
      expect(answer.found).toBe(true);
      expect(answer.citations[0]).toMatchObject({ docNumber: "215-CV/HU", task: 4 });
      expect(answer.citations[0]?.quote).toContain("ngày 15 hằng tháng");
      // The question went to the model, and the model's vectors alone rank that passage near the top.
      expect(server.received.at(-1)?.inputs).toEqual([QUESTION]);
      const near = await index.vectors.search(await index.embeddings.embedQuery(QUESTION), 3);
      const texts = near.map((h) => index.entries[h.id]?.passage.text);
      expect(texts).toContainEqual(
        expect.stringContaining("ngày 15 hằng tháng tại Trụ sở tiếp công dân huyện"),
      );
    },
  );

  it("switching EMBEDDINGS rebuilds the vectors and says so; the same model reuses them", async () => {
    const dirs = await folders();
    const ollama = await serve("ollama");
    const openai = await serve("openai");
    const log: string[] = [];
    const open = (p: Protocol) =>
      openEngine({
        ...dirs,
        embeddings: model(p, p === "ollama" ? ollama : openai),
        log: (l) => log.push(l),
      });

    const first = await open("ollama");
    const passages = distinct(first.index.entries);
    const second = await open("openai");
    expect(second.index.manifest.embeddings).toBe(`openai:fake-embed@${openai.url}`);
    expect(openai.textsEmbedded).toBe(passages);
    expect(log).toEqual([
      expect.stringContaining(
        `made by embedding "ollama:fake-embed@${ollama.url}", the embedding (EMBEDDINGS, and for the offline one the glossary) is now "openai:fake-embed@${openai.url}"`,
      ),
    ]);

    await open("openai");
    expect(openai.textsEmbedded).toBe(passages);
    expect(log).toHaveLength(1);

    // One passage changed in one file: only that passage is embedded again.
    await edit(dirs.corpusDir, "cong-van-215-CV-HU-can-loc.md", "ngày 15 hằng tháng", "ngày 20 hằng tháng");
    await open("openai");
    expect(openai.textsEmbedded - passages).toBe(1);

    // Back to the first model: its old vectors are not trusted either, everything is embedded anew.
    const before = ollama.textsEmbedded;
    const back = await open("ollama");
    expect(ollama.textsEmbedded - before).toBe(distinct(back.index.entries));
    expect(log).toHaveLength(2);
  });

  it("the offline embedding is named by its glossary: another glossary re-embeds, the same one reuses", async () => {
    const dirs = await folders();
    const log: string[] = [];
    const concept = (vi: string[]) => ({
      id: "citizen-reception",
      vi,
      en: ["citizen reception"],
      fr: ["accueil"],
      ja: ["受付"],
    });
    const open = (vi: string[]) =>
      openEngine({ ...dirs, concepts: Glossary.fromConcepts([concept(vi)]), log: (l) => log.push(l) });
    const first = await open(["tiếp công dân"]);
    expect(first.index.manifest.embeddings).toMatch(/^local-hashed-features-v2\/512\/glossary-[0-9a-f]{10}$/);
    await open(["tiếp công dân"]);
    expect(log).toEqual([]);
    const second = await open(["tiếp công dân", "tiếp dân"]);
    expect(second.index.manifest.embeddings).not.toBe(first.index.manifest.embeddings);
    expect(log).toEqual([expect.stringContaining("every passage is embedded again")]);
  });

  it("a query vector of another size is refused with what to do", async () => {
    const server = await serve("ollama");
    const { index } = await openEngine({ ...(await folders()), embeddings: model("ollama", server) });
    await expect(index.vectors.search(new Array(10).fill(0.1), 5)).rejects.toThrow(
      /vectors of 10 numbers, but the index holds 64; rebuild it with 'cadre index'/,
    );
  });
});

describe("a failing embedding server while indexing", () => {
  it.each(["ollama", "openai"] as const)(
    "%s: one clear line naming EMBEDDINGS_BASE_URL; the old index stays",
    async (p) => {
      const dirs = await folders();
      const server = await serve(p);
      await openEngine({ ...dirs, embeddings: model(p, server) });
      const current = await readFile(path.join(dirs.dataDir, "index", "CURRENT"), "utf8");

      server.fail({ status: 500, message: "out of memory" }, Infinity);
      await edit(dirs.corpusDir, "cong-van-215-CV-HU-can-loc.md", "ngày 15 hằng tháng", "ngày 25 hằng tháng");
      const error = await openEngine({ ...dirs, embeddings: model(p, server) }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(EmbeddingsError);
      expect(error?.message).toMatch(
        new RegExp(
          `at ${server.url} \\(EMBEDDINGS_BASE_URL, model fake-embed\\) answered HTTP 500: out of memory`,
        ),
      );
      expect(error?.message).not.toContain("\n");
      expect(await readFile(path.join(dirs.dataDir, "index", "CURRENT"), "utf8")).toBe(current);
    },
  );
});
