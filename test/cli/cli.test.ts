import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { squash } from "../../src/text/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEEDS = path.join(ROOT, "corpus");

/** Runs the real `cadre` entry point as a child process. */
function cadre(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the cadre command", () => {
  const data = mkdtempSync(path.join(tmpdir(), "cadre-cli-"));

  it("answers every task of 1470-CV/TU in four languages, one JSON line per question, and refuses task 11", () => {
    const questions: string[] = [];
    for (let n = 1; n <= 10; n++) {
      questions.push(
        `nhiệm vụ ${n} của 1470-CV/TU yêu cầu gì?`,
        `what does task ${n} of 1470-CV/TU require?`,
      );
      questions.push(`Que demande la tâche ${n} du 1470-CV/TU ?`, `1470-CV/TUのタスク${n}は何ですか`);
    }
    questions.push("task 11 of 1470-CV/TU");
    const r = cadre(
      ["ask", "--json", "--stdin", "--corpus", SEEDS, "--data", data],
      `${questions.join("\n")}\n`,
    );
    expect(r.status, r.stderr).toBe(0);
    const answers = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(questions.length);
    answers.slice(0, 40).forEach((a, i) => {
      const n = Math.floor(i / 4) + 1;
      expect(a.question).toBe(questions[i]);
      expect(a.found).toBe(true);
      expect(a.citations[0]).toMatchObject({ docNumber: "1470-CV/TU", task: n });
      const file = squash(readFileSync(path.join(SEEDS, a.citations[0].file), "utf8"));
      expect(file.includes(squash(a.citations[0].quote))).toBe(true);
      expect(a.citations[0].quote.startsWith(`${n}. `)).toBe(true);
    });
    expect(answers[40]).toMatchObject({ found: false, citations: [] });
  });

  it("fails with a one-line error and status 2 on bad input", () => {
    const missing = cadre(["ask", "x", "--corpus", path.join(data, "nope"), "--data", data]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cadre: corpus folder not found: .*nope/);
    const empty = cadre(["ask", "  ", "--corpus", SEEDS, "--data", data]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/the question is empty/);
    const lang = cadre(["ask", "--lang", "de", "x", "--corpus", SEEDS, "--data", data]);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/--lang must be vi, en, fr or ja/);
  });

  it("names broken corpus files and indexes the rest", () => {
    const corpus = mkdtempSync(path.join(tmpdir(), "cadre-corpus-"));
    writeFileSync(path.join(corpus, "good.txt"), readFileSync(path.join(SEEDS, "000_47ee2a2a6edbd7b0.txt")));
    writeFileSync(path.join(corpus, "empty.txt"), "  \n");
    writeFileSync(path.join(corpus, "binary.txt"), Buffer.from([0x50, 0x4b, 0x00, 0x01, 0xff]));
    writeFileSync(path.join(corpus, "bad.md"), "---\nnumber: [unclosed\n---\nText.\n");
    const r = cadre(["index", "--corpus", corpus, "--data", mkdtempSync(path.join(tmpdir(), "cadre-data-"))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 văn bản/);
    expect(r.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(r.stderr).toMatch(/binary\.txt: not a text file/);
    expect(r.stderr).toMatch(/bad\.md: front matter/);
  });

  it("npm start whose web port is taken says so in one line naming PORT_WEB and exits 2", async () => {
    // Without a messenger `start` serves the web page (test/cli/start.test.ts); here its port is busy.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = cadre(["start", "--data", data], "", {
        TELEGRAM_BOT_TOKEN: "",
        SLACK_BOT_TOKEN: "",
        ZALO_BOT_TOKEN: "",
        PORT_WEB: String(port),
      });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([
        `cadre: port ${port} is already in use (the web page needs it): free it or set PORT_WEB to another port`,
      ]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it("generates 30 distinct, well-formed quiz questions of several kinds with quotes from their files", () => {
    const r = cadre(["quiz", "generate", "-n", "30", "--json", "--corpus", SEEDS, "--data", data]);
    expect(r.status, r.stderr).toBe(0);
    const questions = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(questions).toHaveLength(30);
    expect(new Set(questions.map((q) => q.question)).size).toBe(30);
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(4);
    for (const q of questions) {
      expect(Object.keys(q)).toEqual([
        "id",
        "kind",
        "lang",
        "question",
        "options",
        "correct",
        "explanation",
        "citation",
      ]);
      expect(q.question.length).toBeLessThanOrEqual(300);
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(q.options.length).toBeLessThanOrEqual(10);
      expect(q.explanation.length).toBeLessThanOrEqual(200);
      const file = squash(readFileSync(path.join(SEEDS, q.citation.file), "utf8"));
      expect(file.includes(squash(q.citation.quote))).toBe(true);
    }
    const bad = cadre(["quiz", "generate", "-n", "zero", "--corpus", SEEDS, "--data", data]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("-n must be a whole number");
  });

  it("imports a curated quiz bank only when every question checks out, naming lines otherwise", () => {
    const bank = path.join(ROOT, "test/fixtures/quiz");
    const bad = cadre([
      "quiz",
      "import",
      path.join(bank, "malformed.yaml"),
      "--corpus",
      SEEDS,
      "--data",
      data,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/malformed\.yaml:\d+: /);
    expect(bad.stderr).toContain("nothing imported");
    const good = cadre([
      "quiz",
      "import",
      path.join(bank, "curated.yaml"),
      "--corpus",
      path.join(ROOT, "test/fixtures/directives-vi"),
      "--data",
      data,
    ]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Đã nhập \d+ câu hỏi/);
    expect(readFileSync(path.join(data, "quiz-banks", "curated.yaml"), "utf8")).toContain("questions");
  });

  it("names the embedding server in one line when it cannot be reached", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "cadre-emb-"));
    const r = cadre(["ask", "nhiệm vụ 4", "--corpus", SEEDS, "--data", empty], undefined, {
      EMBEDDINGS: "ollama",
      EMBEDDINGS_BASE_URL: "http://127.0.0.1:9",
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("EMBEDDINGS_BASE_URL");
  });
});
