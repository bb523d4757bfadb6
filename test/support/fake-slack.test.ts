import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type AppOptions,
  type BlockAction,
  type ButtonAction,
  type Logger,
  LogLevel,
  SocketModeReceiver,
  verifySlackRequest,
} from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, type HttpEventSender, slackSignature, validateBlocks } from "./fake-slack/index.js";

const SECRET = "test-signing-secret";

/** A Bolt logger that keeps warnings and errors for assertions instead of printing them. */
function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msg: unknown[]) =>
      lines.push(`${level} ${msg.map(String).join(" ")}`);
  let level = LogLevel.INFO;
  return {
    lines,
    debug: () => {},
    info: () => {},
    warn: keep("warn"),
    error: keep("error"),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Sockets and servers open in this process (timers and vitest's own pipes left out). */
function netHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith("TCP"));
}

const before = netHandles();

async function startHttpApp(fake: FakeSlack, options: Partial<AppOptions> = {}) {
  const logger = quietLogger();
  const app = new App({
    token: fake.botToken,
    signingSecret: SECRET,
    logger,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    ...options,
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return { app, logger, events: fake.httpEvents({ url, signingSecret: SECRET }) };
}

describe("fake Slack with a real Bolt App over HTTP", () => {
  let fake: FakeSlack;
  let app: App;
  let events: HttpEventSender;
  let logger: ReturnType<typeof quietLogger>;
  const mentions: { ts: string; retryNum?: number; retryReason?: string; eventId: string }[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    // No botId/botUserId: Bolt calls auth.test on the fake to learn who it is.
    ({ app, events, logger } = await startHttpApp(fake));
    app.event("app_mention", async ({ event, say, context, body }) => {
      mentions.push({
        ts: event.ts,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
        eventId: body.event_id,
      });
      await say({ text: `Trả lời cho <@${event.user}>`, thread_ts: event.thread_ts ?? event.ts });
    });
  });

  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  afterEach(() => {
    mentions.length = 0;
  });

  it("learns its identity from auth.test and answers a signed app_mention in its thread", async () => {
    const delivery = await events.appMention({ user: "U0BINH", text: "<@U0BOT> nhiệm vụ 4 yêu cầu gì?" });
    expect(delivery.status).toBe(200);
    expect(delivery.ackMs).toBeLessThan(3000);
    const reply = await fake.waitFor(() => fake.posted("C0GENERAL")[0], 3000, "the threaded reply");
    expect(reply.thread_ts).toBe(delivery.message.ts);
    expect(reply.text).toBe("Trả lời cho <@U0BINH>");
    expect(fake.thread("C0GENERAL", delivery.message.ts)).toHaveLength(1);
    expect(fake.workspace.findMessage("C0GENERAL", delivery.message.ts)?.reply_count).toBe(1);
    const authTest = fake.calls("auth.test")[0];
    expect(authTest?.response).toMatchObject({ ok: true, user_id: "U0BOT", bot_id: "B0BOT" });
    const post = fake.calls("chat.postMessage").at(-1);
    expect(post?.token).toBe(fake.botToken);
    expect(post?.contentType).toBe("application/x-www-form-urlencoded");
  });

  it("is refused with 401 for a bad, a missing or a stale signature, and the handler never runs", async () => {
    const bad = await events.appMention({ text: "<@U0BOT> hi" }, { signature: "bad" });
    const missing = await events.appMention({ text: "<@U0BOT> hi" }, { signature: "missing" });
    const stale = await events.appMention(
      { text: "<@U0BOT> hi" },
      { timestampSec: Math.floor(Date.now() / 1000) - 600 },
    );
    expect([bad.status, missing.status, stale.status]).toEqual([401, 401, 401]);
    expect(mentions).toHaveLength(0);
    expect(logger.lines.some((l) => l.includes("signature mismatch"))).toBe(true);
    expect(logger.lines.some((l) => l.includes("stale"))).toBe(true);
  });

  it("delivers a retried event again: Bolt does not de-duplicate, it exposes context.retryNum", async () => {
    const first = await events.appMention({ text: "<@U0BOT> báo cáo quý" });
    const retry = await events.retry(first, { retryNum: 1, retryReason: "http_timeout" });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await fake.waitFor(() => mentions.length === 2, 3000, "both deliveries");
    expect(mentions.map((m) => [m.retryNum, m.retryReason])).toEqual([
      [undefined, undefined],
      [1, "http_timeout"],
    ]);
    expect(mentions[0]?.eventId).toBe(mentions[1]?.eventId);
    expect(mentions[0]?.ts).toBe(mentions[1]?.ts);
  });

  it("echoes url_verification challenges", async () => {
    const delivery = await events.urlVerification("thử-thách-123");
    expect(delivery.status).toBe(200);
    expect(delivery.ackPayload).toEqual({ challenge: "thử-thách-123" });
  });

  it("acks /cadre and records respond() through the response_url", async () => {
    let seen: Record<string, unknown> = {};
    app.command("/cadre", async ({ command, ack, respond }) => {
      seen = command;
      await ack();
      await respond({ text: `Đã nhận: ${command.text}` });
    });
    const delivery = await events.command({ text: "task 4 1470-CV/TU", user: "U0CHI" });
    expect(delivery.status).toBe(200);
    const response = await fake.waitFor(() => fake.responses()[0], 3000, "respond()");
    expect(response).toMatchObject({ origin: "slash_command", user: "U0CHI", status: 200 });
    expect(response.body.text).toBe("Đã nhận: task 4 1470-CV/TU");
    expect(fake.ephemerals("C0GENERAL", "U0CHI").map((e) => e.text)).toEqual(["Đã nhận: task 4 1470-CV/TU"]);
    expect(seen).toMatchObject({ command: "/cadre", user_name: "chi.le", channel_id: "C0GENERAL" });
  });

  it("acks a block_actions click on a posted button, and replace_original edits that message", async () => {
    const clicks: { value?: string; blockId: string; messageTs?: string }[] = [];
    app.action<BlockAction<ButtonAction>>("quiz_answer", async ({ ack, action, body, respond }) => {
      await ack();
      clicks.push({ value: action.value, blockId: action.block_id, messageTs: body.message?.ts });
      await respond({ replace_original: true, text: "Đã chọn đáp án B" });
    });
    const button = {
      type: "button" as const,
      action_id: "quiz_answer",
      text: { type: "plain_text" as const, text: "B" },
      value: "B",
    };
    const posted = await app.client.chat.postMessage({
      channel: "C0QUIZ",
      text: "Câu 1",
      blocks: [{ type: "actions", elements: [button] }],
    });
    const ts = String(posted.ts);
    const delivery = await events.blockAction({
      channel: "C0QUIZ",
      messageTs: ts,
      actionId: "quiz_answer",
      user: "U0BINH",
    });
    expect(delivery.status).toBe(200);
    await fake.waitFor(() => fake.posted("C0QUIZ")[0]?.edited, 3000, "the replaced message");
    const stored = fake.posted("C0QUIZ")[0]!;
    expect(stored.text).toBe("Đã chọn đáp án B");
    // Slack generates a block_id for blocks sent without one; the click carries that id.
    const generated = (stored.blocks?.[0] as { block_id?: string } | undefined)?.block_id;
    expect(generated).toMatch(/^\S+$/);
    expect(clicks).toEqual([{ value: "B", blockId: generated, messageTs: ts }]);
  });

  it("retries chat.postMessage after a 429 with Retry-After and delivers it once", async () => {
    const retrying = new App({
      token: fake.botToken,
      signingSecret: SECRET,
      botId: "B0BOT",
      botUserId: "U0BOT",
      logger: quietLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } },
    });
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const result = await retrying.client.chat.postMessage({ channel: "C0GENERAL", text: "Nhắc hạn báo cáo" });
    expect(result.ok).toBe(true);
    const calls = fake.calls("chat.postMessage").filter((c) => c.params.text === "Nhắc hạn báo cáo");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[0]?.response).toEqual({ ok: false, error: "ratelimited" });
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(fake.posted("C0GENERAL").filter((m) => m.text === "Nhắc hạn báo cáo")).toHaveLength(1);
  });

  it("does not retry a 429 when retryConfig has retries: 0 (so set it deliberately)", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await expect(app.client.chat.postMessage({ channel: "C0GENERAL", text: "không gửi" })).rejects.toThrow(
      /rate limit/i,
    );
    expect(fake.posted("C0GENERAL").filter((m) => m.text === "không gửi")).toHaveLength(0);
  });
});

describe("fake Slack Web API answers as Slack does", () => {
  let fake: FakeSlack;
  let client: App["client"];

  beforeAll(async () => {
    fake = await FakeSlack.start({ now: () => 1_760_000_000_000 });
    const app = new App({
      token: fake.botToken,
      signingSecret: SECRET,
      botId: "B0BOT",
      botUserId: "U0BOT",
      logger: quietLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, timeout: 300 },
    });
    client = app.client;
  });

  afterAll(async () => {
    await fake.close();
  });

  const errorOf = async (call: Promise<unknown>): Promise<unknown> =>
    call.then(
      () => "ok",
      (e: { data?: { error?: string } }) => e.data?.error ?? String(e),
    );

  it("gives Slack's error codes for auth, channels and text", async () => {
    const stranger = new App({
      token: "xoxb-wrong",
      signingSecret: SECRET,
      botId: "B",
      botUserId: "U",
      logger: quietLogger(),
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    expect(await errorOf(stranger.client.auth.test())).toBe("invalid_auth");
    expect(
      await errorOf(client.chat.postMessage({ channel: "C0GENERAL", text: "x", token: fake.appToken })),
    ).toBe("not_allowed_token_type");
    expect(await errorOf(client.chat.postMessage({ channel: "C0RANDOM", text: "x" }))).toBe("not_in_channel");
    expect(await errorOf(client.chat.postMessage({ channel: "G0SECRET", text: "x" }))).toBe(
      "channel_not_found",
    );
    expect(await errorOf(client.chat.postMessage({ channel: "C0GENERAL", text: "x".repeat(40_001) }))).toBe(
      "msg_too_long",
    );
    expect(await errorOf(client.conversations.info({ channel: "G0SECRET" }))).toBe("channel_not_found");
    expect(await errorOf(client.users.info({ user: "U0NOBODY" }))).toBe("user_not_found");
  });

  it("validates blocks per block with json-pointer messages", async () => {
    const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
    const button = (text: string, value: string) => ({
      type: "button",
      action_id: "a",
      text: { type: "plain_text", text },
      value,
    });
    expect(validateBlocks([section("x".repeat(3000))])).toEqual([]);
    expect(validateBlocks([section("x".repeat(3001))])).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(validateBlocks(Array.from({ length: 51 }, () => section("x")))).toEqual([
      "no more than 50 items allowed [json-pointer:/blocks]",
    ]);
    expect(
      validateBlocks([{ type: "context", elements: [{ type: "mrkdwn", text: "y".repeat(3001) }] }]),
    ).toHaveLength(1);
    expect(validateBlocks([{ type: "actions", elements: [button("b".repeat(76), "v")] }])[0]).toContain(
      "/blocks/0/elements/0/text/text",
    );
    expect(validateBlocks([{ type: "actions", elements: [button("ok", "v".repeat(2001))] }])[0]).toContain(
      "/elements/0/value",
    );
    expect(
      validateBlocks([{ type: "actions", elements: [button("a", "1"), button("b", "2")] }])[0],
    ).toContain("action_id already exists");
    expect(
      validateBlocks([
        { ...section("a"), block_id: "q" },
        { ...section("b"), block_id: "q" },
      ])[0],
    ).toContain("block_id already exists");
    const error = await client.chat
      .postMessage({ channel: "C0GENERAL", text: "t", blocks: [section("x".repeat(3001))] as never })
      .catch((e: { data: Record<string, unknown> }) => e.data);
    expect(error).toMatchObject({
      ok: false,
      error: "invalid_blocks",
      errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
    });
  });

  it("updates, deletes, reacts, lists members, reads users and opens views", async () => {
    const { ts } = await client.chat.postMessage({ channel: "U0ALICE", text: "Xin chào" });
    const im = fake.posted().find((m) => m.ts === ts)!;
    expect(im.channel).toBe(fake.workspace.openIm("U0ALICE").id);
    expect(ts).toBe("1760000000.000000"); // ts comes from the injected clock
    await client.chat.update({ channel: im.channel, ts: String(ts), text: "Xin chào (sửa)" });
    await client.reactions.add({ channel: im.channel, timestamp: String(ts), name: "white_check_mark" });
    expect(
      await errorOf(
        client.reactions.add({ channel: im.channel, timestamp: String(ts), name: "white_check_mark" }),
      ),
    ).toBe("already_reacted");
    await client.chat.delete({ channel: im.channel, ts: String(ts) });
    expect(fake.posted().find((m) => m.ts === ts)).toMatchObject({ text: "Xin chào (sửa)", deleted: true });
    expect(await errorOf(client.chat.update({ channel: im.channel, ts: String(ts), text: "?" }))).toBe(
      "message_not_found",
    );
    const page = await client.conversations.members({ channel: "C0GENERAL", limit: 3 });
    expect(page.members).toHaveLength(3);
    const rest = await client.conversations.members({
      channel: "C0GENERAL",
      cursor: page.response_metadata?.next_cursor ?? "",
    });
    expect([...(page.members ?? []), ...(rest.members ?? [])]).toEqual(
      fake.workspace.channels.get("C0GENERAL")?.members,
    );
    const user = await client.users.info({ user: "U0BINH", include_locale: true });
    expect(user.user).toMatchObject({ real_name: "Trần Văn Bình", locale: "vi-VN", tz: "Asia/Ho_Chi_Minh" });
    const ephemeral = await client.chat.postEphemeral({
      channel: "C0GENERAL",
      user: "U0BINH",
      text: "chỉ bạn thấy",
    });
    expect(fake.ephemerals("C0GENERAL", "U0BINH").at(-1)?.ts).toBe(ephemeral.message_ts);
    const trigger = fake.workspace.issueTrigger();
    const view = {
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "Đoạn trích" },
      blocks: [],
    };
    expect((await client.views.open({ trigger_id: trigger, view })).ok).toBe(true);
    expect(await errorOf(client.views.open({ trigger_id: trigger, view }))).toBe("exchanged_trigger_id");
    expect(await errorOf(client.views.open({ trigger_id: "123.bogus", view }))).toBe("invalid_trigger_id");
  });

  it("injects error codes, gateway errors and hangs", async () => {
    fake.failNext("users.info", { error: "fatal_error" });
    expect(await errorOf(client.users.info({ user: "U0BINH" }))).toBe("fatal_error");
    fake.failNext("users.info", { status: 503, body: "upstream down" });
    expect(await errorOf(client.users.info({ user: "U0BINH" }))).toMatch(/503/);
    fake.failNext("users.info", { hang: true });
    expect(await errorOf(client.users.info({ user: "U0BINH" }))).toMatch(/timeout|abort/i);
    expect(fake.calls("users.info").at(-1)).toMatchObject({ status: 0, injected: true });
    expect((await client.users.info({ user: "U0BINH" })).ok).toBe(true);
  });

  it("takes JSON bodies with a Bearer token and ignores a token inside JSON", async () => {
    const post = (body: object, auth?: string) =>
      fetch(`${fake.apiUrl}auth.test`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(await post({}, fake.botToken)).toMatchObject({ ok: true, team_id: "T0CADRE" });
    expect(await post({ token: fake.botToken })).toEqual({ ok: false, error: "not_authed" });
  });

  it("signs like Slack: Bolt's own verifier accepts the signature", () => {
    const body = JSON.stringify({ type: "event_callback" });
    const now = Date.now();
    const timestamp = Math.floor(now / 1000);
    const headers = {
      "x-slack-signature": slackSignature(SECRET, timestamp, body),
      "x-slack-request-timestamp": timestamp,
    };
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body, headers, nowMilliseconds: now }),
    ).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret: "other", body, headers, nowMilliseconds: now })).toThrow(
      /signature/,
    );
  });
});

describe("fake Slack Socket Mode with a real Bolt App", () => {
  it("connects via apps.connections.open, delivers and records acks, and reconnects on disconnect", async () => {
    const fake = await FakeSlack.start({ socketPingIntervalMs: 100 });
    const logger = quietLogger();
    // clientPingTimeout also sets the reconnect delay (timeout × failures): 600 ms keeps the test short.
    const receiver = new SocketModeReceiver({
      appToken: fake.appToken,
      logger,
      clientPingTimeout: 600,
      installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl } },
    });
    const app = new App({
      token: fake.botToken,
      receiver,
      botId: "B0BOT",
      botUserId: "U0BOT",
      logger,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    const retries: (number | undefined)[] = [];
    app.event("app_mention", async ({ event, say, context }) => {
      retries.push(context.retryNum);
      await say({ text: "Đã nhận qua Socket Mode", thread_ts: event.ts });
    });
    app.command("/cadre", async ({ ack }) => ack({ text: "Đang tìm…" }));
    try {
      await app.start();
      expect(fake.calls("apps.connections.open").map((c) => [c.token, c.response?.ok])).toEqual([
        [fake.appToken, true],
      ]);
      expect(fake.calls("auth.test")).toHaveLength(0); // botId + botUserId given
      const events = fake.socketEvents();

      const mention = await events.appMention({ text: "<@U0BOT> hạn báo cáo?" });
      expect(mention.acked).toBe(true);
      expect(fake.socket.acks.at(-1)).toMatchObject({
        envelopeId: fake.socket.sent.at(-1)?.envelope_id,
        unexpected: false,
      });
      const reply = await fake.waitFor(() => fake.posted("C0GENERAL")[0], 3000, "the reply");
      expect(reply.thread_ts).toBe(mention.message.ts);

      const command = await events.command({ text: "help" });
      expect(command).toMatchObject({ acked: true, ackPayload: { text: "Đang tìm…" } });
      await events.retry(mention, { retryNum: 2, retryReason: "timeout" });
      await fake.waitFor(() => retries.length === 2, 3000, "the retried mention");
      expect(retries).toEqual([0, 2]);
      await fake.waitFor(() => fake.socket.clientPings > 0, 3000, "a client ping");
      await fake.waitFor(() => fake.socket.pongs > 0, 3000, "a pong to the server's ping");

      fake.socket.sendDisconnect("refresh_requested");
      await fake.waitFor(
        () => fake.socket.connectionsOpened === 2 && fake.socket.openConnections === 1,
        5000,
        "reconnect",
      );
      expect(fake.calls("apps.connections.open")).toHaveLength(2);
      expect((await events.appMention({ text: "<@U0BOT> còn đó không?" })).acked).toBe(true);
    } finally {
      await app.stop();
      await fake.waitFor(() => fake.socket.openConnections === 0, 5000, "the app to hang up");
      await fake.close();
    }
  });
});

describe("clean shutdown", () => {
  it("leaves no server or socket open", async () => {
    const settled = await new Promise<string[]>((resolve) => {
      const check = (tries: number): void => {
        const now = netHandles();
        if (now.length <= before.length || tries === 0) resolve(now);
        else setTimeout(() => check(tries - 1), 50);
      };
      check(40);
    });
    expect(settled.length).toBeLessThanOrEqual(before.length);
  });
});
