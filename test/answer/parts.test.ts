import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { engineFor, expectVerbatim, SEED_CORPUS, VI_CORPUS } from "../support/engine.js";

describe("questions about a document itself: its legal basis and its purpose", () => {
  it.each([
    [
      "Quy định 08-QĐi/TU được ban hành căn cứ quy định nào của Bộ Chính trị?",
      "08-QĐi/TU",
      // Both "Căn cứ" lines of the preamble, the second without a number.
      ["Căn cứ Quy định số 11-QĐi/TW ngày 18/02/2019", "Căn cứ Quy chế làm việc của Ban Chấp hành"],
    ],
    [
      "Công văn 215 của Can Lộc để thực hiện văn bản nào?",
      "215-CV/HU",
      ["Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2025"],
    ],
    ["Which decree is the Tuyen Quang directive based on?", "09-CT/TU", ["Nghị định số 88/2024/NĐ-CP"]],
    ["Kế hoạch 112 Nghệ An căn cứ vào đâu?", "112/KH-UBND", ["Kế hoạch số 286-KH/TU"]],
  ])("%s → the preamble of %s", async (q, number, parts) => {
    const { answerer } = await engineFor(VI_CORPUS);
    const a = await answerer.ask(q);
    expect(a.found).toBe(true);
    const c = a.citations[0];
    expect(c?.docNumber).toBe(number);
    expect(c?.task).toBeNull();
    for (const part of parts) expect(c?.quote).toContain(part);
    // "08-QĐi/TU (24/06/2024) được ban hành trên cơ sở:", in the asker's language.
    const [head = "", tail = ""] = t(a.lang, "answer.basis", { doc: number, date: "§" }).split("§");
    expect(a.answer.split("\n")[0]).toSatisfy((line: string) => line.startsWith(head) && line.endsWith(tail));
    expectVerbatim(a, VI_CORPUS);
  });

  it("answers the purpose from the first passage under the purpose heading, in the asker's language", async () => {
    const { answerer } = await engineFor(VI_CORPUS);
    const a = await answerer.ask("Quel est le but de la directive de Yen Bai ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ docNumber: "14-CT/TU", section: "I.1" });
    expect(a.citations[0]?.quote).toMatch(/^1\. Nâng cao nhận thức/);
    expect(a.answer).toMatch(/^Le but de 14-CT\/TU/);
    expectVerbatim(a, VI_CORPUS);
  });

  it("searches as before when the document states no basis in its preamble", async () => {
    const { answerer } = await engineFor(SEED_CORPUS);
    const a = await answerer.ask("What is the legal basis of 1470-CV/TU?");
    const tail = t("en", "answer.basis", { doc: "", date: "" });
    expect(tail).toBe(" was issued on the basis of:");
    expect(a.answer).not.toContain(tail);
    expectVerbatim(a, SEED_CORPUS);
  });
});
