import { describe, expect, it } from "vitest";
import { MENU_COMMANDS } from "../../src/messengers/telegram/index.js";
import { MAX_MESSAGE_LENGTH, parseHtml } from "../support/fake-telegram/index.js";
import { polling, recorder, settled, tinyChat, WAIT } from "./telegram-setup.js";

// How the adapter sends: splitting, escaping, buttons, 429s, the command menu, topics, shutdown.

/** Three paragraphs of 1,900 characters full of markup-like text: 5,700+ characters, more escaped. */
function longAnswer(): string {
  const paragraph = (n: number) =>
    `Đoạn ${n}: ${"Báo cáo <quý> & kết quả > dự kiến; ".repeat(54)}`.slice(0, 1900).trim();
  return [paragraph(1), paragraph(2), paragraph(3)].join("\n\n");
}

describe("sending replies", () => {
  it("splits a 4096+ answer at paragraphs into valid HTML parts, buttons on the last one", async () => {
    const text = longAnswer();
    const { feature } = recorder(() => [{ text, buttons: [{ label: "👍", action: "fb:up" }] }]);
    const { fake, lan, dm } = await polling(tinyChat(feature));
    fake.userSends(dm, lan, "báo cáo quý?");
    await settled(fake);
    const parts = fake.sent(dm);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(part.rawText?.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(part.parseMode).toBe("HTML");
      // the fake parses HTML like Telegram and would have refused a broken part with a 400
      expect(parseHtml(part.rawText ?? "").text.trim()).toBe(part.text);
      expect(part.rawText).not.toMatch(/<(?!\/?i>)/); // no tag but the citations' italics
    }
    expect(parts.map((p) => p.text).join("\n\n")).toBe(text);
    expect(parts.map((p) => p.text?.startsWith("Đoạn"))).toEqual(parts.map(() => true));
    expect(parts.map((p) => p.message.reply_markup?.inline_keyboard)).toEqual([
      ...parts.slice(1).map(() => undefined),
      [[{ text: "👍", callback_data: "fb:up" }]],
    ]);
    expect(fake.calls("sendMessage").every((c) => c.ok)).toBe(true);
  });

  it("retries a 429 as retry_after asks and delivers exactly once", async () => {
    const { feature } = recorder(() => [{ text: "Hạn báo cáo: 20/3" }]);
    const { fake, lan, dm } = await polling(tinyChat(feature));
    fake.failNext("sendMessage", { code: 429, retryAfter: 1 });
    fake.userSends(dm, lan, "hạn nộp?");
    await settled(fake);
    expect(fake.calls("sendMessage").map((c) => c.errorCode ?? 200)).toEqual([429, 200]);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["Hạn báo cáo: 20/3"]);
  });

  it("registers the command menu in Vietnamese (default) and English", async () => {
    const { fake } = await polling(tinyChat());
    const vi = fake.commands();
    const en = fake.commands({ language_code: "en" });
    expect(vi.map((c) => c.command)).toEqual([...MENU_COMMANDS]);
    expect(en.map((c) => c.command)).toEqual([...MENU_COMMANDS]);
    expect(vi.find((c) => c.command === "task")?.description).toContain("nhiệm vụ");
    expect(en.find((c) => c.command === "task")?.description).toContain("task");
  });

  it("answers in the forum topic the question came from", async () => {
    const { feature } = recorder(() => [{ text: "Trả lời trong chủ đề" }]);
    const { fake, lan } = await polling(tinyChat(feature));
    const forum = fake.createGroup({ title: "Diễn đàn", members: [lan], type: "supergroup" });
    fake.pushUpdate({
      message: {
        message_id: 40,
        message_thread_id: 7,
        is_topic_message: true,
        date: Math.floor(Date.now() / 1000),
        chat: { id: forum.id, type: "supergroup", title: "Diễn đàn", is_forum: true },
        from: lan,
        text: "/help",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    });
    await settled(fake);
    const [call] = fake.calls("sendMessage");
    expect(call?.params.message_thread_id).toBe(7);
    expect(call?.params.reply_parameters).toEqual({ message_id: 40, allow_sending_without_reply: true });
  });
});

describe("what the adapter tells the core", () => {
  it("maps mentions, replies, language and admin status, caching getChatMember", async () => {
    let now = 1_000_000;
    const { seen, feature } = recorder(() => []);
    const { fake, lan, minh } = await polling(tinyChat(feature), { now: () => now });
    const group = fake.createGroup({ title: "Chi bộ 5", members: [lan, minh] });
    fake.userSends(group, lan, "/whoami");
    fake.userSends(group, minh, "/whoami@cadre_test_bot");
    fake.userSends(group, minh, "/whoami");
    fake.userSends(group, minh, "@cadre_test_bot, nhiệm vụ 4?");
    await settled(fake);
    expect(seen.map((m) => [m.userName, m.text, m.isChatAdmin, m.mentioned, m.langHint])).toEqual([
      ["lan_nguyen", "/whoami", true, undefined, "vi"],
      ["Minh Trần", "/whoami@cadre_test_bot", false, undefined, undefined],
      ["Minh Trần", "/whoami", false, undefined, undefined],
      ["Minh Trần", "nhiệm vụ 4?", undefined, true, undefined],
    ]);
    expect(
      seen.every((m) => m.messenger === "telegram" && !m.isPrivate && m.chatId === String(group.id)),
    ).toBe(true);
    expect(fake.calls("getChatMember")).toHaveLength(2); // Minh's second command came from the cache
    now += 5 * 60_000;
    fake.userSends(group, minh, "/whoami");
    await settled(fake);
    expect(fake.calls("getChatMember")).toHaveLength(3);
  });
});

describe("stopping", () => {
  it("stops intake and waits for the reply in flight", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = false;
    const { feature, seen } = recorder(async () => {
      entered = true;
      await gate;
      return [{ text: "Trả lời muộn" }];
    });
    const { fake, tg, lan, dm } = await polling(tinyChat(feature));
    fake.userSends(dm, lan, "câu hỏi chậm");
    await fake.waitFor(() => entered, WAIT);
    const stopping = tg.stop();
    release();
    await stopping;
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["Trả lời muộn"]);
    expect(fake.pendingUpdates()).toEqual([]);
    fake.userSends(dm, lan, "sau khi dừng");
    expect(fake.pendingUpdates()).toHaveLength(1); // nobody takes it any more
    expect(seen.map((m) => m.text)).toEqual(["câu hỏi chậm"]);
  });
});
