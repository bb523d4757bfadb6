import { describe, expect, it } from "vitest";
import type { Inbound, Reply } from "../../src/chat/index.js";
import { polling, recorder, settled, tinyChat, WAIT } from "./telegram-setup.js";

// Inline buttons: a press reaches the core as Inbound.action and is always answered.

const PASSAGE = `«${"Tăng cường công tác dân vận trong cơ quan nhà nước. ".repeat(8).trim()}»`;

/** A test feature: a question gets buttons; each button gets a different kind of answer. */
function buttonsFeature(msg: Inbound): Reply[] | null {
  switch (msg.action) {
    case undefined:
      return [
        {
          text: "Nhiệm vụ 4 của 1470-CV/TU",
          buttons: [
            { label: "👍", action: "fb:up" },
            { label: "Toàn văn", action: "full:1470-CV/TU:4" },
            { label: "Lỗi", action: "boom" },
          ],
        },
      ];
    case "fb:up":
      return [{ text: "Cảm ơn góp ý của bạn!", private: true }];
    case "full:1470-CV/TU:4":
      return [{ text: PASSAGE, private: true }];
    default:
      throw new Error("feature failed on purpose");
  }
}

describe("button presses", () => {
  it("turns a press into Inbound.action and answers the callback with a short private reply", async () => {
    const { seen, feature } = recorder(buttonsFeature);
    const { fake, lan, dm } = await polling(tinyChat(feature));
    fake.userSends(dm, lan, "nhiệm vụ 4?");
    const [menu] = await fake.waitFor(() => fake.sent(dm).length === 1 && fake.sent(dm), WAIT);
    if (!menu) throw new Error("no answer with buttons");
    expect(menu.message.reply_markup?.inline_keyboard).toEqual([
      [
        { text: "👍", callback_data: "fb:up" },
        { text: "Toàn văn", callback_data: "full:1470-CV/TU:4" },
        { text: "Lỗi", callback_data: "boom" },
      ],
    ]);
    const query = fake.pressButton(menu, lan, "fb:up");
    const answer = await fake.waitFor(() => fake.callbackAnswer(query), WAIT);
    expect(answer.text).toBe("Cảm ơn góp ý của bạn!");
    await settled(fake);
    expect(seen.at(-1)).toMatchObject({
      action: "fb:up",
      text: "",
      isPrivate: true,
      userId: String(lan.id),
      messageId: String(menu.messageId),
    });
    expect(fake.sent(dm)).toHaveLength(1); // the toast was the whole answer
  });

  it("sends a long private reply as a message replying to the button's message", async () => {
    const { feature } = recorder(buttonsFeature);
    const { fake, lan, dm } = await polling(tinyChat(feature));
    fake.userSends(dm, lan, "nhiệm vụ 4?");
    const [menu] = await fake.waitFor(() => fake.sent(dm).length === 1 && fake.sent(dm), WAIT);
    if (!menu) throw new Error("no answer with buttons");
    const query = fake.pressButton(menu, lan, "full:1470-CV/TU:4");
    const [, passage] = await fake.waitFor(() => fake.sent(dm).length === 2 && fake.sent(dm), WAIT);
    expect(passage?.text).toBe(PASSAGE);
    expect(passage?.replyToMessageId).toBe(menu.messageId);
    expect(fake.callbackAnswer(query)?.text).toBeUndefined();
  });

  it("answers a press in a group, and answers the callback even when the feature fails", async () => {
    const { seen, feature } = recorder(buttonsFeature);
    const { fake, lan, minh } = await polling(tinyChat(feature));
    const group = fake.createGroup({ title: "Lớp bồi dưỡng", members: [lan, minh] });
    fake.userSends(group, lan, "/task 4");
    const [menu] = await fake.waitFor(() => fake.sent(group).length === 1 && fake.sent(group), WAIT);
    if (!menu) throw new Error("no answer with buttons");
    const thanks = fake.pressButton(menu, minh, "fb:up");
    expect((await fake.waitFor(() => fake.callbackAnswer(thanks), WAIT)).text).toBe("Cảm ơn góp ý của bạn!");
    expect(seen.at(-1)).toMatchObject({ action: "fb:up", isPrivate: false, userId: String(minh.id) });

    // the core turns the feature's error into a polite public reply; the spinner still stops
    const failing = fake.pressButton(menu, minh, "boom");
    const answer = await fake.waitFor(() => fake.callbackAnswer(failing), WAIT);
    expect(answer.text).toBeUndefined();
    await settled(fake);
    const [, apology] = fake.sent(group);
    expect(apology?.text).toMatch(/^Xin lỗi/);
    expect(apology?.replyToMessageId).toBe(menu.messageId);
  });
});
