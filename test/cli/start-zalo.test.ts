import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeZalo } from "../support/fake-zalo/index.js";
import { freePort, type Started, startCadre } from "../support/process.js";

// `npm start` as a child process with ZALO_BOT_TOKEN and ZALO_API_ROOT pointing at the fake Zalo Bot
// API on loopback: the check the issue names as "done", made from outside the program.

const WAIT_MS = 30_000;

describe("npm start with Zalo configured", () => {
  let zalo: FakeZalo;
  let cadre: Started;

  beforeAll(async () => {
    zalo = await FakeZalo.start();
    cadre = await startCadre({
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      PORT_WEB: String(await freePort()), // the local web page must not collide with other tests
      TELEGRAM_BOT_TOKEN: "",
      SLACK_BOT_TOKEN: "",
      ZALO_WEBHOOK_URL: "",
      ZALO_WEBHOOK_SECRET: "",
    });
    await cadre.until(/running/, WAIT_MS);
  }, 60_000);

  afterAll(async () => {
    cadre.kill();
    await zalo.close();
  });

  it("says it runs Zalo by long polling under the bot's account name", () => {
    expect(cadre.output()).toContain("zalo bot.CadreTest (long polling)");
    expect(cadre.output()).not.toContain(zalo.token);
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
    cadre.child.kill("SIGTERM");
    expect(await cadre.exit).toBe(0);
  }, 30_000);
});
