import { describe, expect, it } from "vitest";
import type { Citation } from "../../src/answer/index.js";
import {
  escapeMrkdwn,
  renderReply,
  SLACK_MAX_BLOCKS,
  SLACK_TEXT_LIMIT,
  type SlackMessage,
} from "../../src/messengers/slack/index.js";
import { validateBlocks } from "../support/fake-slack/index.js";

const ZWSP = "\u200b";

function aCitation(over: Partial<Citation> = {}): Citation {
  return {
    docId: "d1",
    docNumber: "1470-CV/TU",
    title: "Công văn 1470",
    date: "2024-02-22",
    task: 4,
    section: "4",
    lang: "fr",
    file: "000.txt",
    quote: "Veiller à la mise en œuvre…",
    ...over,
  };
}

/** Every text object in a message: section texts, context elements, button labels, and `text`. */
function texts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks as unknown as Record<string, unknown>[]) {
    const text = block.text as { text?: string } | undefined;
    if (text?.text !== undefined) out.push(text.text);
    for (const el of (block.elements ?? []) as { text?: string | { text: string } }[]) {
      out.push(typeof el.text === "string" ? el.text : (el.text?.text ?? ""));
    }
  }
  return out;
}

/** Visible text of the sections (escapes and zero-width spaces undone). */
const shown = (messages: SlackMessage[]) =>
  messages
    .flatMap((m) => m.blocks)
    .filter((b) => b.type === "section")
    .map((b) => (b as { text: { text: string } }).text.text)
    .join("\n\n")
    .replaceAll(ZWSP, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("Slack Block Kit rendering", () => {
  it("escapes &, < and > and neutralises *bold*, _italic_, ~strike~ and `code`", () => {
    expect(escapeMrkdwn("a & b <!channel> > c")).toBe("a &amp; b &lt;!channel&gt; &gt; c");
    const escaped = escapeMrkdwn("*Điều 5* _khoản 2_ ~x~ `y`");
    // No marker touches a word any more, so Slack cannot pair them into formatting.
    expect(escaped).not.toMatch(/[*_~`][^\s\u200b]|[^\s\u200b][*_~`]/);
    expect(escaped.replaceAll(ZWSP, "")).toBe("*Điều 5* _khoản 2_ ~x~ `y`");
  });

  it("renders text, a context block of citations and one button per Button", () => {
    const [message, ...more] = renderReply({
      text: "Nhiệm vụ 4 của 1470-CV/TU:\n«Veiller…»",
      citations: [aCitation(), aCitation(), aCitation({ docNumber: null, title: "Chỉ thị", task: null })],
      buttons: [
        { label: "Toàn văn", action: "quote:d1:4" },
        { label: "👍", action: "fb:up" },
      ],
    });
    expect(more).toEqual([]);
    expect(message!.blocks.map((b) => b.type)).toEqual(["section", "context", "actions"]);
    const context = message!.blocks[1] as { elements: { text: string }[] };
    // Duplicate citations are shown once; the label follows the language's phrases.
    expect(context.elements.map((e) => e.text)).toEqual([
      "Nguồn: 1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024",
      "Nguồn: Chỉ thị · 4 · ngày 22/02/2024",
    ]);
    const actions = message!.blocks[2] as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      ["cadre_btn_0", "quote:d1:4"],
      ["cadre_btn_1", "fb:up"],
    ]);
    expect(message!.text).toContain("Nhiệm vụ 4 của 1470-CV/TU:");
    expect(validateBlocks(message!.blocks)).toEqual([]);
  });

  it("keeps a 6000-character answer in ≤ 3000-character sections of one message", () => {
    const para = "Các cấp ủy & chính quyền <cơ sở> phải báo cáo *định kỳ*. ".repeat(30);
    const text = Array.from({ length: 5 }, () => para)
      .join("\n\n")
      .slice(0, 6000);
    const messages = renderReply({ text, citations: [aCitation()] });
    expect(messages).toHaveLength(1);
    const sections = messages[0]!.blocks.filter((b) => b.type === "section");
    expect(sections.length).toBeGreaterThan(2);
    for (const t of texts(messages[0]!)) expect(t.length).toBeLessThanOrEqual(SLACK_TEXT_LIMIT);
    expect(validateBlocks(messages[0]!.blocks)).toEqual([]);
    expect(shown(messages).replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });

  it("spreads a very long answer over several messages of at most 50 blocks, extras on the last", () => {
    const text = Array.from({ length: 400 }, (_, i) => `Đoạn ${i}: ${"nội dung ".repeat(60)}`).join("\n\n");
    const citations = Array.from({ length: 12 }, (_, i) => aCitation({ task: i + 1 }));
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      label: `Nút ${i} ${"x".repeat(90)}`,
      action: `a${i}`,
    }));
    const messages = renderReply({ text, citations, buttons });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
      for (const t of texts(m)) expect(t.length).toBeLessThanOrEqual(SLACK_TEXT_LIMIT);
      expect(validateBlocks(m.blocks)).toEqual([]);
    }
    const last = messages.at(-1)!;
    expect(last.blocks.filter((b) => b.type === "context")).toHaveLength(2); // 10 + 2 citations
    expect(last.blocks.filter((b) => b.type === "actions")).toHaveLength(2); // 25 + 5 buttons
    for (const m of messages.slice(0, -1)) expect(m.blocks.every((b) => b.type === "section")).toBe(true);
    expect(shown(messages).replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });

  it("renders nothing for an empty reply and a fallback text for buttons alone", () => {
    expect(renderReply({ text: "  " })).toEqual([]);
    const [only] = renderReply({ text: "", buttons: [{ label: "Tiếp", action: "next" }] });
    expect(only!.text.length).toBeGreaterThan(0);
    expect(only!.blocks.map((b) => b.type)).toEqual(["actions"]);
  });
});
