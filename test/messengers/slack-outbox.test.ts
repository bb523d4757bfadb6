import { createServer, type Server } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatCore, DeliveryError, type Destination } from "../../src/chat/index.js";
import {
  type ChatPoster,
  createSlack,
  type SlackOptions,
  SlackOutbox,
} from "../../src/messengers/slack/index.js";
import { FakeSlack } from "../support/fake-slack/index.js";

/** Chat core that is never asked anything here: these tests only send and start. */
const idleChat = new ChatCore({} as never, []);
const to = (chatId: string): Destination => ({ messenger: "slack", chatId });

/** A loopback port with nothing listening (connection refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP server that accepts a request and drops the connection without answering. */
async function resettingServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((socket) => socket.on("data", () => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/` };
}

async function failureOf(send: Promise<unknown>): Promise<DeliveryError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("Slack outbox: failures become DeliveryError kinds", () => {
  let fake: FakeSlack;
  const options = (over: Partial<SlackOptions> = {}): SlackOptions => ({
    botToken: fake.botToken,
    signingSecret: "s",
    apiUrl: fake.apiUrl,
    chat: idleChat,
    log: () => {},
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    timeoutMs: 300,
    ...over,
  });

  beforeAll(async () => {
    fake = await FakeSlack.start();
    const members = [fake.workspace.identity.botUserId, "U0ALICE"];
    fake.workspace.addChannel({ id: "C0OLD", name: "old", kind: "public", members, is_archived: true });
  });
  afterAll(() => fake.close());

  it("delivers to a channel thread and returns the message ts", async () => {
    const { outbox } = createSlack(options());
    const result = await outbox.send({ ...to("C0GENERAL"), threadId: "1.000001" }, { text: "Nhắc hạn" });
    expect(fake.posted("C0GENERAL").at(-1)).toMatchObject({
      ts: result.messageIds[0],
      thread_ts: "1.000001",
    });
  });

  it("says 'retry' for a 429 that outlasts the client's retries, with Slack's Retry-After", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 2 });
    const error = await failureOf(createSlack(options()).outbox.send(to("C0GENERAL"), { text: "x" }));
    expect([error.failure, error.retryAfterMs]).toEqual(["retry", 1000]);
  });

  it("says 'retry' for a 5xx and for a refused connection", async () => {
    fake.failNext("chat.postMessage", { status: 503, times: 2 });
    expect(
      (await failureOf(createSlack(options()).outbox.send(to("C0GENERAL"), { text: "x" }))).failure,
    ).toBe("retry");
    const refused = createSlack(options({ apiUrl: `http://127.0.0.1:${await closedPort()}/api/` }));
    expect((await failureOf(refused.outbox.send(to("C0GENERAL"), { text: "x" }))).failure).toBe("retry");
  });

  it("says 'uncertain' for a timeout, a reset connection and Slack's internal_error", async () => {
    fake.failNext("chat.postMessage", { hang: true, times: 2 });
    expect(
      (await failureOf(createSlack(options()).outbox.send(to("C0GENERAL"), { text: "x" }))).failure,
    ).toBe("uncertain");
    const reset = await resettingServer();
    try {
      const outbox = createSlack(options({ apiUrl: reset.url })).outbox;
      expect((await failureOf(outbox.send(to("C0GENERAL"), { text: "x" }))).failure).toBe("uncertain");
    } finally {
      reset.server.close();
    }
    fake.failNext("chat.postMessage", { error: "internal_error" });
    expect(
      (await failureOf(createSlack(options()).outbox.send(to("C0GENERAL"), { text: "x" }))).failure,
    ).toBe("uncertain");
  });

  it("says 'permanent' for channel_not_found, not_in_channel, is_archived, invalid_auth, account_inactive", async () => {
    const { outbox } = createSlack(options());
    const kinds: string[] = [];
    for (const chat of ["G0SECRET", "C0RANDOM", "C0OLD"]) {
      const error = await failureOf(outbox.send(to(chat), { text: "x" }));
      kinds.push(`${error.failure} ${error.message}`);
    }
    const stranger = createSlack(options({ botToken: "xoxb-wrong" })).outbox;
    const invalid = await failureOf(stranger.send(to("C0GENERAL"), { text: "x" }));
    kinds.push(`${invalid.failure} ${invalid.message}`);
    fake.failNext("chat.postMessage", { error: "account_inactive" });
    const inactive = await failureOf(outbox.send(to("C0GENERAL"), { text: "x" }));
    kinds.push(`${inactive.failure} ${inactive.message}`);
    expect(kinds).toEqual([
      "permanent Slack refused: channel_not_found",
      "permanent Slack refused: not_in_channel",
      "permanent Slack refused: is_archived",
      "permanent Slack refused: invalid_auth",
      "permanent Slack refused: account_inactive",
    ]);
  });

  it("turns 'retry' into 'uncertain' when part of a split reply was already sent", async () => {
    let calls = 0;
    const poster = {
      chat: {
        postMessage: async () => {
          calls += 1;
          if (calls > 1) throw new webApi.WebAPIRateLimitedError(2);
          return { ok: true, ts: "5.000001" };
        },
      },
    } as unknown as ChatPoster;
    const huge = `${"Nội dung nhắc việc. ".repeat(150)}\n\n`.repeat(60);
    const error = await failureOf(new SlackOutbox(poster).send(to("C0GENERAL"), { text: huge }));
    expect(error.failure).toBe("uncertain");
    expect(calls).toBe(2);
  });
});

describe("Slack start-up reports what to fix", () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(() => fake.close());
  const base = () => ({ chat: idleChat, log: () => {}, retryConfig: { retries: 0 } });

  it("names SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    const slack = createSlack({ ...base(), botToken: "xoxb-wrong", signingSecret: "s", apiUrl: fake.apiUrl });
    await expect(slack.start()).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it("names SLACK_API_URL when the API is unreachable or is not Slack", async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}/api/`;
    const dead = createSlack({ ...base(), botToken: fake.botToken, signingSecret: "s", apiUrl: unreachable });
    await expect(dead.start()).rejects.toThrow(/Cannot reach .*ECONNREFUSED.*SLACK_API_URL/);
    const wrong = createSlack({
      ...base(),
      botToken: fake.botToken,
      signingSecret: "s",
      apiUrl: `${fake.baseUrl}/x/`,
    });
    await expect(wrong.start()).rejects.toThrow(/answered HTTP 404: check SLACK_API_URL/);
  });

  it("names SLACK_APP_TOKEN when Socket Mode is refused, and needs a secret or an app token", async () => {
    const slack = createSlack({
      ...base(),
      botToken: fake.botToken,
      appToken: "xapp-wrong",
      apiUrl: fake.apiUrl,
    });
    await expect(slack.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
    await slack.stop();
    expect(() => createSlack({ ...base(), botToken: fake.botToken })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
