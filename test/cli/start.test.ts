import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack/index.js";
import { FakeTelegram } from "../support/fake-telegram/index.js";
import { freePort, type Started, startCadre } from "../support/process.js";

// `npm start` as a child process, with env pointing at both fake platforms: the whole program as a
// user runs it, talking to servers that speak each platform's protocol.

const SECRET = "start-test-signing-secret";
const WAIT_MS = 30_000;

describe("npm start with Telegram and Slack configured", () => {
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let cadre: Started;
  let port: number;

  beforeAll(async () => {
    telegram = await FakeTelegram.start();
    slack = await FakeSlack.start();
    port = await freePort();
    cadre = await startCadre({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      PORT_WEB: "0",
    });
    await cadre.until(/running/, WAIT_MS);
  }, 60_000);

  afterAll(async () => {
    cadre.kill();
    await telegram.close();
    await slack.close();
  });

  it("answers a private Telegram question and /task with task 4 of 1470-CV/TU and its citation", async () => {
    const lan = telegram.createUser({ first_name: "Lan", language_code: "vi" });
    const dm = telegram.privateChat(lan);
    telegram.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    telegram.userSends(dm, lan, "/task 4 1470-CV/TU");
    const answers = await telegram.waitFor(() => telegram.sent(dm).length >= 2 && telegram.sent(dm), WAIT_MS);
    for (const a of answers) {
      expect(a.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
      expect(a.text).toContain("1470-CV/TU · nhiệm vụ 4 · 22/02/2024");
    }
  });

  it("stays silent on an unaddressed Telegram group message and answers when mentioned", async () => {
    const minh = telegram.createUser({ first_name: "Minh" });
    const group = telegram.createGroup({ title: "Chi bộ 5", members: [minh] });
    telegram.userSends(group, minh, "mọi người nhớ nộp báo cáo nhé");
    const asked = telegram.userSends(group, minh, "@cadre_test_bot nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?");
    const [answer] = await telegram.waitFor(
      () => telegram.sent(group).length > 0 && telegram.sent(group),
      WAIT_MS,
    );
    expect(answer?.replyToMessageId).toBe(asked.message_id);
    await telegram.waitFor(() => telegram.pendingUpdates().length === 0, WAIT_MS, "updates confirmed");
    expect(telegram.sent(group)).toHaveLength(1);
  });

  it("answers a signed Slack app_mention once in its thread, even when retried, and rejects an unsigned one", async () => {
    const events = slack.httpEvents({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET });
    const sent = await events.appMention({ text: "<@U0BOT> nhiệm vụ 4 yêu cầu gì?" });
    expect(sent.status).toBe(200);
    const retried = await events.retry(sent, { retryNum: 1, retryReason: "http_timeout" });
    expect(retried.status).toBe(200);
    const thread = () => slack.thread("C0GENERAL", sent.message.ts);
    const [reply] = await slack.waitFor(() => thread().length > 0 && thread(), WAIT_MS, "the answer");
    expect(reply?.text).toContain("1470-CV/TU");
    const unsigned = await events.appMention({ text: "<@U0BOT> giả mạo" }, { signature: "missing" });
    expect(unsigned.status).toBe(401);
    const sentinel = await events.appMention({ text: "<@U0BOT> /help" });
    await slack.waitFor(() => slack.thread("C0GENERAL", sentinel.message.ts)[0], WAIT_MS, "sentinel");
    expect(thread()).toHaveLength(1);
    expect(slack.thread("C0GENERAL", unsigned.message.ts)).toEqual([]);
  });

  it("stops on SIGTERM with status 0", async () => {
    cadre.child.kill("SIGTERM");
    expect(await cadre.exit).toBe(0);
  }, 30_000);
});

describe("npm start with no messenger configured", () => {
  let cadre: Started;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    // No terminal (stdin closed): it must keep serving until a signal all the same.
    cadre = await startCadre({
      TELEGRAM_BOT_TOKEN: "",
      SLACK_BOT_TOKEN: "",
      ZALO_BOT_TOKEN: "",
      WEB_HOST: "",
      PORT_WEB: String(port),
    });
    url = (await cadre.until(/running: web (http:\/\/127\.0\.0\.1:\d+)/, WAIT_MS))[1] ?? "";
    expect(url).toBe(`http://127.0.0.1:${port}`);
  }, 60_000);

  afterAll(() => {
    cadre.kill();
  });

  it("serves the chat page, and the web chat answers task 4 of 1470-CV/TU with its citation", async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("cadre-bot");
    const res = await fetch(`${url}/api/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        room: "chung",
        user: "start-test-user",
        name: "Lan",
        text: "nhiệm vụ 4 yêu cầu gì?",
      }),
    });
    expect(res.status).toBe(200);
    const { replies } = (await res.json()) as { replies: { text: string; sources?: string[] }[] };
    expect(replies[0]?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(replies[0]?.sources?.[0]).toContain("1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024");
  });

  it("stops on SIGTERM with status 0", async () => {
    cadre.child.kill("SIGTERM");
    expect(await cadre.exit).toBe(0);
  }, 30_000);
});
