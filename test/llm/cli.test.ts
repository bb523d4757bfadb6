import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeChatServer, isAnswerRequest } from "../support/fake-llm/index.js";
import { inFile, passagesGiven, SEEDS } from "./setup.js";

// Issue 7, "done when", checked from outside: the real `cadre ask --json` with LLM=openai and
// LLM_BASE_URL at a loopback server. The child is spawned asynchronously: the fake answers from
// this process.

const ROOT = path.resolve(import.meta.dirname, "../..");
const QUESTION = "nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?";

function cadre(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, LLM: "", LLM_BASE_URL: "", LLM_TIMEOUT_MS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let fake: FakeChatServer;
const data = mkdtempSync(path.join(tmpdir(), "cadre-llm-cli-"));
const ask = (env: NodeJS.ProcessEnv = {}) =>
  cadre(["ask", "--json", "--corpus", SEEDS, "--data", data, QUESTION], env);

beforeAll(async () => {
  fake = await FakeChatServer.start({ protocol: "openai" });
});
afterAll(() => fake?.close());

describe("cadre ask --json with LLM=openai", () => {
  it("shows only citations among the passages given", async () => {
    fake.otherwise((r) =>
      isAnswerRequest(r)
        ? {
            text: `Nhiệm vụ 4: thực hiện dân chủ ở cơ sở [1], đối thoại [2] và hòa giải [${passagesGiven(r.prompt) + 5}].`,
          }
        : { status: 500 },
    );
    const r = await ask({ LLM: "openai", LLM_BASE_URL: fake.url, LLM_MODEL: "fake" });
    expect(r.status, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    const prompt = fake.received.find(isAnswerRequest)?.prompt ?? "";
    expect(passagesGiven(prompt)).toBeGreaterThanOrEqual(2);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(
      /^Nhiệm vụ 4: thực hiện dân chủ ở cơ sở \[1\], đối thoại \[2\] và hòa giải\./,
    );
    expect(answer.citations).toHaveLength(2);
    for (const [i, c] of answer.citations.entries()) {
      expect(prompt).toContain(`[${i + 1}] ${c.quote}`);
      expect(inFile(SEEDS, c.file, c.quote)).toBe(true);
    }
  }, 120_000);

  it("falls back to the quoted passage when the server stalls past LLM_TIMEOUT_MS", async () => {
    fake.reset();
    fake.otherwise(() => ({ hang: true }));
    const offline = await ask();
    const stalled = await ask({ LLM: "openai", LLM_BASE_URL: fake.url, LLM_TIMEOUT_MS: "500" });
    expect(stalled.status, stalled.stderr).toBe(0);
    expect(fake.received.length).toBeGreaterThanOrEqual(1);
    expect(stalled.stdout).toBe(offline.stdout);
    const answer = JSON.parse(stalled.stdout);
    expect(answer.citations[0]).toMatchObject({ docNumber: "1470-CV/TU", task: 4 });
    expect(answer.answer).toContain(`«${answer.citations[0].quote}»`);
    // The operator is told on stderr, in one line; the user's answer holds no trace of it.
    expect(stalled.stderr).toMatch(/llm: openai\/.*no reply within 500 ms/);
    expect(answer.answer).not.toMatch(/llm:|Error/);
  }, 120_000);
});
