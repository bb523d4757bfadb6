import { describe, expect, it } from "vitest";
import { DeliveryError, type Destination, type Reply } from "../../src/chat/index.js";
import { createTelegram } from "../../src/messengers/telegram/index.js";
import type { FakeTelegram } from "../support/fake-telegram/index.js";
import { freePort } from "../support/process.js"; // nothing listens there: connection refused
import { adapter, startFake, tinyChat } from "./telegram-setup.js";

// Proactive sends (reminders) and how their failures are classified, with failures injected by the
// fake exactly as Telegram (or a proxy, or the network) produces them.

const REMINDER: Reply = { text: "Nhắc hạn: báo cáo quý I trước ngày 20/3 <gấp> & đầy đủ." };

/** A fresh private chat per case: sends to one chat are throttled to one a second. */
function newChat(fake: FakeTelegram, name: string): Destination {
  const user = fake.createUser({ first_name: name });
  return { messenger: "telegram", chatId: String(fake.privateChat(user).id) };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe("outbox.send", () => {
  it("sends with the same formatting, into a topic when asked, and returns the message ids", async () => {
    const { fake, dm } = await startFake();
    const { tg } = await adapter(fake, tinyChat());
    const sent = await tg.outbox.send({ messenger: "telegram", chatId: String(dm.id) }, REMINDER);
    expect(sent.messageIds).toEqual([String(fake.sent(dm)[0]?.messageId)]);
    expect(fake.sent(dm)[0]?.text).toBe(REMINDER.text);
    expect(fake.sent(dm)[0]?.rawText).toContain("&lt;gấp&gt; &amp;");
    const forum = fake.createGroup({ title: "Văn phòng", members: [fake.createUser({ first_name: "An" })] });
    await tg.outbox.send({ messenger: "telegram", chatId: String(forum.id), threadId: "7" }, REMINDER);
    expect(fake.calls("sendMessage").at(-1)?.params.message_thread_id).toBe(7);
  });

  it("maps 429, 5xx and refused connections to retry", async () => {
    const { fake } = await startFake();
    const { tg } = await adapter(fake, tinyChat());
    fake.failNext("sendMessage", { code: 429, retryAfter: 120 });
    const flood = await failure(tg.outbox.send(newChat(fake, "A"), REMINDER));
    expect([flood.failure, flood.retryAfterMs]).toEqual(["retry", 120_000]);

    fake.failNext("sendMessage", { code: 429, retryAfter: 1 }, { times: 4 });
    const persistent = await failure(tg.outbox.send(newChat(fake, "B"), REMINDER));
    expect([persistent.failure, persistent.retryAfterMs]).toEqual(["retry", 1000]);
    expect(
      fake
        .calls("sendMessage")
        .slice(-4)
        .map((c) => c.errorCode),
    ).toEqual([429, 429, 429, 429]);

    fake.failNext("sendMessage", { code: 502 });
    expect((await failure(tg.outbox.send(newChat(fake, "C"), REMINDER))).failure).toBe("retry");

    const { tg: nowhere } = await adapter(fake, tinyChat(), {
      apiRoot: `http://127.0.0.1:${await freePort()}`,
      botInfo: fake.bot,
    });
    const refused = await failure(nowhere.outbox.send(newChat(fake, "D"), REMINDER));
    expect(refused.failure).toBe("retry");
    expect(refused.message).toContain("ECONNREFUSED");
  });

  it("maps timeouts, resets and unreadable answers to uncertain", async () => {
    const { fake } = await startFake();
    const { tg } = await adapter(fake, tinyChat(), { timeoutSeconds: 1 });
    fake.failNext("sendMessage", { hang: true });
    expect((await failure(tg.outbox.send(newChat(fake, "E"), REMINDER))).failure).toBe("uncertain");

    const reset = newChat(fake, "F");
    fake.failNext("sendMessage", { reset: true, execute: true });
    expect((await failure(tg.outbox.send(reset, REMINDER))).failure).toBe("uncertain");
    expect(fake.sent(Number(reset.chatId))).toHaveLength(1); // why "uncertain": it did arrive

    fake.failNext("sendMessage", { status: 502, body: "<html>502 Bad Gateway</html>" });
    const proxy = await failure(tg.outbox.send(newChat(fake, "G"), REMINDER));
    expect(proxy.failure).toBe("uncertain");
    // fetch quotes the request URL, which holds the token: it must not reach logs or callers
    expect(proxy.message).toContain("/bot<TELEGRAM_BOT_TOKEN>/sendMessage");
    expect(proxy.message).not.toContain(fake.token);
  });

  it("maps blocked, kicked, unknown chats and a bad token to permanent", async () => {
    const { fake, lan, minh } = await startFake();
    const { tg } = await adapter(fake, tinyChat());
    fake.blockBot(lan);
    const blocked = await failure(
      tg.outbox.send({ messenger: "telegram", chatId: String(lan.id) }, REMINDER),
    );
    expect([blocked.failure, blocked.message]).toEqual([
      "permanent",
      "sendMessage: 403 Forbidden: bot was blocked by the user",
    ]);
    const group = fake.createGroup({ title: "Ban Tổ chức", members: [minh] });
    fake.kickBot(group);
    expect(
      (await failure(tg.outbox.send({ messenger: "telegram", chatId: String(group.id) }, REMINDER))).failure,
    ).toBe("permanent");
    const unknown = await failure(
      tg.outbox.send({ messenger: "telegram", chatId: String(minh.id) }, REMINDER),
    );
    expect([unknown.failure, unknown.message]).toEqual([
      "permanent",
      "sendMessage: 400 Bad Request: chat not found",
    ]);
    fake.failNext("sendMessage", { code: 401 });
    expect((await failure(tg.outbox.send(newChat(fake, "H"), REMINDER))).failure).toBe("permanent");
    expect((await failure(tg.outbox.send({ messenger: "slack", chatId: "C1" }, REMINDER))).failure).toBe(
      "permanent",
    );
  });

  it("reports a split message that failed half-way as uncertain, not retry", async () => {
    const { fake } = await startFake();
    const { tg } = await adapter(fake, tinyChat());
    const long: Reply = { text: `${"Đoạn một. ".repeat(400)}\n\n${"Đoạn hai. ".repeat(400)}` };
    const to = newChat(fake, "I");
    fake.failNext("sendMessage", { code: 502 }, { when: (p) => String(p.text).startsWith("Đoạn hai") });
    const half = await failure(tg.outbox.send(to, long));
    expect(half.failure).toBe("uncertain");
    expect(half.message).toContain("1 part(s) already delivered");
    expect(fake.sent(Number(to.chatId))).toHaveLength(1);
  });
});

describe("start-up checks", () => {
  it("names TELEGRAM_BOT_TOKEN when the token is malformed or refused, without printing it", async () => {
    const { fake } = await startFake();
    const chat = tinyChat();
    await expect(createTelegram({ token: "not a token", chat })).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
    const refused = createTelegram({ token: "123456789:WrongSecretPart", apiRoot: fake.apiRoot, chat });
    await expect(refused).rejects.toThrow(/TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/);
    await expect(refused).rejects.not.toThrow(/WrongSecretPart/);
  });

  it("names TELEGRAM_API_ROOT when the server cannot be reached or is not a URL", async () => {
    const chat = tinyChat();
    const token = "123456789:AAFakeTelegramTokenForCadreBotTests";
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    await expect(createTelegram({ token, apiRoot, chat })).rejects.toThrow(
      /Cannot reach the Telegram Bot API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check TELEGRAM_API_ROOT/,
    );
    await expect(createTelegram({ token, apiRoot: "localhost:8081", chat })).rejects.toThrow(
      /TELEGRAM_API_ROOT/,
    );
  });

  it("names TELEGRAM_WEBHOOK_SECRET when the secret has characters Telegram refuses", async () => {
    const { fake } = await startFake();
    const webhook = { url: "https://bot.example.vn/telegram", secret: "mật khẩu" };
    await expect(
      createTelegram({ token: fake.token, apiRoot: fake.apiRoot, chat: tinyChat(), webhook }),
    ).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
