import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FakeZalo, SECRET_HEADER } from "./index.js";

// The fake Zalo Bot API itself, spoken to with plain fetch: it must follow the documented protocol,
// or the adapter tests prove nothing.

let fake: FakeZalo;
afterEach(async () => {
  expect(fake.internalErrors()).toEqual([]);
  await fake.close();
});

async function call(method: string, body: unknown, token = fake.token) {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("the fake Zalo Bot API", () => {
  it("answers getMe, and 401 in the API's shape for another token", async () => {
    fake = await FakeZalo.start();
    expect((await call("getMe", {})).body).toEqual({
      ok: true,
      result: { id: fake.botId, account_name: "bot.CadreTest", account_type: "BASIC", can_join_groups: true },
    });
    expect(await call("getMe", {}, "1:wrong")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    expect((await call("noSuchMethod", {})).status).toBe(404);
  });

  it("long-polls one update per call, 408 after the timeout, and refuses while a webhook is set", async () => {
    fake = await FakeZalo.start();
    const lan = fake.createUser("Lan");
    const dm = fake.privateChat(lan);
    expect(await call("getUpdates", { timeout: "0" })).toEqual({
      status: 408,
      body: { ok: false, error_code: 408, description: "Request timeout" },
    });
    const waiting = call("getUpdates", { timeout: 5 });
    await fake.waitFor(() => fake.callsOf("getUpdates").length === 2);
    const sent = fake.userSends(dm, lan, "xin chào");
    expect((await waiting).body).toEqual({
      ok: true,
      result: { event_name: "message.text.received", message: sent },
    });
    expect(sent.chat).toEqual({ id: lan.id, chat_type: "PRIVATE" });
    expect((await call("setWebhook", { url: "https://x.vn/h", secret_token: "short" })).status).toBe(400);
    expect(
      (await call("setWebhook", { url: "https://x.vn/h", secret_token: "long-enough" })).body,
    ).toMatchObject({
      ok: true,
      result: { url: "https://x.vn/h" },
    });
    expect((await call("getUpdates", {})).status).toBe(409);
    expect((await call("getWebhookInfo", {})).body).toMatchObject({ result: { url: "https://x.vn/h" } });
    await call("deleteWebhook", {});
    expect((await call("getWebhookInfo", {})).body).toMatchObject({ result: { url: "" } });
  });

  it("accepts texts of 1 to 2000 characters and records them; injected failures come first", async () => {
    fake = await FakeZalo.start();
    const group = fake.createGroup("Chi bộ");
    expect((await call("sendMessage", { chat_id: group.id, text: "" })).status).toBe(400);
    expect((await call("sendMessage", { chat_id: group.id, text: "x".repeat(2001) })).status).toBe(400);
    expect((await call("sendMessage", { chat_id: "nope", text: "hi" })).status).toBe(400);
    const ok = await call("sendMessage", { chat_id: group.id, text: "x".repeat(2000) });
    expect(ok.body).toMatchObject({
      ok: true,
      result: { message_id: expect.any(String), date: expect.any(Number) },
    });
    expect(await call("sendChatAction", { chat_id: group.id, action: "typing" })).toEqual({
      status: 200,
      body: { ok: true },
    });
    fake.failNext("sendMessage", { code: 429 }, 2);
    expect((await call("sendMessage", { chat_id: group.id, text: "a" })).body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests",
    });
    expect((await call("sendMessage", { chat_id: group.id, text: "a" })).status).toBe(429);
    expect(
      (await call("sendPhoto", { chat_id: group.id, photo: "https://x.vn/a.png", caption: "ảnh" })).status,
    ).toBe(200);
    expect(fake.sent(group).map((m) => [m.text.length, m.photo])).toEqual([
      [2000, undefined],
      [3, "https://x.vn/a.png"],
    ]);
  });

  it("pushes updates to the webhook with the secret header, retrying a failed delivery", async () => {
    fake = await FakeZalo.start({ webhookRetryMs: 10 });
    const seen: { secret: string | undefined; body: unknown }[] = [];
    let failFirst = true;
    const hook = createServer((req: IncomingMessage, res) => {
      let raw = "";
      req.on("data", (c) => {
        raw += c;
      });
      req.on("end", () => {
        seen.push({ secret: req.headers[SECRET_HEADER.toLowerCase()] as string, body: JSON.parse(raw) });
        res.writeHead(failFirst ? 500 : 200).end();
        failFirst = false;
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    await call("setWebhook", { url, secret_token: "s3cret-token" });
    const lan = fake.createUser("Lan");
    const message = fake.userSends(fake.privateChat(lan), lan, "chào");
    await fake.waitFor(() => fake.deliveries.length === 2);
    expect(fake.deliveries.map((d) => d.status)).toEqual([500, 200]);
    expect(seen[1]).toEqual({
      secret: "s3cret-token",
      body: { ok: true, result: { event_name: "message.text.received", message } },
    });
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });
});
