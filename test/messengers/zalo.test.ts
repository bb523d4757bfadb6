import { describe, expect, it } from "vitest";
import { createChat, MemoryAnswerLog } from "../../src/chat/index.js";
import { t } from "../../src/i18n/index.js";
import { MESSAGE_LIMIT } from "../../src/messengers/zalo/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { answering, polling, sentAtLeast, settled, tinyChat, WAIT } from "./zalo-setup.js";

// The real chat core over the seed corpus, reached through the Zalo adapter and the fake Zalo Bot API.

async function realChat() {
  const engine = await engineFor(SEED_CORPUS);
  return createChat({ index: engine.index, answerer: engine.answerer, answers: new MemoryAnswerLog() });
}

const SOURCE = "Nguồn: 1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024";

describe("Zalo answers with the real engine", () => {
  it("answers a private question with task 4's text, its source line and a numbered follow-up, typing first", async () => {
    const { fake, zalo, lan, dm } = await polling(await realChat());
    fake.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    const [answer] = await sentAtLeast(fake, dm, 1);
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(answer?.text).toContain("Veiller à la mise en œuvre effective et généralisée");
    expect(answer?.text).toContain(SOURCE);
    expect(answer?.text).toMatch(/👉 Gõ số để chọn: 1: 📄 Toàn văn · 2: 👍 · 3: 👎$/);
    expect(answer?.text).not.toMatch(/<\/?[bi]>|&lt;|\*\*/); // plain text: no markup Zalo would show raw
    await settled(fake, zalo);
    for (const m of fake.sent(dm)) expect(m.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const calls = fake.callsOf().map((c) => c.method);
    expect(calls.indexOf("sendChatAction")).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf("sendChatAction")).toBeLessThan(calls.indexOf("sendMessage"));
    expect(fake.callsOf("sendChatAction")[0]?.params).toEqual({ chat_id: dm.id, action: "typing" });
  });

  it("turns a typed 1 into the full passage and 2 into thanks for 👍; a number with no menu is a question", async () => {
    const { fake, lan, minh, dm } = await polling(await realChat());
    fake.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    await sentAtLeast(fake, dm, 1);
    fake.userSends(dm, lan, "1");
    const [, passage] = await sentAtLeast(fake, dm, 2);
    expect(passage?.text).toMatch(/^Toàn văn đoạn trích \(1470-CV\/TU · 4 · 22\/02\/2024/);
    expect(passage?.text).toContain("Veiller à la mise en œuvre effective");
    fake.userSends(dm, lan, " 2 ");
    const [, , thanks] = await sentAtLeast(fake, dm, 3);
    expect(thanks?.text).toBe(t("vi", "chat.feedbackThanks"));

    // Minh never got a menu: his "1" is not a button press (the core answers it as a question).
    const other = fake.privateChat(minh);
    fake.userSends(other, minh, "1");
    const [reply] = await sentAtLeast(fake, other, 1);
    expect(reply?.text).not.toBe(t("vi", "chat.feedbackThanks"));
    expect(reply?.text).not.toMatch(/^Toàn văn/);
  });

  it("stays silent on plain group chat and answers a command, an @mention and its account name", async () => {
    const { fake, zalo, lan, minh } = await polling(await realChat());
    const group = fake.createGroup("Chi bộ 3");
    fake.userSends(group, lan, "nhiệm vụ 4 yêu cầu gì?");
    fake.userSends(group, minh, "1");
    await settled(fake, zalo);
    expect(fake.sent(group)).toEqual([]);
    expect(fake.callsOf("sendChatAction")).toEqual([]);

    fake.userSends(group, minh, "/task 4 1470-CV/TU");
    fake.userSends(group, lan, "@bot.CadreTest nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?");
    fake.userSends(group, lan, "bot.cadretest ơi, nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?");
    const answers = await sentAtLeast(fake, group, 3);
    for (const a of answers) {
      expect(a.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
      expect(a.text).toContain(SOURCE);
    }
    // a number after the bot's answer picks from its menu; the passage is named for the asker
    fake.userSends(group, minh, "1");
    const [, , , passage] = await sentAtLeast(fake, group, 4);
    expect(passage?.text).toMatch(/^Trần Minh: Toàn văn đoạn trích \(1470-CV\/TU/);
    await settled(fake, zalo);
    expect(fake.sent(group)).toHaveLength(4);
  });
});

describe("Zalo message limits", () => {
  it("splits a long answer at paragraph boundaries into messages of at most 2000 characters", async () => {
    const paragraphs = Array.from(
      { length: 25 },
      (_, i) => `Đoạn ${i + 1}. ${"Tăng cường công tác dân vận trong cơ quan nhà nước. ".repeat(6).trim()}`,
    );
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(3 * MESSAGE_LIMIT);
    const { fake, zalo, lan, dm } = await polling(tinyChat(answering(() => [{ text }])));
    fake.userSends(dm, lan, "dài");
    await settled(fake, zalo);
    const parts = fake.sent(dm).map((m) => m.text);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(part).toMatch(/^Đoạn \d+\./); // each part starts at a paragraph
      expect(part).toMatch(/nhà nước\.$/); // and ends with one
    }
    expect(parts.join("\n\n")).toBe(text);
  });

  it("sends nothing for an empty reply instead of a text Zalo would refuse", async () => {
    const { fake, lan, dm, logs } = await polling(
      tinyChat(answering((q) => (q === "trống" ? [{ text: "  " }] : [{ text: "ok" }]))),
    );
    fake.userSends(dm, lan, "trống");
    fake.userSends(dm, lan, "còn gì?");
    await fake.waitFor(() => fake.sent(dm).length === 1, WAIT);
    expect(fake.sent(dm).map((m) => m.text)).toEqual(["ok"]);
    expect(fake.callsOf("sendMessage").every((c) => c.errorCode === 0)).toBe(true);
    expect(logs).toEqual([expect.stringContaining("is polling")]);
  });
});
