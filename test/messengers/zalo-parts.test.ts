import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/chat/index.js";
import { ChoiceMenus, choiceNumber, menuLine } from "../../src/messengers/menu.js";
import {
  isAnswerToken,
  offersLetters,
  parsePush,
  redact,
  renderReply,
  sameSecret,
  stripMention,
  toDeliveryError,
  ZaloApiError,
  ZaloNetworkError,
} from "../../src/messengers/zalo/index.js";
import { typedOption } from "../../src/quiz/runner-replies.js";

// The adapter's pure parts: numbered menus, mentions, pushed bodies, typed answers, error mapping.

const BUTTONS = [
  { label: "📄 Toàn văn", action: "p:abc" },
  { label: "👍", action: "fb:+:abc" },
  { label: "👎", action: "fb:-:abc" },
];

describe("numbered menus for platforms without buttons", () => {
  it("lists buttons by number in the asker's language", () => {
    expect(menuLine(BUTTONS, "vi")).toBe("👉 Gõ số để chọn: 1: 📄 Toàn văn · 2: 👍 · 3: 👎");
    expect(menuLine(BUTTONS.slice(1), "en")).toBe("👉 Type a number to choose: 1: 👍 · 2: 👎");
  });

  it("maps a bare number to the chat's latest menu, until it expires", () => {
    let now = 0;
    const menus = new ChoiceMenus({ ttlMs: 1000, now: () => now });
    menus.remember("c1", BUTTONS);
    expect(menus.pick("c1", "1")?.action).toBe("p:abc");
    expect(menus.pick("c1", " 3. ")?.action).toBe("fb:-:abc");
    expect(menus.pick("c1", "4")).toBeUndefined();
    expect(menus.pick("c1", "1 người nữa")).toBeUndefined();
    expect(menus.pick("c2", "1")).toBeUndefined();
    menus.remember("c1", BUTTONS.slice(1));
    expect(menus.pick("c1", "1")?.action).toBe("fb:+:abc"); // replaced by the newer menu
    now = 1001;
    expect(menus.pick("c1", "1")).toBeUndefined();
  });

  it("keeps only the most recently used chats", () => {
    const menus = new ChoiceMenus({ maxChats: 2 });
    for (const chat of ["a", "b", "c"]) menus.remember(chat, BUTTONS);
    expect(menus.pick("a", "1")).toBeUndefined();
    expect(menus.pick("b", "1")?.action).toBe("p:abc");
    expect(menus.pick("c", "1")?.action).toBe("p:abc");
    expect(choiceNumber("12")).toBe(12);
    expect(choiceNumber("1a")).toBeNull();
  });
});

describe("Zalo text", () => {
  it("finds the bot by @name or its bare account name, any case, and strips it", () => {
    const names = ["bot.CadreTest", "Trợ lý Cadre"];
    expect(stripMention("@bot.CadreTest nhiệm vụ 4?", names)).toEqual({
      text: "nhiệm vụ 4?",
      mentioned: true,
    });
    expect(stripMention("BOT.cadretest, nhiệm vụ 4?", names)).toEqual({
      text: "nhiệm vụ 4?",
      mentioned: true,
    });
    expect(stripMention("@Trợ lý Cadre ơi giúp với", names)).toEqual({
      text: "ơi giúp với",
      mentioned: true,
    });
    expect(stripMention("xem robot.CadreTester", names)).toEqual({
      text: "xem robot.CadreTester",
      mentioned: false,
    });
  });

  it("renders plain text with the source line and the menu, every part within 2000", () => {
    const parts = renderReply({ text: `${"Đoạn dài. ".repeat(195)}\n\nKết.`, buttons: BUTTONS, lang: "vi" });
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts[0]).toMatch(/^Đoạn dài\..*\n\nKết\.$/s); // cut at the paragraph boundary
    expect(parts[1]).toBe("👉 Gõ số để chọn: 1: 📄 Toàn văn · 2: 👍 · 3: 👎");
    expect(renderReply({ text: " " })).toEqual([]);
  });

  it("reads a lettered question and typed answers", () => {
    expect(offersLetters("Câu 1/3: …\n\nA. Đúng\nB. Sai\n\n⏱")).toBe(true);
    expect(offersLetters("1. Đúng\n2. Sai")).toBe(false);
    for (const t of ["A", "b", " C. ", "d)", "2"]) expect(isAnswerToken(t)).toBe(true);
    for (const t of ["Anh", "K", "ok", "123"]) expect(isAnswerToken(t)).toBe(false);
    expect(typedOption("b", "letters")).toBe(1);
    expect(typedOption("D.", "letters")).toBe(3);
    expect(typedOption("3", "letters")).toBe(2);
    expect(typedOption("b", "typed")).toBeNull(); // the console keeps numbers only
    expect(typedOption("2", "typed")).toBe(1);
  });

  it("accepts a push as the {ok, result} envelope or the bare update", () => {
    const update = {
      event_name: "message.text.received",
      message: { message_id: "m", text: "hi", from: { id: "u" }, chat: { id: "c", chat_type: "GROUP" } },
    };
    expect(parsePush(JSON.stringify({ ok: true, result: update }))?.message?.chat.id).toBe("c");
    expect(parsePush(JSON.stringify(update))?.message?.text).toBe("hi");
    expect(parsePush("{")).toBeNull();
    expect(parsePush(JSON.stringify({ message: { text: 1 } }))).toBeNull();
  });
});

describe("Zalo errors", () => {
  it("maps send failures to retry / uncertain / permanent", () => {
    const api = (code: number) => new ZaloApiError("sendMessage", code, "x");
    expect(toDeliveryError(api(429)).failure).toBe("retry");
    expect(toDeliveryError(api(502)).failure).toBe("retry");
    expect(toDeliveryError(api(502), 1).failure).toBe("uncertain"); // part of the reply is in the chat
    expect(toDeliveryError(api(400)).failure).toBe("permanent");
    expect(toDeliveryError(api(401)).failure).toBe("permanent");
    expect(toDeliveryError(new ZaloNetworkError("sendMessage", "ECONNREFUSED", "")).failure).toBe("retry");
    expect(toDeliveryError(new ZaloNetworkError("sendMessage", "ECONNRESET", "")).failure).toBe("uncertain");
    expect(toDeliveryError(new ZaloNetworkError("sendMessage", "TimeoutError", "")).failure).toBe(
      "uncertain",
    );
    expect(toDeliveryError(new DeliveryError("permanent", "x")).failure).toBe("permanent");
  });

  it("blanks tokens and compares secrets whatever their length", () => {
    const token = "1459232241454765289:AbCdEfGhIjKlMnOp";
    expect(redact(`fetch http://h/bot${token}/getMe failed`, token)).toBe(
      "fetch http://h/bot<ZALO_BOT_TOKEN>/getMe failed",
    );
    expect(redact("bot999:Secret_Secret-1 x")).toBe("bot<ZALO_BOT_TOKEN> x");
    expect(sameSecret("abcdefgh", "abcdefgh")).toBe(true);
    expect(sameSecret("abcdefg", "abcdefgh")).toBe(false);
    expect(sameSecret(undefined, "abcdefgh")).toBe(false);
  });
});
