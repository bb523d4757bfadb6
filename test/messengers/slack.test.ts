import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChatCore, FEATURES, type Feature, type Inbound } from "../../src/chat/index.js";
import { type Served, serveRoutes } from "../../src/messengers/http.js";
import { createSlack, SLACK_EVENTS_PATH, type SlackMessenger } from "../../src/messengers/slack/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeSlack, type HttpEventSender, type StoredMessage } from "../support/fake-slack/index.js";

const SECRET = "test-signing-secret";
/** Generous: answers come from the real engine, and CI machines can be busy. */
const WAIT_MS = 15_000;
const TASK_4 =
  "Veiller à la mise en œuvre effective et généralisée de la Loi sur la démocratie participative";
const FAST_RETRY = { retries: 2, minTimeout: 0, maxTimeout: 0 };

/** Every Inbound the core was asked to handle, and a test feature for buttons and long answers. */
function testChat(engine: Awaited<ReturnType<typeof engineFor>>) {
  const seen: Inbound[] = [];
  const spy: Feature = {
    name: "spy",
    async handle(turn) {
      seen.push(turn.msg);
      return null;
    },
  };
  const testFeature: Feature = {
    name: "test",
    async handle({ msg, command }) {
      if (msg.action === "test:private") return [{ text: `Chỉ <@${msg.userId}> thấy`, private: true }];
      if (msg.action === "test:public") return [{ text: "Mọi người thấy" }];
      if (command === "buttons") {
        const buttons = [
          { label: "Riêng", action: "test:private" },
          { label: "Chung", action: "test:public" },
        ];
        return [{ text: "Chọn một nút:", buttons }];
      }
      if (command === "long") return [{ text: "Báo cáo *quý* & <tháng>. ".repeat(250).slice(0, 6000) }];
      if (command === "huge") return [{ text: `${"Đoạn văn dài về nhiệm vụ. ".repeat(100)}\n\n`.repeat(80) }];
      return null;
    },
  };
  return { seen, chat: new ChatCore(engine, [spy, testFeature, ...FEATURES]) };
}

/** Texts of a posted message's section and context blocks, zero-width spaces removed. */
function blockTexts(message: StoredMessage, type: "section" | "context"): string[] {
  return (message.blocks ?? [])
    .map((b) => b as { type: string; text?: { text: string }; elements?: { text: string }[] })
    .filter((b) => b.type === type)
    .flatMap((b) => (b.text ? [b.text.text] : (b.elements ?? []).map((e) => e.text)))
    .map((t) => t.replaceAll("\u200b", ""));
}

describe("Slack over HTTP (real Bolt App, fake Slack, real engine)", () => {
  let fake: FakeSlack;
  let slack: SlackMessenger;
  let served: Served;
  let events: HttpEventSender;
  let seen: Inbound[];
  const logs: string[] = [];

  beforeAll(async () => {
    const engine = await engineFor(SEED_CORPUS);
    let chat: ChatCore;
    ({ seen, chat } = testChat(engine));
    fake = await FakeSlack.start();
    slack = createSlack({
      botToken: fake.botToken,
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      chat,
      log: (level, message) => logs.push(`${level} ${message}`),
      retryConfig: FAST_RETRY,
    });
    await slack.start();
    served = await serveRoutes(slack.routes, { port: 0 });
    events = fake.httpEvents({ url: `${served.url}${SLACK_EVENTS_PATH}`, signingSecret: SECRET });
  }, 60_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`adapter log:\n${logs.join("\n")}`));
  });

  afterAll(async () => {
    await slack.stop();
    await served.close();
    await fake.close();
  });

  const seenFor = (ts: string) => seen.filter((m) => m.messageId === ts);

  it("answers a signed app_mention in its thread with task 4 and its citation, after acking", async () => {
    expect(slack.routes.map((r) => r.path)).toEqual(["/slack/events"]);
    expect(fake.calls("auth.test")).toHaveLength(1); // start() checked the token
    fake.failNext("chat.postMessage", { hang: 500 }); // a slow answer must not hold back the ack
    const sent = await events.appMention({ user: "U0BINH", text: "<@U0BOT> nhiệm vụ 4 yêu cầu gì?" });
    expect(sent.status).toBe(200);
    expect(fake.thread("C0GENERAL", sent.message.ts)).toHaveLength(0); // acked before answered
    const reply = await fake.waitFor(
      () => fake.thread("C0GENERAL", sent.message.ts)[0],
      WAIT_MS,
      "the answer",
    );
    expect(blockTexts(reply, "section").join("\n")).toContain(TASK_4);
    expect(blockTexts(reply, "context").join(" ")).toContain("1470-CV/TU");
    expect(reply.text).toContain("1470-CV/TU");
    expect(seenFor(sent.message.ts)).toEqual([
      expect.objectContaining({ text: "nhiệm vụ 4 yêu cầu gì?", mentioned: true, threadId: sent.message.ts }),
    ]);
  });

  it("answers an event once when Slack retries it, even while the first answer is in flight", async () => {
    fake.failNext("chat.postMessage", { hang: 500 });
    const first = await events.appMention({ text: "<@U0BOT> /task 4 1470-CV/TU" });
    const retry = await events.retry(first, { retryNum: 1, retryReason: "http_timeout" });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const thread = () => fake.thread("C0GENERAL", first.message.ts);
    await fake.waitFor(() => thread()[0], WAIT_MS, "the answer");
    const late = await events.retry(first, { retryNum: 2, retryReason: "http_timeout" });
    expect(late.status).toBe(200);
    expect(seenFor(first.message.ts)).toHaveLength(1);
    expect(thread()).toHaveLength(1);
  });

  it("refuses a bad or missing signature with 401 and never answers it", async () => {
    const bad = await events.appMention({ text: "<@U0BOT> giả mạo" }, { signature: "bad" });
    const none = await events.appMention({ text: "<@U0BOT> giả mạo" }, { signature: "missing" });
    expect([bad.status, none.status]).toEqual([401, 401]);
    const sentinel = await events.appMention({ text: "<@U0BOT> /help" });
    await fake.waitFor(
      () => fake.thread("C0GENERAL", sentinel.message.ts)[0],
      WAIT_MS,
      "the sentinel answer",
    );
    expect(seenFor(bad.message.ts)).toEqual([]);
    expect(seenFor(none.message.ts)).toEqual([]);
    expect(fake.thread("C0GENERAL", bad.message.ts)).toEqual([]);
  });

  it("answers a DM where it was asked, and ignores edits, bot posts and unaddressed channel talk", async () => {
    const dm = await events.dm("U0CHI", "nhiệm vụ 4 yêu cầu gì?");
    const im = dm.message.channel;
    const reply = await fake.waitFor(() => fake.posted(im)[0], WAIT_MS, "the DM answer");
    expect(reply.thread_ts).toBeUndefined();
    expect(blockTexts(reply, "section").join("\n")).toContain(TASK_4);
    expect(seenFor(dm.message.ts)).toEqual([expect.objectContaining({ isPrivate: true, userId: "U0CHI" })]);

    const event = dm.payload.event as Record<string, unknown>;
    const variant = (id: string, changes: Record<string, unknown>) =>
      events.send("events_api", { ...dm.payload, event_id: id, event: { ...event, ...changes } });
    await variant("EvEDIT", { subtype: "message_changed", ts: "1.000001", client_msg_id: "edit" });
    await variant("EvJOIN", { subtype: "channel_join", ts: "1.000002", client_msg_id: "join" });
    await variant("EvBOT", { bot_id: "B0OTHER", ts: "1.000003", client_msg_id: "bot" });
    await events.message({ text: "nhiệm vụ 5?", channel: "C0GENERAL" });
    const sentinel = await events.dm("U0CHI", "/help");
    await fake.waitFor(() => fake.posted(im)[1], WAIT_MS, "the sentinel answer");
    expect(seen.filter((m) => ["1.000001", "1.000002", "1.000003"].includes(m.messageId ?? ""))).toEqual([]);
    expect(seen.some((m) => m.text === "nhiệm vụ 5?")).toBe(false);
    expect(fake.posted(im).map((m) => m.ts)).toHaveLength(2);
    expect(seenFor(sentinel.message.ts)).toHaveLength(1);
  });

  it("keeps a 6000-character answer in sections of ≤ 3000 characters, and a huge one in ≤ 50-block messages", async () => {
    const long = await events.appMention({ text: "<@U0BOT> /long" });
    const reply = await fake.waitFor(
      () => fake.thread("C0GENERAL", long.message.ts)[0],
      WAIT_MS,
      "the long answer",
    );
    const sections = blockTexts(reply, "section");
    expect(sections.length).toBeGreaterThan(2);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sections.join("")).toContain("&amp; &lt;tháng&gt;");

    const huge = await events.appMention({ text: "<@U0BOT> /huge" });
    const parts = await fake.waitFor(() => {
      const thread = fake.thread("C0GENERAL", huge.message.ts);
      return thread.length >= 2 && thread;
    }, WAIT_MS);
    for (const part of parts) {
      expect(part.blocks!.length).toBeLessThanOrEqual(50);
      for (const text of blockTexts(part, "section")) expect(text.length).toBeLessThanOrEqual(3000);
    }
    // The fake refuses invalid blocks (invalid_blocks), so every part arriving proves Slack would accept it.
    expect(fake.calls("chat.postMessage").filter((c) => c.response?.error)).toEqual([]);
  });

  it("retries a 429 on chat.postMessage after Retry-After and delivers the answer once", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const sent = await events.appMention({ text: "<@U0BOT> /task 4 1470-CV/TU" });
    await fake.waitFor(() => fake.thread("C0GENERAL", sent.message.ts)[0], WAIT_MS, "the answer");
    const posts = fake.calls("chat.postMessage").filter((c) => c.params.thread_ts === sent.message.ts);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(fake.thread("C0GENERAL", sent.message.ts)).toHaveLength(1);
  });

  it("acks /cadre at once and answers through the response_url: task, question and help", async () => {
    const task = await events.command({ text: "task 4 1470-CV/TU", user: "U0CHI" });
    expect(task.status).toBe(200);
    const first = await fake.waitFor(() => fake.responses()[0], WAIT_MS, "respond()");
    expect(first).toMatchObject({ origin: "slash_command", user: "U0CHI", status: 200 });
    expect(first.body.response_type).toBe("in_channel");
    expect(JSON.stringify(first.body.blocks).replaceAll("\\u200b", "")).toContain(TASK_4);
    expect(seen.at(-1)).toMatchObject({ text: "/task 4 1470-CV/TU", userId: "U0CHI", mentioned: true });

    await events.command({ text: "nhiệm vụ 4 yêu cầu gì?" });
    await fake.waitFor(() => fake.responses()[1], WAIT_MS, "the question's answer");
    expect(String(fake.responses()[1]!.body.text)).toContain("1470-CV/TU");

    await events.command({ text: "" });
    await fake.waitFor(() => fake.responses()[2], WAIT_MS, "help");
    expect(seen.at(-1)?.text).toBe("/help");
    expect(String(fake.responses()[2]!.body.text)).toContain("/task 7 1470-CV/TU");
  });

  it("turns a button click into Inbound.action; a private reply goes ephemeral to the clicker only", async () => {
    const ask = await events.appMention({ text: "<@U0BOT> /buttons" });
    const posted = await fake.waitFor(
      () => fake.thread("C0GENERAL", ask.message.ts)[0],
      WAIT_MS,
      "the buttons",
    );
    const click = await events.blockAction({
      channel: "C0GENERAL",
      messageTs: posted.ts,
      actionId: "cadre_btn_0",
      user: "U0BINH",
    });
    expect(click.status).toBe(200);
    const ephemeral = await fake.waitFor(
      () => fake.ephemerals("C0GENERAL", "U0BINH")[0],
      WAIT_MS,
      "the ephemeral",
    );
    expect(ephemeral.text).toBe("Chỉ &lt;@U0BINH&gt; thấy"); // escaped: no mention can be forged
    expect(ephemeral.thread_ts).toBe(ask.message.ts);
    expect(seen.at(-1)).toMatchObject({ action: "test:private", userId: "U0BINH", threadId: ask.message.ts });
    expect(fake.thread("C0GENERAL", ask.message.ts)).toHaveLength(1);

    await events.blockAction({
      channel: "C0GENERAL",
      messageTs: posted.ts,
      actionId: "cadre_btn_1",
      user: "U0BINH",
    });
    const shared = await fake.waitFor(
      () => fake.thread("C0GENERAL", ask.message.ts)[1],
      WAIT_MS,
      "the public reply",
    );
    expect(shared.text).toBe("Mọi người thấy");
  });

  it("sends proactive messages through its outbox", async () => {
    const { messageIds } = await slack.outbox.send(
      { messenger: "slack", chatId: "C0QUIZ" },
      { text: "Nhắc: hạn báo cáo quý là ngày 20." },
    );
    expect(messageIds).toHaveLength(1);
    expect(fake.posted("C0QUIZ").map((m) => m.ts)).toEqual(messageIds);
  });

  it("refuses GETs, and on stop() refuses new events but finishes the answers in flight", async () => {
    const get = await fetch(`${served.url}${SLACK_EVENTS_PATH}`);
    expect(get.status).toBe(405);
    fake.failNext("chat.postMessage", { hang: 300 });
    const inFlight = await events.appMention({ text: "<@U0BOT> /task 4 1470-CV/TU" });
    await slack.stop();
    expect(fake.thread("C0GENERAL", inFlight.message.ts)).toHaveLength(1);
    const after = await events.appMention({ text: "<@U0BOT> còn đó không?" });
    expect(after.status).toBe(503);
    expect(seenFor(after.message.ts)).toEqual([]);
    expect(logs.filter((l) => l.startsWith("error"))).toEqual([]);
  });
});
