import { describe, expect, it } from "vitest";
import { ChatCore, FEATURES, type Feature, type Inbound } from "../../src/chat/index.js";
import { createSlack } from "../../src/messengers/slack/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeSlack } from "../support/fake-slack/index.js";

/** Generous: answers come from the real engine, and CI machines can be busy. */
const WAIT_MS = 15_000;
const TASK_4 =
  "Veiller à la mise en œuvre effective et généralisée de la Loi sur la démocratie participative";

describe("Slack over Socket Mode (real Bolt App, fake Slack, real engine)", () => {
  it("connects with the app token, answers a mention once in its thread even when retried, and /cadre", async () => {
    const engine = await engineFor(SEED_CORPUS);
    const seen: Inbound[] = [];
    const spy: Feature = {
      name: "spy",
      async handle(turn) {
        seen.push(turn.msg);
        return null;
      },
    };
    const logs: string[] = [];
    const fake = await FakeSlack.start();
    const slack = createSlack({
      botToken: fake.botToken,
      appToken: fake.appToken,
      apiUrl: fake.apiUrl,
      chat: new ChatCore(engine, [spy, ...FEATURES]),
      log: (level, message) => logs.push(`${level} ${message}`),
      retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
    });
    try {
      await slack.start();
      expect(slack.mode).toBe("socket");
      expect(slack.routes).toEqual([]);
      expect(fake.calls("apps.connections.open").map((c) => c.token)).toEqual([fake.appToken]);
      const events = fake.socketEvents();

      fake.failNext("chat.postMessage", { hang: 300 }); // the retry arrives while the answer is in flight
      const mention = await events.appMention({ text: "<@U0BOT> nhiệm vụ 4 yêu cầu gì?" });
      const retry = await events.retry(mention, { retryNum: 1, retryReason: "timeout" });
      expect([mention.acked, retry.acked]).toEqual([true, true]);
      const reply = await fake.waitFor(
        () => fake.thread("C0GENERAL", mention.message.ts)[0],
        WAIT_MS,
        "the answer",
      );
      expect(JSON.stringify(reply.blocks).replaceAll("\\u200b", "")).toContain(TASK_4);
      expect(JSON.stringify(reply.blocks)).toContain("1470-CV/TU");
      expect(seen.filter((m) => m.messageId === mention.message.ts)).toHaveLength(1);
      expect(fake.thread("C0GENERAL", mention.message.ts)).toHaveLength(1);

      const command = await events.command({ text: "task 4 1470-CV/TU" });
      expect(command.acked).toBe(true);
      const response = await fake.waitFor(() => fake.responses()[0], WAIT_MS, "respond()");
      expect(String(response.body.text)).toContain("1470-CV/TU");
      expect(logs.filter((l) => l.startsWith("error"))).toEqual([]);
    } finally {
      await slack.stop();
      await fake.waitFor(() => fake.socket.openConnections === 0, WAIT_MS, "the app to hang up");
      await fake.close();
    }
  }, 60_000);
});
