import { describe, expect, it } from "vitest";
import { engineFor, expectVerbatim, SEED_CORPUS, VI_CORPUS } from "../support/engine.js";

describe("reaching the document the question means", () => {
  it("reads a Japanese place name (katakana) as the place, for a task and for a search", async () => {
    const { answerer, retriever } = await engineFor(SEED_CORPUS);
    expect(retriever.placesIn("カオバン省の記事で挙げられた第1の重点任務は何ですか？", "ja")).toEqual([
      "cao bang",
    ]);
    const task = await answerer.ask("カオバン省の記事で挙げられた第1の重点任務は何ですか？");
    expect(task.found).toBe(true);
    expect(task.citations[0]?.file).toBe("003_7c6a519dd1acbf51.txt");
    expect(task.citations[0]?.task).toBe(1);
    expectVerbatim(task, SEED_CORPUS);
  });

  it("answers a question typed without diacritics and with the number in lower case", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    const typed = await answerer.ask("ngay ban hanh chi thi 05-ct/tu?");
    const written = await answerer.ask("Ngày ban hành Chỉ thị 05-CT/TU?");
    expect(typed.found).toBe(true);
    expect(typed.citations[0]?.docNumber).toBe("05-CT/TU");
    expect(typed.answer).toBe(written.answer);
    const search = await answerer.ask(
      "can bo hach sach, lam kho dan thi chi thi 05-ct/tu yeu cau xu ly ra sao?",
    );
    expect(search.found).toBe(true);
    expect(search.citations[0]?.docNumber).toBe("05-CT/TU");
    expectVerbatim(search, VI_CORPUS);
  });

  it("reaches a French passage through an English word's stem, and quotes the sentence holding it", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    for (const q of ["How urbanized is Cao Bang now?", "What did Cao Bang achieve in urbanisation?"]) {
      const a = await answerer.ask(q);
      expect(a.found).toBe(true);
      expect(a.citations[0]?.file).toBe("003_7c6a519dd1acbf51.txt");
      expect(a.citations[0]?.quote).toContain("taux d'urbanisation a atteint 25,5 %");
      expectVerbatim(a, SEED_CORPUS);
    }
  });

  it("answers 'the last task' with the document's last task, in each language", async () => {
    const seeds = await engineFor(SEED_CORPUS);
    for (const q of ["What is the last task of 1470-CV/TU?", "1470-CV/TUの最後の任務は何ですか？"]) {
      const a = await seeds.answerer.ask(q);
      expect(a.found).toBe(true);
      expect(a.citations[0]?.task).toBe(10);
      expectVerbatim(a, SEED_CORPUS);
    }
    const vi = await engineFor(VI_CORPUS);
    const a = await vi.answerer.ask("Nhiệm vụ cuối cùng của Chỉ thị 05-CT/TU là gì?");
    expect(a.citations[0]).toMatchObject({ docNumber: "05-CT/TU", task: 7 });
    expect(a.answer.split("\n")[0]).toContain("Nhiệm vụ 7");
  });

  it("takes the kind and place of a document without its number ('the Hà Tĩnh directive')", async () => {
    const { answerer, retriever } = await engineFor(VI_CORPUS);
    expect(retriever.kindsIn("Trong chỉ thị của Tỉnh ủy Hà Tĩnh", "vi")).toEqual(["directive"]);
    const a = await answerer.ask(
      "Trong chỉ thị của Tỉnh ủy Hà Tĩnh về dân vận chính quyền, nhiệm vụ 5 nói gì?",
    );
    expect(a.citations[0]?.docNumber).toBe("05-CT/TU");
    expect(a.citations[0]?.task).toBe(5);
  });

  it("answers the date and issuer of a document named by its place and kind, without its number", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    const date = await answerer.ask("Quand le plan de Quang Binh a-t-il été signé ?");
    expect(date.found).toBe(true);
    expect(date.citations[0]?.docNumber).toBe("96-KH/TU");
    expect(date.answer).toContain("14/05/2025");
    expectVerbatim(date, VI_CORPUS);
    const issuer = await answerer.ask("When was the Ha Tinh directive issued?");
    expect(issuer.citations[0]?.docNumber).toBe("05-CT/TU");
    expect(issuer.answer).toContain("10 March 2025");
    // Something inside the document is still searched for, not answered with its date.
    const inside = await answerer.ask(
      "Kế hoạch của Nghệ An yêu cầu gửi báo cáo nhanh hằng tháng trước ngày nào?",
    );
    expect(inside.citations[0]?.quote).toContain("trước ngày 25");
  });

  it("searches inside the one document a place and kind describe, when two say the same", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    // 05-CT/TU (Hà Tĩnh) and 08-QĐi/TU (Quảng Trị) both set one reception day a month for secretaries.
    const q = (who: string) => `${who} yêu cầu bí thư cấp ủy tiếp công dân bao nhiêu ngày mỗi tháng?`;
    const haTinh = await answerer.ask(q("Chỉ thị của Hà Tĩnh"));
    const quangTri = await answerer.ask(q("Quy định của Quảng Trị"));
    expect(haTinh.citations[0]?.docNumber).toBe("05-CT/TU");
    expect(quangTri.citations[0]?.docNumber).toBe("08-QĐi/TU");
    for (const a of [haTinh, quangTri]) {
      expect(a.found).toBe(true);
      expect(a.citations[0]?.quote).toContain("01 ngày");
      expectVerbatim(a, VI_CORPUS);
    }
  });

  it("answers the date of a cited document the corpus lacks from the passage citing it, not its content", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const when = await answerer.ask(
      "When was project 08-DA/TU on the 'government close to the people' model issued?",
    );
    expect(when.found).toBe(true);
    expect(when.citations[0]?.quote).toContain("08-DA/TU du 5 juillet 2023");
    expectVerbatim(when, SEED_CORPUS);
    const what = await answerer.ask("Đề án 08-DA/TU quy định gì?");
    expect(what.found).toBe(false);
  });

  it("accepts a count written in words as the figure asked for", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask(
      "Tại hội nghị ở Thái Bình, Ban Dân vận Tỉnh ủy khen thưởng bao nhiêu tập thể và cá nhân?",
    );
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("seize collectifs et individus");
  });

  it("reads a percentage as the share asked for, and refuses a sum of money the document never states", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    const share = await answerer.ask(
      "Nghe An phai don gian hoa bao nhieu phan tram thu tuc hanh chinh noi bo?",
    );
    expect(share.found).toBe(true);
    expect(share.citations[0]?.quote).toContain("20% thủ tục hành chính nội bộ");
    expectVerbatim(share, VI_CORPUS);
    const money = await answerer.ask(
      "Mỗi xã ở Can Lộc được cấp bao nhiêu tiền cho đợt cao điểm Dân vận khéo?",
    );
    expect(money.found).toBe(false);
  });

  it("prefers the reporting rules of the document that speaks of what the question names", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    const a = await answerer.ask(
      "bao cao ca nam 2025 ve phong chong thien tai nop len tinh uy han chot la bao gio",
    );
    expect(a.citations[0]?.docNumber).toBe("14-CT/TU");
    expectVerbatim(a, VI_CORPUS);
  });

  it("does not raise a passage's coverage for the number of its own document, which it does not cite", async () => {
    const { retriever } = await engineFor(VI_CORPUS);
    const coverageOfList = async (text: string) => {
      const r = await retriever.search({ text, lang: "en", docIds: null }, 10);
      return r.hits.find((h) => h.entry.passage.text.startsWith("- Các chi bộ"))?.coverage;
    };
    const named = await coverageOfList("When does the peak campaign of letter 215-CV/HU run?");
    const unnamed = await coverageOfList("When does the peak campaign of the letter run?");
    expect(named).toBeDefined();
    expect(named).toBeCloseTo(unnamed ?? -1, 5);
  });

  it("prefers what the document asks for to a preamble line sharing the question's words", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    // "Căn cứ Quy định số 11-QĐi/TW … trách nhiệm của người đứng đầu … tiếp dân" shares the words;
    // the answer is the article that rewards heads who do it well.
    const a = await answerer.ask(
      "Theo quy định của Quảng Trị, người đứng đầu làm tốt việc tiếp dân thì được gì?",
    );
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toMatch(/^1\. Người đứng đầu thực hiện tốt Quy định này được biểu dương/);
    expectVerbatim(a, VI_CORPUS);
  });
});
