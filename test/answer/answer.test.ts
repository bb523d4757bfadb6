import { describe, expect, it } from "vitest";
import { engineFor, expectVerbatim, SEED_CORPUS, VI_CORPUS } from "../support/engine.js";

describe("answers over the seeds", () => {
  it.each([
    ["nhiệm vụ 4 yêu cầu gì?", "vi"],
    ["what does task 4 of 1470-CV/TU require?", "en"],
    ["Que demande la tâche 4 du 1470-CV/TU ?", "fr"],
    ["1470-CV/TUのタスク4は何を求めていますか", "ja"],
  ])("answers %s with task 4 of 1470-CV/TU", async (q, lang) => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask(q);
    expect(a.found).toBe(true);
    expect(a.lang).toBe(lang);
    const c = a.citations[0];
    expect(c).toMatchObject({ docNumber: "1470-CV/TU", task: 4, section: "4", date: "2024-02-22" });
    // The Japanese asker gets the Japanese version; the others the French one (no vi/en version).
    expect(c?.lang).toBe(lang === "ja" ? "ja" : "fr");
    expect(c?.quote).toMatch(
      lang === "ja" ? /^4\. 各レベルの国家行政機関/ : /^4\. Veiller à la mise en œuvre/,
    );
    expect(a.answer).toContain(c?.quote);
    expectVerbatim(a, SEED_CORPUS);
  });

  it("refuses a task that does not exist, saying which exist", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("task 11 of 1470-CV/TU");
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer).toContain("1470-CV/TU has tasks 1–10");
    const vi = await answerer.ask("nhiệm vụ 11 của 1470-CV/TU");
    expect(vi.answer).toContain("1470-CV/TU có các nhiệm vụ 1–10");
  });

  it("remembers the document of the conversation", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const conversation = { docId: null };
    await answerer.ask("Troisièmement, que faut-il privilégier pour l'administration numérique ?", {
      conversation,
    });
    const a = await answerer.ask("và nhiệm vụ 5?", { conversation });
    expect(a.citations[0]?.file).toBe("003_7c6a519dd1acbf51.txt");
    expect(a.citations[0]?.quote).toMatch(/^Cinquièmement/);
  });

  it("answers a date question from where the text states it", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("When was 1470-CV/TU issued?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("22 February 2024");
    expect(a.citations[0]?.quote).toContain("Le 22 février 2024");
    expectVerbatim(a, SEED_CORPUS);
  });

  it("says plainly when a named document is not in the corpus", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("23-QĐ/TW quy định gì?");
    expect(a.found).toBe(false);
    expect(a.answer).toContain("không có trong kho văn bản");
    expect(a.answer).toContain("1470-CV/TU");
  });

  it("states a local document's figure from the article on that place, and nothing else of it", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    // 08-DA/TU is not in the corpus; the Cao Bằng article reports how it was spread.
    const figure = await answerer.ask("Để phổ biến Đề án 08-DA/TU, tỉnh Cao Bằng tổ chức mấy hội nghị?");
    expect(figure.found).toBe(true);
    expect(figure.citations[0]?.file).toBe("003_7c6a519dd1acbf51.txt");
    expect(figure.citations[0]?.quote).toContain("4 930 conférences");
    expectVerbatim(figure, SEED_CORPUS);
    // Without a figure asked, the document itself is still what it is: not in the corpus.
    const content = await answerer.ask("Đề án 08-DA/TU của Cao Bằng quy định những gì?");
    expect(content.found).toBe(false);
    expect(content.answer).toContain("không có trong kho văn bản");
  });

  it("refuses what the corpus does not hold instead of guessing", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    for (const q of [
      "What is the 2025 budget of Hanoi's transport department?",
      "Giá vàng hôm nay bao nhiêu?",
    ]) {
      const a = await answerer.ask(q);
      expect(a.found, q).toBe(false);
      expectVerbatim(a, SEED_CORPUS);
    }
  });

  it("refuses a figure or a place the corpus does not hold, even when the words match", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    // Cao Bang states its online filing rate; Lang Son is in no document.
    const place = await answerer.ask(
      "Quel est le taux de dépôt des dossiers en ligne dans la province de Lang Son ?",
    );
    expect(place.found).toBe(false);
    // 1470-CV/TU speaks of the 2024 campaign but states no amount of money.
    const money = await answerer.ask(
      "How much money was allocated to the 2024 Year of mass mobilisation in Thanh Hoa?",
    );
    expect(money.found).toBe(false);
  });

  it("answers task N of the document the question clearly means, even when it has fewer tasks", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("Que dit le « Sixièmement » des tâches clés fixées pour Cao Bang ?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/tâches 1 à 5/);
  });

  it("finds a figure in the text", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("Quel est le taux de dépôt des dossiers en ligne à Cao Bang ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("74,34 %");
    expectVerbatim(a, SEED_CORPUS);
  });
});

describe("answers over Vietnamese directives", () => {
  it("resolves a task of section II and an article of a regulation exactly", async () => {
    const { answerer, index } = await engineFor(VI_CORPUS);
    const directive = index.documents.find((d) => d.number === "05-CT/TU");
    expect(directive?.versions[0]?.tasks.length).toBeGreaterThan(3);
    const a = await answerer.ask("Nhiệm vụ 2 của Chỉ thị 05-CT/TU là gì?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ docNumber: "05-CT/TU", task: 2, lang: "vi" });
    expect(a.citations[0]?.section).toMatch(/^II\.2$/);
    expectVerbatim(a, VI_CORPUS);
    const art = await answerer.ask("Điều 3 của 08-QĐi/TU quy định gì?");
    expect(art.citations[0]?.section).toBe("Điều 3");
    expectVerbatim(art, VI_CORPUS);
  });
});
