import { describe, expect, it } from "vitest";
import { loadConcepts } from "../../src/engine.js";
import { conceptUnits } from "../../src/search/expansion.js";
import { questionContent, tokenize } from "../../src/search/tokenize.js";

describe("Vietnamese question phrases", () => {
  it("drops 'bao nhiêu' / 'bao giờ' / 'bao lâu' from questions but keeps 'báo' typed without marks", () => {
    const q = tokenize("Tỷ lệ hồ sơ trực tuyến đạt bao nhiêu?", "vi", { question: true }).words;
    expect(q).not.toContain("bao");
    expect(q).not.toContain("nhiêu");
    expect(q).toContain("truc_tuyen");
    expect(tokenize("Khi nào, bao giờ báo cáo?", "vi", { question: true }).words).not.toContain("gio");
    expect(tokenize("bao Nghe An dua tin", "vi", { question: true }).words).toContain("bao");
    // Documents keep every word: only questions are shaped this way.
    expect(tokenize("bao nhiêu", "vi").words).toContain("bao");
  });
});

describe("clitics and asking words", () => {
  const words = (text: string, lang: "en" | "fr" | "ja", question = true) =>
    tokenize(text, lang, { question }).words;

  it("reads an English possessive or contraction as its word ('Bang's' is 'bang')", () => {
    // "can't" and "don't" leave "can" and "do", function words, not a word "ca" or "don".
    expect(words("What's Cao Bang's share, who's in charge, can't they, don't they?", "en")).toEqual([
      "cao",
      "bang",
      "share",
      "charge",
    ]);
    // In a document too: the corpus and the question must meet on the same tokens.
    expect(tokenize("the Front's role", "en").words).toEqual(["front", "role"]);
  });

  it("drops every French elided word, not only the one-letter ones", () => {
    expect(words("jusqu'à combien qu'on prête lorsqu'il emprunte", "fr")).toEqual([
      "prete",
      "prête",
      "emprunte",
    ]);
    expect(tokenize("l'administration", "fr").words).toEqual(["administration"]);
  });

  it("drops a Japanese asking word made with 何 together with its character pairs", () => {
    const q = words("決定は何年何月何日付？何キロ", "ja");
    expect(q).not.toContain("何年何月");
    expect(q).not.toContain("年何");
    expect(q).toEqual(expect.arrayContaining(["決定", "日付", "キロ"]));
    // The unit asked for stays: "何センチ" asks for centimetres.
    expect(words("身長は何センチ以上？", "ja")).toContain("センチ");
    // A document keeps it: only questions ask.
    expect(words("何年", "ja", false)).toContain("何年");
  });
});

describe("the concepts of a question", () => {
  it("leaves out document numbers and concepts found in part of an asking phrase", async () => {
    const concepts = await loadConcepts();
    const ids = (text: string) => concepts.conceptsIn(text, "vi").map((c) => c.id);
    const units = (text: string) =>
      conceptUnits(concepts, questionContent(text), "vi", new Set()).map((u) => u.id);
    // "bao nhieu" typed without marks reads as "báo" (a newspaper); "UBND" of a number as a committee.
    const asked = "tong thu ngan sach duoc bao nhieu";
    expect(ids(asked)).toContain("newspaper");
    expect(units(asked)).not.toContain("newspaper");
    const numbered = "Kế hoạch 187/KH-UBND: công an xã lập danh sách trước ngày nào?";
    expect(ids(numbered)).toContain("people-committee");
    expect(units(numbered)).not.toContain("people-committee");
    // The words of the question stay: the budget and the police are still asked about.
    expect(units(asked)).toContain("budget");
    expect(units(numbered)).toContain("police");
    // An asking phrase that spells a concept, whole or in a longer form, names it: how long is a time limit.
    expect(units("le giao quan keo dai toi da bao lau")).toContain("deadline");
    expect(units("Trong bao lâu phải giải quyết xong?")).toContain("deadline");
    expect(units("Hạn chót nộp là bao giờ?")).toContain("deadline");
  });
});
