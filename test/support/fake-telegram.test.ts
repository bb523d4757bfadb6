import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, HttpError, InlineKeyboard, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import {
  FakeTelegram,
  ManualClock,
  type Poll,
  type PollAnswer,
  parseHtml,
  type StartOptions,
} from "./fake-telegram/index.js";

// The real grammY Bot against the fake server: no module mocks anywhere.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(options: StartOptions = {}, timeoutSeconds?: number) {
  const fake = await FakeTelegram.start(options);
  cleanups.push(async () => {
    expect(fake.internalErrors()).toEqual([]);
    await fake.close();
  });
  const client =
    timeoutSeconds === undefined ? { apiRoot: fake.apiRoot } : { apiRoot: fake.apiRoot, timeoutSeconds };
  const bot = new Bot(fake.token, { client });
  const lan = fake.createUser({ first_name: "Lan", username: "lan_nguyen", language_code: "vi" });
  const minh = fake.createUser({ first_name: "Minh", language_code: "vi" });
  return { fake, bot, lan, minh, dm: fake.privateChat(lan) };
}

/** Starts long polling and registers bot.stop() to run before the fake closes. */
async function startPolling(bot: Bot): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
  cleanups.push(() => bot.stop());
}

async function serve(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram` };
}

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

describe("long polling", () => {
  it("delivers a private message and records the bot's reply as the user sees it", async () => {
    const { fake, bot, lan, dm } = await setup();
    bot.on("message:text", (ctx) =>
      ctx.reply(`<b>Câu hỏi:</b> ${ctx.message.text}`, {
        parse_mode: "HTML",
        reply_parameters: { message_id: ctx.message.message_id },
      }),
    );
    await startPolling(bot);
    const asked = fake.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    expect(asked.chat).toEqual({ id: lan.id, type: "private", first_name: "Lan", username: "lan_nguyen" });

    const [reply] = await fake.waitFor(() => fake.sent(dm).length === 1 && fake.sent(dm));
    expect(reply?.text).toBe("Câu hỏi: nhiệm vụ 4 yêu cầu gì?");
    expect(reply?.entities).toEqual([{ type: "bold", offset: 0, length: 8 }]);
    expect(reply?.replyToMessageId).toBe(asked.message_id);
    expect(reply?.message.message_id).toBe(asked.message_id + 1);
    expect(reply?.message.reply_to_message?.text).toBe("nhiệm vụ 4 yêu cầu gì?");
    // grammY's next getUpdates carries offset = last update_id + 1, which confirms the update
    await fake.waitFor(() => fake.pendingUpdates().length === 0, 2000, "update confirmed");
  });

  it("holds getUpdates open instead of answering empty batches in a loop", async () => {
    const { fake, bot } = await setup();
    await startPolling(bot);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const polls = fake.calls("getUpdates");
    expect(polls.length).toBe(1);
    expect(polls[0]?.params.timeout).toBe(30);
    expect(polls[0]?.ok).toBe(false); // still waiting: no result recorded yet
  });

  it("gives /start@botname in a group a bot_command entity and per-chat message ids", async () => {
    const { fake, bot, lan, minh } = await setup();
    bot.command("start", (ctx) => ctx.reply("Xin chào"));
    await startPolling(bot);
    const group = fake.createGroup({ title: "Chi bộ 1", members: [lan, minh] });
    const first = fake.userSends(group, lan, "/start@cadre_test_bot");
    expect(first.message_id).toBe(1);
    expect(first.chat).toEqual({ id: group.id, type: "group", title: "Chi bộ 1" });
    expect(first.entities).toEqual([{ type: "bot_command", offset: 0, length: 21 }]);
    const other = fake.userSends(group, minh, "/start@other_bot hi @lan_nguyen");
    expect(other.entities).toEqual([
      { type: "bot_command", offset: 0, length: 16 },
      { type: "mention", offset: 20, length: 11 },
    ]);
    fake.userSends(group, minh, "/start");
    await fake.waitFor(() => fake.pendingUpdates().length === 0 && fake.sent(group).length === 2);
    // the command for another bot got no answer: two replies, to messages 1 and 3
    expect(fake.history(group).map((m) => [m.message_id, m.from?.id])).toEqual([
      [1, lan.id],
      [2, minh.id],
      [3, minh.id],
      [4, fake.bot.id],
      [5, fake.bot.id],
    ]);
  });

  it("terminates the older of two overlapping getUpdates with 409", async () => {
    const { fake } = await setup();
    const url = (query: string) => `${fake.apiRoot}/bot${fake.token}/getUpdates?${query}`;
    const first = fetch(url("timeout=5")).then((r) => r.json());
    await fake.waitFor(() => fake.calls("getUpdates").length === 1);
    const second = await fetch(url("timeout=0")).then((r) => r.json());
    expect(second).toEqual({ ok: true, result: [] });
    expect(await first).toEqual({
      ok: false,
      error_code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
  });

  it("returns from bot.stop() promptly while a 30 s long poll is pending", async () => {
    const { fake, bot, lan, dm } = await setup();
    bot.on("message", () => {});
    await startPolling(bot);
    fake.userSends(dm, lan, "một");
    await fake.waitFor(() => fake.calls("getUpdates").length >= 2);
    const started = performance.now();
    await bot.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(bot.isRunning()).toBe(false);
    expect(fake.pendingUpdates()).toEqual([]);
  });

  it("applies privacy mode in groups until the bot is an administrator", async () => {
    const { fake, bot, lan } = await setup({ privacyMode: true });
    const seen: string[] = [];
    const promoted: string[] = [];
    bot.on("message:text", async (ctx) => {
      seen.push(ctx.message.text);
      if (ctx.message.text.startsWith("/task")) await ctx.reply("Nhiệm vụ 4: …");
    });
    bot.on("my_chat_member", (ctx) => {
      promoted.push(ctx.myChatMember.new_chat_member.status);
    });
    await startPolling(bot);
    const group = fake.createGroup({ title: "Tổ công tác", members: [lan] });
    fake.userSends(group, lan, "chuyện phiếm");
    fake.userSends(group, lan, "/task@other_bot 4");
    fake.userSends(group, lan, "@cadre_test_bot nhiệm vụ 4?");
    fake.userSends(group, lan, "/task 4");
    const [answer] = await fake.waitFor(() => fake.sent(group).length === 1 && fake.sent(group));
    fake.userSends(group, lan, "cảm ơn", { replyTo: answer });
    await fake.waitFor(() => seen.length === 3);
    fake.makeAdmin(group, fake.bot);
    fake.userSends(group, lan, "giờ bot thấy hết");
    await fake.waitFor(() => seen.length === 4 && promoted.length === 1);
    expect(seen).toEqual(["@cadre_test_bot nhiệm vụ 4?", "/task 4", "cảm ơn", "giờ bot thấy hết"]);
    expect(promoted).toEqual(["administrator"]);
  });
});

describe("sending rules", () => {
  it("retries a 429 after retry_after with auto-retry and delivers exactly once", async () => {
    const { fake, bot, lan, dm } = await setup();
    bot.api.config.use(autoRetry());
    bot.on("message:text", (ctx) => ctx.reply("Hạn báo cáo: 30/6"));
    fake.failNext("sendMessage", { code: 429, retryAfter: 1 });
    await startPolling(bot);
    fake.userSends(dm, lan, "hạn nộp?");
    await fake.waitFor(() => fake.sent(dm).length === 1, 4000);
    const calls = fake.calls("sendMessage");
    expect(calls.map((c) => c.errorCode ?? 200)).toEqual([429, 200]);
    expect(calls[0]?.description).toBe("Too Many Requests: retry after 1");
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.sendTimes(dm)).toHaveLength(1);
  });

  it("surfaces a 429 as a GrammyError with parameters.retry_after when nothing retries", async () => {
    const { fake, bot, dm } = await setup();
    fake.failNext("sendMessage", { code: 429, retryAfter: 7 });
    const error = await apiError(bot.api.sendMessage(dm.id, "x"));
    expect([error.error_code, error.parameters.retry_after]).toEqual([429, 7]);
    expect(fake.sent(dm)).toEqual([]);
  });

  it("parses HTML like Telegram and rejects broken markup with a 400", async () => {
    const { fake, bot, dm } = await setup();
    const ok = await bot.api.sendMessage(
      dm.id,
      ' <b>Nhiệm vụ 4</b> &lt;trích&gt; <a href="https://example.vn/1470">1470-CV/TU</a> ',
      { parse_mode: "HTML" },
    );
    expect(ok.text).toBe("Nhiệm vụ 4 <trích> 1470-CV/TU");
    expect(ok.entities).toEqual([
      { type: "bold", offset: 0, length: 10 },
      { type: "text_link", offset: 19, length: 10, url: "https://example.vn/1470" },
    ]);
    const broken: [string, string][] = [
      ["<b>đậm", 'Can\'t find end tag corresponding to start tag "b"'],
      ["a < b", 'Unsupported start tag "" at byte offset 2'],
      ["Điều 1<br>", 'Unsupported start tag "br" at byte offset 9'],
      ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
      ['<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ];
    for (const [text, reason] of broken) {
      const error = await apiError(bot.api.sendMessage(dm.id, text, { parse_mode: "HTML" }));
      expect([error.error_code, error.description]).toEqual([
        400,
        `Bad Request: can't parse entities: ${reason}`,
      ]);
    }
    expect(fake.sent(dm)).toHaveLength(1);
  });

  it("limits text to 4096 characters after entity parsing", async () => {
    const { fake, bot, dm } = await setup();
    const error = await apiError(bot.api.sendMessage(dm.id, "a".repeat(4097)));
    expect([error.error_code, error.description]).toEqual([400, "Bad Request: message is too long"]);
    await bot.api.sendMessage(dm.id, "a".repeat(4096));
    await bot.api.sendMessage(dm.id, `<b>${"ệ".repeat(4096)}</b>`, { parse_mode: "HTML" });
    const empty = await apiError(bot.api.sendMessage(dm.id, "<b> </b>", { parse_mode: "HTML" }));
    expect(empty.description).toBe("Bad Request: message text is empty");
    expect(fake.sent(dm).map((m) => m.text?.length)).toEqual([4096, 4096]);
  });

  it("reports kicked, blocked and unknown chats the way Telegram does", async () => {
    const { fake, bot, lan, minh } = await setup();
    const group = fake.createGroup({ title: "Ban Tuyên giáo", members: [minh] });
    fake.kickBot(group);
    const kicked = await apiError(bot.api.sendMessage(group.id, "x"));
    expect([kicked.error_code, kicked.description]).toEqual([
      403,
      "Forbidden: bot was kicked from the group chat",
    ]);
    fake.blockBot(lan);
    const blocked = await apiError(bot.api.sendMessage(lan.id, "x"));
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");
    const unknown = await apiError(bot.api.sendMessage(minh.id, "x")); // Minh never started the bot
    expect([unknown.error_code, unknown.description]).toEqual([400, "Bad Request: chat not found"]);
  });

  it("injects hangs, resets, raw 5xx pages and API errors", async () => {
    const { fake, bot, dm } = await setup({}, 1);
    fake.failNext("sendMessage", { hang: true });
    await expect(bot.api.sendMessage(dm.id, "treo")).rejects.toBeInstanceOf(HttpError);
    fake.failNext("sendMessage", { reset: true, execute: true });
    await expect(bot.api.sendMessage(dm.id, "đã gửi nhưng mất trả lời")).rejects.toBeInstanceOf(HttpError);
    fake.failNext("sendMessage", { status: 502, body: "<html>502 Bad Gateway</html>" });
    await expect(bot.api.sendMessage(dm.id, "proxy")).rejects.toBeInstanceOf(HttpError);
    fake.failNext("sendMessage", { code: 500 }, { when: (p) => p.text === "lỗi" });
    await bot.api.sendMessage(dm.id, "không lỗi");
    const error = await apiError(bot.api.sendMessage(dm.id, "lỗi"));
    expect([error.error_code, error.description]).toEqual([500, "Internal Server Error"]);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["đã gửi nhưng mất trả lời", "không lỗi"]);
    expect(fake.pendingFailures()).toBe(0);
  });
});

describe("buttons and commands", () => {
  it("round-trips a callback query with answerCallbackQuery and an edit", async () => {
    const { fake, bot, lan, dm } = await setup();
    bot.command("docs", (ctx) =>
      ctx.reply("Chọn văn bản", { reply_markup: new InlineKeyboard().text("1470-CV/TU", "doc:1470") }),
    );
    bot.callbackQuery(/^doc:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Đã chọn ${ctx.match[1]}` });
      await ctx.editMessageText(`Văn bản ${ctx.match[1]}`);
    });
    await startPolling(bot);
    fake.userSends(dm, lan, "/docs");
    const [menu] = await fake.waitFor(() => fake.sent(dm).length === 1 && fake.sent(dm));
    if (!menu) throw new Error("no menu");
    const queryId = fake.pressButton(menu, lan, "doc:1470");
    const answer = await fake.waitFor(() => fake.callbackAnswer(queryId));
    expect(answer.text).toBe("Đã chọn 1470");
    await fake.waitFor(() => menu.edits === 1);
    expect(menu.text).toBe("Văn bản 1470");
    expect(menu.message.reply_markup).toBeUndefined(); // editMessageText without reply_markup drops it
    expect(() => fake.pressButton(menu, lan, "doc:1470")).toThrow(/no button/);
    const again = await apiError(bot.api.answerCallbackQuery(queryId));
    expect(again.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
    const tooLong = await apiError(
      bot.api.sendMessage(dm.id, "x", { reply_markup: new InlineKeyboard().text("x", "đ".repeat(33)) }),
    );
    expect(tooLong.description).toBe("Bad Request: BUTTON_DATA_INVALID"); // 33 characters, 66 bytes
  });

  it("stores commands per scope and language and validates them", async () => {
    const { fake, bot } = await setup();
    const vi = [
      { command: "task", description: "Tra cứu nhiệm vụ" },
      { command: "help", description: "Hướng dẫn" },
    ];
    await bot.api.setMyCommands(vi, { language_code: "vi" });
    await bot.api.setMyCommands([{ command: "task", description: "Look up a task" }], {
      language_code: "en",
      scope: { type: "all_group_chats" },
    });
    expect(fake.commands({ language_code: "vi" })).toEqual(vi);
    expect(await bot.api.getMyCommands({ language_code: "en", scope: { type: "all_group_chats" } })).toEqual([
      { command: "task", description: "Look up a task" },
    ]);
    expect(await bot.api.getMyCommands()).toEqual([]);
    const invalid: [string, string, string][] = [
      ["Task", "x", "BOT_COMMAND_INVALID"],
      ["a".repeat(33), "x", "command length must not exceed 32"],
      ["task", " ", "command description must be non-empty"],
      ["task", "d".repeat(257), "command description length must not exceed 256"],
    ];
    for (const [command, description, reason] of invalid) {
      const error = await apiError(bot.api.setMyCommands([{ command, description }]));
      expect(error.description).toBe(`Bad Request: ${reason}`);
    }
    await bot.api.deleteMyCommands({ language_code: "vi" });
    expect(fake.commands({ language_code: "vi" })).toEqual([]);
  });
});

describe("polls", () => {
  it("runs a quiz: votes, a changed and a retracted answer, closing after open_period", async () => {
    const clock = new ManualClock();
    const { fake, bot, lan, minh } = await setup({ clock });
    const answers: PollAnswer[] = [];
    const states: Poll[] = [];
    bot.on("poll_answer", (ctx) => {
      answers.push(ctx.pollAnswer);
    });
    bot.on("poll", (ctx) => {
      states.push(ctx.poll);
    });
    await startPolling(bot);
    const group = fake.createGroup({ title: "Lớp bồi dưỡng", members: [lan, minh] });
    const sent = await bot.api.sendPoll(
      group.id,
      "Cơ quan nào hướng dẫn báo chí?",
      [{ text: "Ban Tuyên giáo" }, { text: "Sở Tư pháp" }, { text: "UBND xã" }],
      {
        type: "quiz",
        is_anonymous: false,
        correct_option_ids: [0],
        explanation: "Nhiệm vụ 2, 1470-CV/TU",
        open_period: 30,
        allows_revoting: true,
      },
    );
    expect(sent.poll).toMatchObject({ correct_option_ids: [0], open_period: 30, is_closed: false });
    expect(sent.poll.close_date).toBe(clock.now() / 1000 + 30);

    expect(fake.vote(sent, lan, [1])).toEqual({ accepted: true });
    expect(fake.vote(sent, minh, [0])).toEqual({ accepted: true });
    expect(fake.vote(sent, lan, [0])).toEqual({ accepted: true });
    expect(fake.vote(sent, minh, [])).toEqual({ accepted: true });
    await fake.waitFor(() => answers.length === 4 && states.length === 4);
    expect(answers.map((a) => [a.user?.id, a.option_ids])).toEqual([
      [lan.id, [1]],
      [minh.id, [0]],
      [lan.id, [0]],
      [minh.id, []],
    ]);
    expect(states.at(-1)?.options.map((o) => o.voter_count)).toEqual([1, 0, 0]);
    expect(states.at(-1)?.total_voter_count).toBe(1);

    clock.advance(29_999);
    expect(fake.poll(sent).is_closed).toBe(false);
    clock.advance(1);
    await fake.waitFor(() => states.at(-1)?.is_closed);
    expect(fake.vote(sent, minh, [2])).toEqual({ accepted: false, reason: "poll_closed" });
  });

  it("refuses a changed quiz answer by default and validates sendPoll", async () => {
    const { fake, bot, lan } = await setup();
    const group = fake.createGroup({ title: "Lớp", members: [lan] });
    const quiz = await bot.api.sendPoll(
      group.id,
      "Câu 1?",
      ["A", "B"].map((text) => ({ text })),
      {
        type: "quiz",
        is_anonymous: false,
        correct_option_ids: [1],
      },
    );
    expect(fake.vote(quiz, lan, [0])).toEqual({ accepted: true });
    expect(fake.vote(quiz, lan, [1])).toEqual({ accepted: false, reason: "revote_not_allowed" });
    await bot.api.stopPoll(group.id, quiz.message_id);
    expect(fake.poll(quiz).is_closed).toBe(true);

    const options = ["A", "B"].map((text) => ({ text }));
    const invalid: [Parameters<typeof bot.api.sendPoll>, string][] = [
      [[group.id, "q".repeat(301), options], "poll question length must not exceed 300"],
      [
        [group.id, "q", Array.from({ length: 13 }, (_, i) => ({ text: `${i}` }))],
        "poll can't have more than 12 options",
      ],
      [
        [group.id, "q", [{ text: "x".repeat(101) }, { text: "B" }]],
        "poll options length must not exceed 100",
      ],
      [[group.id, "q", options, { type: "quiz" }], "quiz poll must have a correct option"],
      [
        [group.id, "q", options, { type: "quiz", correct_option_ids: [2] }],
        "wrong correct option ID specified",
      ],
      [[group.id, "q", options, { open_period: 4 }], "wrong open period specified"],
      [
        [group.id, "q", options, { type: "quiz", correct_option_ids: [0], explanation: "e".repeat(201) }],
        "poll explanation length must not exceed 200",
      ],
    ];
    for (const [args, reason] of invalid) {
      const error = await apiError(bot.api.sendPoll(...args));
      expect(error.description).toBe(`Bad Request: ${reason}`);
    }
  });
});

describe("webhook mode", () => {
  it("pushes updates with the secret header to grammY's webhookCallback; a wrong secret gets 401", async () => {
    const { fake, bot, lan, dm } = await setup();
    bot.on("message:text", (ctx) => ctx.reply(`Đã nhận: ${ctx.message.text}`));
    const { url } = await serve(webhookCallback(bot, "http", { secretToken: "s3cret_token" }));
    await bot.api.setWebhook(url, { secret_token: "s3cret_token" });
    const conflict = await apiError(bot.api.getUpdates());
    expect([conflict.error_code, conflict.description]).toEqual([
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ]);

    const asked = fake.userSends(dm, lan, "xin chào");
    await fake.waitFor(() => fake.webhookDeliveries().length === 1);
    expect(fake.sent(dm)[0]?.text).toBe("Đã nhận: xin chào");
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([200]);

    const forged = { update_id: 1, message: { ...asked, text: "giả mạo" } };
    expect((await fake.pushRaw(url, forged, "wrong")).status).toBe(401);
    expect((await fake.pushRaw(url, forged)).status).toBe(401);
    expect(fake.sent(dm)).toHaveLength(1);
  });

  it("retries a failed delivery and executes a webhook reply", async () => {
    const { fake, bot, lan, dm } = await setup({ webhookRetryMs: 50 });
    const replyBot = new Bot(fake.token, {
      botInfo: fake.bot,
      client: { apiRoot: fake.apiRoot, canUseWebhookReply: (method) => method === "sendMessage" },
    });
    replyBot.on("message:text", (ctx) => ctx.reply("trả lời trong webhook"));
    const handle = webhookCallback(replyBot, "http");
    let attempts = 0;
    const { url } = await serve((req, res) => {
      attempts++;
      if (attempts === 1) {
        res.writeHead(500).end();
        return;
      }
      void handle(req, res);
    });
    await bot.api.setWebhook(url);
    fake.userSends(dm, lan, "có ai không?");
    await fake.waitFor(() => fake.sent(dm).length === 1);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([500, 200]);
    expect(fake.calls("sendMessage").map((c) => c.via)).toEqual(["webhook-reply"]);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url, pending_update_count: 0 });
    expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");
  });
});

describe("protocol details", () => {
  it("answers 401 for a wrong token, 404 for an unknown method, and reads every body format", async () => {
    const { fake, dm } = await setup();
    const base = `${fake.apiRoot}/bot${fake.token}`;
    const wrong = await fetch(`${fake.apiRoot}/bot123456789:wrong/getMe`);
    expect([wrong.status, await wrong.json()]).toEqual([
      401,
      { ok: false, error_code: 401, description: "Unauthorized" },
    ]);
    const unknown = await fetch(`${base}/sendTelepathy`, { method: "POST" });
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { ok: false, error_code: 404, description: "Not Found" },
    ]);
    const me = await (await fetch(`${base}/getme`)).json();
    expect(me.result).toMatchObject({ id: 123456789, is_bot: true, username: "cadre_test_bot" });

    const form = new URLSearchParams({ chat_id: String(dm.id), text: "dạng form" });
    await fetch(`${base}/sendMessage`, { method: "POST", body: form });
    const multipart = new FormData();
    multipart.set("chat_id", String(dm.id));
    multipart.set("text", "dạng multipart");
    multipart.set(
      "reply_markup",
      JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }),
    );
    await fetch(`${base}/sendMessage`, { method: "POST", body: multipart });
    await fetch(`${base}/sendMessage?chat_id=${dm.id}&text=${encodeURIComponent("dạng query")}`);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["dạng form", "dạng multipart", "dạng query"]);
    expect(fake.sent(dm)[1]?.message.reply_markup?.inline_keyboard[0]?.[0]).toEqual({
      text: "OK",
      callback_data: "ok",
    });
  });

  it("honours getUpdates offset, limit and allowed_updates", async () => {
    const { fake, lan, dm } = await setup();
    const getUpdates = async (query: string) =>
      (await (await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?${query}`)).json()).result as {
        update_id: number;
      }[];
    for (const text of ["một", "hai", "ba"]) fake.userSends(dm, lan, text);
    const firstTwo = await getUpdates("limit=2");
    expect(firstTwo).toHaveLength(2);
    const rest = await getUpdates(`offset=${(firstTwo[1]?.update_id ?? 0) + 1}`);
    expect(rest.map((u) => u.update_id)).toEqual([(firstTwo[1]?.update_id ?? 0) + 1]);
    await getUpdates(
      `offset=${(rest[0]?.update_id ?? 0) + 1}&allowed_updates=${encodeURIComponent('["callback_query"]')}`,
    );
    fake.userSends(dm, lan, "không ai nhận");
    expect(fake.pendingUpdates()).toEqual([]);
  });

  it("edits keyboards, deletes messages, takes chat actions and records send times", async () => {
    const clock = new ManualClock();
    const { fake, bot, lan, dm } = await setup({ clock });
    const keyboard = new InlineKeyboard().text("👍", "fb:up").text("👎", "fb:down");
    const first = await bot.api.sendMessage(dm.id, "Trả lời 1", { reply_markup: keyboard });
    clock.advance(1000);
    const second = await bot.api.sendMessage(dm.id, "Trả lời 2");
    clock.advance(1500);
    await bot.api.sendChatAction(dm.id, "typing");
    await bot.api.editMessageReplyMarkup(dm.id, first.message_id);
    const same = await apiError(bot.api.editMessageText(dm.id, second.message_id, "Trả lời 2"));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    await bot.api.deleteMessage(dm.id, second.message_id);
    const gone = await apiError(bot.api.deleteMessage(dm.id, second.message_id));
    expect(gone.description).toBe("Bad Request: message to delete not found");
    const question = fake.userSends(dm, lan, "câu hỏi");
    await bot.api.sendMessage(dm.id, "Trả lời 3", { reply_parameters: { message_id: question.message_id } });
    expect(fake.sent(dm).map((m) => [m.text, m.message.reply_markup])).toEqual([
      ["Trả lời 1", undefined],
      ["Trả lời 3", undefined],
    ]);
    const start = clock.now() - 2500;
    expect(fake.sendTimes(dm)).toEqual([start, start + 1000, start + 2500]);
    expect(fake.calls("sendChatAction").map((c) => c.ok)).toEqual([true]);
  });

  it("answers getChat, getChatMember and getChatAdministrators from the scenario", async () => {
    const { fake, bot, lan, minh } = await setup();
    const group = fake.createGroup({ title: "Đảng ủy", members: [lan, minh], type: "supergroup" });
    fake.makeAdmin(group, minh);
    expect(await bot.api.getChat(group.id)).toMatchObject({
      id: group.id,
      type: "supergroup",
      title: "Đảng ủy",
    });
    expect((await bot.api.getChatMember(group.id, lan.id)).status).toBe("creator");
    const admins = await bot.api.getChatAdministrators(group.id);
    expect(admins.map((a) => [a.user.id, a.status])).toEqual([
      [lan.id, "creator"],
      [minh.id, "administrator"],
    ]);
  });
});

describe("parseHtml", () => {
  it("follows tdlib for pre/code languages, blockquotes, spoilers and UTF-16 offsets", () => {
    expect(parseHtml('<pre><code class="language-ts">let x</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 5, language: "ts" },
    ]);
    expect(parseHtml('<code class="language-ts">x</code>').entities).toEqual([
      { type: "code", offset: 0, length: 1 },
    ]);
    expect(parseHtml("<blockquote expandable>a</blockquote><tg-spoiler>b</tg-spoiler>").entities).toEqual([
      { type: "expandable_blockquote", offset: 0, length: 1 },
      { type: "spoiler", offset: 1, length: 1 },
    ]);
    // an emoji is two UTF-16 code units; a bare "&" and unknown named entities stay literal
    expect(parseHtml("&#x1F600;<i>&amp; &nbsp;</i>")).toEqual({
      text: "😀& &nbsp;",
      entities: [{ type: "italic", offset: 2, length: 8 }],
    });
  });
});
