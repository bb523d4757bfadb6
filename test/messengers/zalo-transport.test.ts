import { describe, expect, it } from "vitest";
import type { DeliveryError } from "../../src/chat/index.js";
import { parseConfig } from "../../src/config/index.js";
import { startMessengers } from "../../src/main.js";
import { serveRoutes } from "../../src/messengers/http.js";
import { createZalo, SECRET_HEADER } from "../../src/messengers/zalo/index.js";
import { FakeZalo } from "../support/fake-zalo/index.js";
import { freePort } from "../support/process.js";
import {
  adapter,
  answering,
  onCleanup,
  polling,
  sentAtLeast,
  startFake,
  tinyChat,
  WAIT,
} from "./zalo-setup.js";

// How updates reach the adapter: webhook pushes with the secret header, and long polling that
// survives a failing server with capped exponential backoff; start-up errors that name the variable.

const SECRET = "zalo-webhook-secret-0123";
const echo = () => tinyChat(answering((q) => [{ text: `Đã nhận: ${q}` }]));

/** A fake and a webhook-mode adapter served on a free loopback port, as `npm start` serves it. */
async function webhookWorld() {
  const world = await startFake();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/zalo/webhook`;
  const { zalo, logs } = await adapter(world.fake, echo(), { webhook: { url, secret: SECRET } });
  const served = await serveRoutes(zalo.routes, { port });
  onCleanup(() => served.close());
  await zalo.start();
  return { ...world, zalo, logs, url };
}

describe("Zalo webhook mode", () => {
  it("sets the webhook with its secret and answers pushed updates", async () => {
    const { fake, lan, dm, url } = await webhookWorld();
    expect(fake.webhookSettings()).toEqual({ url, secret: SECRET });
    fake.userSends(dm, lan, "xin chào");
    const [reply] = await sentAtLeast(fake, dm, 1);
    expect(reply?.text).toBe("Đã nhận: xin chào");
    expect(fake.deliveries.map((d) => [d.status, d.secretSent])).toEqual([[200, SECRET]]);
    expect(fake.callsOf("getUpdates")).toEqual([]);
  });

  it("rejects a push with a wrong or missing secret with 401, and answers 503 while stopping", async () => {
    const { fake, lan, dm, url, zalo } = await webhookWorld();
    const body = JSON.stringify({
      ok: true,
      result: {
        event_name: "message.text.received",
        message: {
          message_id: "m1",
          date: Date.now(),
          text: "giả mạo",
          from: { id: lan.id, display_name: "Kẻ giả mạo" },
          chat: { id: dm.id, chat_type: "PRIVATE" },
        },
      },
    });
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect((await post({ [SECRET_HEADER]: "wrong-secret-0123" })).status).toBe(401);
    expect((await post({ [SECRET_HEADER]: `${SECRET}x` })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect((await fetch(url)).status).toBe(405);
    // the same body with the right secret is taken; it is the only copy handled
    expect((await post({ [SECRET_HEADER]: SECRET })).status).toBe(200);
    const [signed] = await sentAtLeast(fake, dm, 1);
    expect(signed?.text).toBe("Đã nhận: giả mạo");
    const bad = await fetch(url, { method: "POST", headers: { [SECRET_HEADER]: SECRET }, body: "{" });
    expect(bad.status).toBe(400);
    fake.userSends(dm, lan, "sentinel");
    await sentAtLeast(fake, dm, 2);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["Đã nhận: giả mạo", "Đã nhận: sentinel"]);
    await zalo.stop();
    expect((await post({ [SECRET_HEADER]: SECRET })).status).toBe(503);
  });
});

describe("Zalo long polling", () => {
  it("backs off exponentially up to the cap while getUpdates fails, then answers", async () => {
    const delays: number[] = [];
    const world = await startFake();
    const { fake, lan, dm } = world;
    fake.failNext("getUpdates", { code: 502 }, 4);
    fake.failNext("getUpdates", { network: true }, 1);
    fake.failNext("getUpdates", { code: 429 }, 1);
    const { zalo, logs } = await adapter(fake, echo(), {
      backoff: { minMs: 10, maxMs: 50 },
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    await zalo.start();
    fake.userSends(dm, lan, "còn đó không?");
    const [reply] = await sentAtLeast(fake, dm, 1);
    expect(reply?.text).toBe("Đã nhận: còn đó không?");
    expect(delays).toEqual([10, 20, 40, 50, 50, 50]); // doubling, capped; no call without a pause
    expect(
      fake
        .callsOf("getUpdates")
        .slice(0, 6)
        .map((c) => c.errorCode),
    ).toEqual([502, 502, 502, 502, -1, 429]);
    expect(logs.filter((l) => l.includes("getUpdates failed"))).toHaveLength(6);
    for (const line of logs) expect(line).not.toContain(fake.token);
    // a success resets the wait: the next failure starts again from the minimum
    fake.failNext("getUpdates", { code: 500 }, 1);
    await fake.waitFor(() => delays.length === 7, WAIT);
    expect(delays.at(-1)).toBe(10);
  });

  it("treats 408 as no news, removes an old webhook first, and keeps the order of a chat's messages", async () => {
    const { fake, lan, dm } = await polling(echo(), { pollSeconds: 1 });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(1);
    await fake.waitFor(() => fake.callsOf("getUpdates").some((c) => c.errorCode === 408), WAIT);
    for (const text of ["một", "hai", "ba"]) fake.userSends(dm, lan, text);
    await sentAtLeast(fake, dm, 3);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["Đã nhận: một", "Đã nhận: hai", "Đã nhận: ba"]);
  });
});

describe("Zalo start-up errors", () => {
  it("names ZALO_BOT_TOKEN when Zalo rejects the token, without printing it", async () => {
    const fake = await FakeZalo.start();
    onCleanup(() => fake.close());
    const token = "1459232241454765289:WrongSecretWrongSecret";
    const error = await createZalo({ token, apiRoot: fake.apiRoot, chat: echo() }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Zalo rejected ZALO_BOT_TOKEN \(401 Unauthorized\)/);
    expect((error as Error).message).not.toContain("WrongSecret");
    await expect(createZalo({ token: "not a token", apiRoot: fake.apiRoot, chat: echo() })).rejects.toThrow(
      /ZALO_BOT_TOKEN does not look like/,
    );
  });

  it("names ZALO_API_ROOT when the server cannot be reached, and checks the webhook secret's length", async () => {
    const fake = await FakeZalo.start();
    const apiRoot = fake.apiRoot;
    await fake.close();
    await expect(createZalo({ token: fake.token, apiRoot, chat: echo() })).rejects.toThrow(
      /Cannot reach the Zalo Bot API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check ZALO_API_ROOT/,
    );
    await expect(
      createZalo({
        token: fake.token,
        apiRoot,
        chat: echo(),
        webhook: { url: "https://x.vn/z", secret: "short" },
      }),
    ).rejects.toThrow("ZALO_WEBHOOK_SECRET must be 8 to 256 characters (it has 5)");
  });
});

describe("Zalo in npm start's wiring", () => {
  it("refuses ZALO_WEBHOOK_URL without its secret, and serves the webhook on PORT with the others", async () => {
    expect(() =>
      parseConfig({ ZALO_BOT_TOKEN: "1:abc", ZALO_WEBHOOK_URL: "https://bot.example.vn/zalo" }),
    ).toThrow(/ZALO_WEBHOOK_URL is set: also set ZALO_WEBHOOK_SECRET/);
    const { fake, lan, dm } = await startFake();
    const port = await freePort();
    const config = parseConfig({
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/zalo`,
      ZALO_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    const logs: string[] = [];
    const running = await startMessengers(config, echo(), (line) => logs.push(line));
    onCleanup(() => running.stop());
    expect(running.describe).toEqual(["zalo bot.CadreTest (webhook)", `webhooks on http://0.0.0.0:${port}`]);
    expect(running.outboxes.get("zalo")?.messenger).toBe("zalo");
    fake.userSends(dm, lan, "qua webhook");
    const [reply] = await sentAtLeast(fake, dm, 1);
    expect(reply?.text).toBe("Đã nhận: qua webhook");
    // the outbox reaches the same chat (what reminders and quizzes use)
    await running.outboxes.get("zalo")?.send({ messenger: "zalo", chatId: dm.id }, { text: "🔔 Nhắc hạn" });
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["Đã nhận: qua webhook", "🔔 Nhắc hạn"]);
  });
});

describe("the Zalo outbox", () => {
  it("sends proactive replies and reports failures as retry, uncertain or permanent", async () => {
    const { fake, lan, dm } = await startFake();
    const { zalo } = await adapter(fake, echo());
    const send = (chatId: string) => zalo.outbox.send({ messenger: "zalo", chatId }, { text: "🔔 Nhắc hạn" });
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => "sent",
        (e: DeliveryError) => e.failure,
      );
    expect((await send(dm.id)).messageIds).toEqual([fake.sent(dm)[0]?.messageId]);
    expect(await failure(send("no-such-chat"))).toBe("permanent");
    fake.failNext("sendMessage", { code: 502 });
    expect(await failure(send(dm.id))).toBe("retry");
    fake.failNext("sendMessage", { code: 429 });
    expect(await failure(send(dm.id))).toBe("retry");
    fake.failNext("sendMessage", { network: true });
    expect(await failure(send(dm.id))).toBe("uncertain");
    expect(await failure(zalo.outbox.send({ messenger: "telegram", chatId: dm.id }, { text: "x" }))).toBe(
      "permanent",
    );
    expect(fake.sent(dm)).toHaveLength(1);
    expect(lan.id).toBe(dm.id); // a private chat's id is the user's: BOT_ADMINS zalo:<id> reach them
  });
});
