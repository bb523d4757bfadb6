import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/tokenize.js";

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
