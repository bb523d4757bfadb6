import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/messengers/split.js";

/** Everything but whitespace, in order: what splitting must never lose or reorder. */
const ink = (s: string) => s.replace(/\s+/g, "");

describe("splitMessage", () => {
  it("returns text that fits as one chunk, and nothing for blank text", () => {
    expect(splitMessage("Nhiệm vụ 4", 10)).toEqual(["Nhiệm vụ 4"]);
    expect(splitMessage(" \n ", 10)).toEqual([]);
  });

  it("cuts at paragraph breaks before line breaks, sentences or spaces", () => {
    const a = "Đoạn một. Câu hai của đoạn một.";
    const b = "Đoạn hai.\nDòng hai của đoạn hai.";
    const chunks = splitMessage(`${a}\n\n${b}`, 60);
    expect(chunks).toEqual([a, b]);
  });

  it("falls back to line breaks, then sentence ends, then spaces", () => {
    expect(splitMessage("dòng một\ndòng hai", 12)).toEqual(["dòng một", "dòng hai"]);
    expect(splitMessage("Câu một. Câu hai dài hơn", 14)).toEqual(["Câu một.", "Câu hai dài", "hơn"]);
    expect(splitMessage("một hai ba bốn", 8)).toEqual(["một hai", "ba bốn"]);
  });

  it("cuts a word longer than the limit hard, never inside a surrogate pair", () => {
    expect(splitMessage("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    const emoji = "😀".repeat(5); // 10 UTF-16 units
    const chunks = splitMessage(emoji, 3);
    expect(chunks.join("")).toBe(emoji);
    for (const c of chunks) expect(c).toMatch(/^(😀)+$/u);
  });

  it("measures with the caller's measure, so escaped text stays under the limit", () => {
    const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const text = Array.from({ length: 400 }, (_, i) => `Mục ${i} & <b>`).join(" ");
    const chunks = splitMessage(text, 100, (s) => escapeHtml(s).length);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(escapeHtml(c).length).toBeLessThanOrEqual(100);
    expect(ink(chunks.join(" "))).toBe(ink(text));
  });

  it("keeps every chunk within the limit and loses no text on a long mixed document", () => {
    const para = (n: number) =>
      Array.from({ length: n }, (_, i) => `Câu ${i} về việc báo cáo định kỳ hằng quý; rõ ràng.`).join(" ");
    const text = [para(40), para(3), "", para(90), "x".repeat(5000), para(7)].join("\n\n");
    const chunks = splitMessage(text, 3000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c.trim()).toBe(c);
      expect(c.length).toBeGreaterThan(0);
    }
    expect(ink(chunks.join(""))).toBe(ink(text));
  });

  it("refuses a limit below one", () => {
    expect(() => splitMessage("abc", 0)).toThrow(/limit/);
  });
});
