import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { polling, realChat, settled, WAIT } from "./telegram-setup.js";

// The real chat core over the seed corpus, reached through the real grammY Bot and the fake Bot API.

describe("Telegram answers with the real engine", () => {
  it("answers a private question with task 4's text and its citation", async () => {
    const { fake, lan, dm } = await polling(await realChat());
    const asked = fake.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    const [answer] = await fake.waitFor(() => fake.sent(dm).length > 0 && fake.sent(dm), WAIT);
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(answer?.text).toContain("Veiller à la mise en œuvre effective et généralisée");
    // the compact citation line, in italics, after the text the core wrote
    expect(answer?.text).toMatch(/1470-CV\/TU · nhiệm vụ 4 · 22\/02\/2024$/);
    const citation = answer?.entities.find((e) => e.type === "italic");
    expect(answer?.text?.slice(citation?.offset, (citation?.offset ?? 0) + (citation?.length ?? 0))).toBe(
      "1470-CV/TU · nhiệm vụ 4 · 22/02/2024",
    );
    expect(answer?.parseMode).toBe("HTML");
    // private chats get a plain answer, not a reply
    expect(answer?.replyToMessageId).toBeUndefined();
    expect(asked.message_id).toBeGreaterThan(0);
  });

  it("answers /task 4 1470-CV/TU in a group as a reply to the asking message", async () => {
    const { fake, lan, minh } = await polling(await realChat());
    const group = fake.createGroup({ title: "Chi bộ 3", members: [lan, minh] });
    const asked = fake.userSends(group, minh, "/task 4 1470-CV/TU");
    const [answer] = await fake.waitFor(() => fake.sent(group).length > 0 && fake.sent(group), WAIT);
    expect(answer?.replyToMessageId).toBe(asked.message_id);
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(answer?.text).toContain("1470-CV/TU · nhiệm vụ 4");
  });

  it("answers /task@bot and ignores /task@other_bot", async () => {
    const { fake, lan } = await polling(await realChat());
    const group = fake.createGroup({ title: "Tổ 2", members: [lan] });
    fake.userSends(group, lan, "/task@other_bot 4 1470-CV/TU");
    const mine = fake.userSends(group, lan, "/task@cadre_test_bot 4 1470-CV/TU");
    await settled(fake);
    const sent = fake.sent(group);
    expect(sent.map((m) => m.replyToMessageId)).toEqual([mine.message_id]);
    expect(sent[0]?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
  });

  it("stays silent on an unaddressed group message and answers when mentioned", async () => {
    const { fake, lan, minh } = await polling(await realChat());
    const group = fake.createGroup({ title: "Đảng ủy phường", members: [lan, minh] });
    fake.userSends(group, lan, "nhiệm vụ 4 yêu cầu gì?");
    await settled(fake);
    expect(fake.calls("sendMessage")).toEqual([]);

    const asked = fake.userSends(group, minh, "@cadre_test_bot nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?");
    const [answer] = await fake.waitFor(() => fake.sent(group).length > 0 && fake.sent(group), WAIT);
    expect(answer?.replyToMessageId).toBe(asked.message_id);
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(fake.sent(group)).toHaveLength(1);
  });

  it("answers a reply to one of its own messages in a group", async () => {
    const { fake, lan } = await polling(await realChat());
    const group = fake.createGroup({ title: "Ban Dân vận", members: [lan] });
    fake.userSends(group, lan, "/task 4 1470-CV/TU");
    const [first] = await fake.waitFor(() => fake.sent(group).length === 1 && fake.sent(group), WAIT);
    if (!first) throw new Error("no first answer");
    const followUp = fake.userSends(group, lan, "còn nhiệm vụ 5?", { replyTo: first });
    const [, second] = await fake.waitFor(() => fake.sent(group).length === 2 && fake.sent(group), WAIT);
    expect(second?.replyToMessageId).toBe(followUp.message_id);
    expect(second?.text).toContain("1470-CV/TU");
    expect(second?.text).toContain("5");
  });

  it("shows the full passage from the answer's button and thanks for 👍 with a toast", async () => {
    const { fake, lan, minh } = await polling(await realChat());
    const group = fake.createGroup({ title: "Chi bộ 7", members: [lan, minh] });
    fake.userSends(group, lan, "/task 4 1470-CV/TU");
    const [answer] = await fake.waitFor(() => fake.sent(group).length === 1 && fake.sent(group), WAIT);
    if (!answer) throw new Error("no answer");
    const row = answer.message.reply_markup?.inline_keyboard[0] ?? [];
    expect(row.map((b) => b.text)).toEqual([t("vi", "chat.passageButton"), "👍", "👎"]);
    const data = row.map((b) => ("callback_data" in b ? b.callback_data : ""));

    const full = fake.pressButton(answer, minh, data[0] ?? "");
    const [, passage] = await fake.waitFor(() => fake.sent(group).length === 2 && fake.sent(group), WAIT);
    expect(passage?.replyToMessageId).toBe(answer.messageId);
    expect(passage?.text).toContain("Veiller à la mise en œuvre effective");
    expect(fake.callbackAnswer(full)).toBeDefined();

    const up = fake.pressButton(answer, minh, data[1] ?? "");
    expect((await fake.waitFor(() => fake.callbackAnswer(up), WAIT)).text).toBe(
      t("vi", "chat.feedbackThanks"),
    );
    await settled(fake);
    expect(fake.sent(group)).toHaveLength(2);
  });
});
