import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeZalo } from "../support/fake-zalo/index.js";

// `npm start` as a child process with ZALO_BOT_TOKEN and ZALO_API_ROOT pointing at the fake Zalo Bot
// API on loopback: the check the issue names as "done", made from outside the program.

const ROOT = path.resolve(import.meta.dirname, "../..");
const WAIT_MS = 30_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("npm start with Zalo configured", () => {
  let zalo: FakeZalo;
  let child: ChildProcess;
  let output = "";
  let exit: Promise<number | null>;

  beforeAll(async () => {
    zalo = await FakeZalo.start();
    const data = await mkdtemp(path.join(tmpdir(), "cadre-start-zalo-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      PORT_WEB: String(await freePort()), // the local web page must not collide with other tests
    };
    for (const name of ["TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "ZALO_WEBHOOK_URL", "ZALO_WEBHOOK_SECRET"])
      delete env[name];
    child = spawn("npm", ["start", "--silent", "--", "--data", data], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (b: Buffer) => {
      output += b.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await zalo.waitFor(() => output.includes("running"), WAIT_MS, `start-up line; output so far:\n${output}`);
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await zalo.close();
  });

  it("says it runs Zalo by long polling under the bot's account name", () => {
    expect(output).toContain("zalo bot.CadreTest (long polling)");
    expect(output).not.toContain(zalo.token);
  });

  it("answers a private 'nhiệm vụ 4 yêu cầu gì?' with task 4's text and citation, in messages of at most 2000 characters", async () => {
    const lan = zalo.createUser("Nguyễn Thị Lan");
    const dm = zalo.privateChat(lan);
    zalo.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    const [answer] = await zalo.waitFor(
      () => zalo.sent(dm).length > 0 && zalo.sent(dm),
      WAIT_MS,
      "the answer",
    );
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(answer?.text).toContain("Veiller à la mise en œuvre effective et généralisée");
    expect(answer?.text).toContain("Nguồn: 1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024");
    await zalo.idle(WAIT_MS);
    for (const m of zalo.sent(dm)) expect(m.text.length).toBeLessThanOrEqual(2000);
    expect(zalo.callsOf("sendMessage").every((c) => c.errorCode === 0)).toBe(true);
  });

  it("stops on SIGTERM with status 0", async () => {
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  }, 30_000);
});
