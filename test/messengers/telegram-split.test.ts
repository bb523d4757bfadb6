import { describe, expect, it } from "vitest";
import type { Citation } from "../../src/answer/index.js";
import { splitMessage } from "../../src/messengers/split.js";
import {
  citationLine,
  escapedLength,
  escapeHtml,
  MESSAGE_LIMIT,
  messageInbound,
  renderReply,
} from "../../src/messengers/telegram/index.js";
import { parseHtml } from "../support/fake-telegram/index.js";

// Pure parts of the Telegram adapter: the splitter (shared with Slack and Zalo), HTML rendering and
// the update → Inbound mapping.

describe("splitMessage", () => {
  it("keeps a text that fits in one part, trimmed", () => {
    expect(splitMessage("  Nhiệm vụ 4.  ", 20)).toEqual(["Nhiệm vụ 4."]);
    expect(splitMessage(" \n ", 20)).toEqual([]);
  });

  it("splits at paragraph boundaries before anything else", () => {
    const paragraphs = ["Một. Hai ba.", "Bốn năm sáu bảy.", "Tám."];
    expect(splitMessage(paragraphs.join("\n\n"), 24)).toEqual(["Một. Hai ba.", "Bốn năm sáu bảy.\n\nTám."]);
  });

  it("falls back to lines, then sentences, then words, then a hard cut", () => {
    expect(splitMessage("dòng một\ndòng hai\ndòng ba", 18)).toEqual(["dòng một\ndòng hai", "dòng ba"]);
    expect(splitMessage("Câu một. Câu hai! Câu ba?", 10)).toEqual(["Câu một.", "Câu hai!", "Câu ba?"]);
    expect(splitMessage("日本語の文。次の文。", 7)).toEqual(["日本語の文。", "次の文。"]);
    expect(splitMessage("một hai ba bốn", 8)).toEqual(["một hai", "ba bốn"]);
    expect(splitMessage("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("measures with the given function and never cuts a surrogate pair", () => {
    const escaped = (s: string) => escapeHtml(s).length;
    const parts = splitMessage("a<b a<b a<b a<b", 9, escaped);
    expect(parts.every((p) => escaped(p) <= 9)).toBe(true);
    expect(parts.join(" ")).toBe("a<b a<b a<b a<b");
    expect(splitMessage("😀😀😀", 3)).toEqual(["😀", "😀", "😀"]);
    // a sentence end right before an emoji (an empty match next to a surrogate pair) once looped forever
    expect(splitMessage("日本。😀次。😀", 4)).toEqual(["日本。", "😀次。", "😀"]);
  });

  it("keeps every part within the limit and loses no text, whatever the input", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ["Nhiệm vụ", " ", "\n", "\n\n", ". ", "&<>", "😀", "phường", "。", "x".repeat(30)];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 80 }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const limit = 5 + Math.floor(random() * 60);
      const parts = splitMessage(text, limit);
      expect(parts.every((p) => p.length > 0 && p.length <= limit)).toBe(true);
      expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  it("refuses a limit below one", () => {
    expect(() => splitMessage("x", 0)).toThrow(/limit/);
  });
});

const CITATION: Citation = {
  docId: "1470-cv-tu",
  docNumber: "1470-CV/TU",
  title: "Năm dân vận",
  date: "2024-02-22",
  task: 4,
  section: "4",
  lang: "fr",
  file: "000.txt",
  quote: "4. Veiller à la mise en œuvre…",
};

describe("renderReply", () => {
  it("escapes every piece of text and adds one italic line per citation", () => {
    const [html, ...rest] = renderReply({
      text: "So sánh: a < b && c > d; <b>không in đậm</b>",
      citations: [CITATION, { ...CITATION, task: null, section: "Điều 5", date: null, docNumber: null }],
    });
    expect(rest).toEqual([]);
    expect(html).toBe(
      "So sánh: a &lt; b &amp;&amp; c &gt; d; &lt;b&gt;không in đậm&lt;/b&gt;\n\n" +
        "<i>1470-CV/TU · nhiệm vụ 4 · 22/02/2024</i>\n<i>Năm dân vận · Điều 5</i>",
    );
    expect(parseHtml(html ?? "").text).toBe(
      "So sánh: a < b && c > d; <b>không in đậm</b>\n\n1470-CV/TU · nhiệm vụ 4 · 22/02/2024\nNăm dân vận · Điều 5",
    );
  });

  it("measures the escaped length without escaping", () => {
    for (const text of ["", "a < b & c > d", "&amp;", "<<>>&&", "Nhiệm vụ 😀 <4>"]) {
      expect(escapedLength(text)).toBe(escapeHtml(text).length);
    }
  });

  it("writes citation lines in the reply's language", () => {
    expect(citationLine(CITATION, "en")).toBe("1470-CV/TU · task 4 · 22 February 2024");
    expect(citationLine(CITATION, "ja")).toBe("1470-CV/TU · タスク 4 · 2024年2月22日");
  });

  it("keeps each part within 4096 characters as sent, even when escaping makes the text longer", () => {
    const text = `${"<&>".repeat(1300)}\n\n${"Điều 1. ".repeat(600)}`;
    const parts = renderReply({ text, citations: [CITATION] });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.length <= MESSAGE_LIMIT)).toBe(true);
    expect(parts.at(-1)).toContain("<i>1470-CV/TU · nhiệm vụ 4 · 22/02/2024</i>");
    const shown = parts.map((p) => parseHtml(p).text).join("\n\n");
    const expected = `${text}1470-CV/TU · nhiệm vụ 4 · 22/02/2024`;
    // nothing lost or added but whitespace at the cuts (compared as booleans: the texts are long)
    expect(shown.replace(/\s/g, "") === expected.replace(/\s/g, "")).toBe(true);
  });
});

describe("messageInbound", () => {
  const me = { id: 42, username: "cadre_test_bot" };
  const base = {
    message_id: 9,
    date: 0,
    chat: { id: -100, type: "group" as const, title: "Chi bộ" },
    from: { id: 7, is_bot: false, first_name: "Lan", language_code: "en-US" },
  };

  it("strips the bot's mention by entity and keeps other mentions", () => {
    const text = "@Cadre_Test_Bot hỏi @lan_nguyen về nhiệm vụ 4";
    const inbound = messageInbound(
      {
        ...base,
        text,
        entities: [
          { type: "mention", offset: 0, length: 15 },
          { type: "mention", offset: 20, length: 11 },
        ],
      },
      me,
    );
    expect(inbound).toMatchObject({ text: "hỏi @lan_nguyen về nhiệm vụ 4", mentioned: true, langHint: "en" });
  });

  it("drops commands for other bots and messages from bots, and marks replies to the bot", () => {
    expect(messageInbound({ ...base, text: "/task@other_bot 4" }, me)).toBeNull();
    expect(messageInbound({ ...base, text: "hi", from: { ...base.from, is_bot: true } }, me)).toBeNull();
    const reply = messageInbound(
      {
        ...base,
        text: "còn nhiệm vụ 5?",
        reply_to_message: {
          ...base,
          message_id: 8,
          from: { id: 42, is_bot: true, first_name: "Bot" },
          text: "…",
          reply_to_message: undefined,
        },
      },
      me,
    );
    expect(reply).toMatchObject({ replyToBot: true, isPrivate: false, chatId: "-100", messageId: "9" });
    expect(reply?.mentioned).toBeUndefined();
  });
});
