import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/reminders/extract/index.js";

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe("splitSentences", () => {
  it("returns verbatim slices with their offsets", () => {
    const input = "  Câu một.  Câu hai!\n\nDòng ba?\r\nDòng bốn";
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.text)).toEqual(["Câu một.", "Câu hai!", "Dòng ba?", "Dòng bốn"]);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
  });

  it("leaves list markers out of the sentence", () => {
    const input =
      "1. Các sở báo cáo.\na) Điểm a.\nII. MỤC ĐÍCH\n- Ban Dân vận Tỉnh ủy,\n10. Les comités rendent compte.";
    expect(texts(input)).toEqual([
      "Các sở báo cáo.",
      "Điểm a.",
      "MỤC ĐÍCH",
      "Ban Dân vận Tỉnh ủy,",
      "Les comités rendent compte.",
    ]);
  });

  it("does not split inside numbers, dates, document numbers or abbreviations", () => {
    expect(
      texts("Tỷ lệ đạt 4.46 % trước ngày 30.6.2025 tại TP. Hồ Chí Minh theo Công văn 1470-CV/TU. Câu sau."),
    ).toEqual([
      "Tỷ lệ đạt 4.46 % trước ngày 30.6.2025 tại TP. Hồ Chí Minh theo Công văn 1470-CV/TU.",
      "Câu sau.",
    ]);
    expect(texts("Signed by J. Smith on 5 May. The end.")).toEqual([
      "Signed by J. Smith on 5 May.",
      "The end.",
    ]);
    expect(texts("v.v. và các nội dung khác.")).toEqual(["v.v. và các nội dung khác."]);
  });

  it("splits Japanese at 。 without a following space", () => {
    expect(texts("省党委員会は報告する。各部門は実施する。")).toEqual([
      "省党委員会は報告する。",
      "各部門は実施する。",
    ]);
  });

  it("keeps a closing quote or bracket with its sentence", () => {
    expect(texts("He said “Yes.” Then (see above.) End")).toEqual([
      "He said “Yes.”",
      "Then (see above.)",
      "End",
    ]);
  });
});
