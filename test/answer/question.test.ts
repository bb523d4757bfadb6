import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/answer/index.js";
import { LAST_TASK } from "../../src/answer/question.js";

describe("reading a question", () => {
  it.each([
    ["nhiệm vụ 4 yêu cầu gì?", "vi", 4],
    ["nhiem vu 4 yeu cau gi", "vi", 4],
    ["nhiệm vụ thứ tư là gì?", "vi", 4],
    ["nhiệm vụ số 7 của 1470-CV/TU", "vi", 7],
    ["what does task 4 of 1470-CV/TU require?", "en", 4],
    ["What does the fourth task say?", "en", 4],
    ["Que demande la tâche n° 4 ?", "fr", 4],
    ["Que dit le quatrième point du document ?", "fr", 4],
    ["タスク4は何を求めていますか", "ja", 4],
    ["第4項は何を求めていますか", "ja", 4],
    ["４番目の任務は?", "ja", 4],
    // A kanji numeral is read whole: "十三" is thirteen, not the "三" at its end.
    ["文書1470、十三番目の項目は何を求めていますか？", "ja", 13],
    ["第二十の任務は？", "ja", 20],
    ["任務十は何？", "ja", 10],
    ["カオバン省の重点任務の第6は何ですか？", "ja", 6],
    ["what's point six in the Thanh Hoa letter", "en", 6],
    ["Que dit la tâche trois ?", "fr", 3],
    ["nhiệm vụ sáu là gì?", "vi", 6],
    ["nhiem vu bon yeu cau gi", "vi", 4],
    ["First thing 1470-CV/TU asks for?", "en", 1],
    ["What does the opening task ask for?", "en", 1],
    ["What is the second step of the plan?", "en", 2],
    ["Quelle est la première chose demandée ?", "fr", 1],
    ["bài về Cao Bằng, việc cần làm đầu tiên là gì", "vi", 1],
    ["điều đầu tiên chỉ thị yêu cầu là gì?", "vi", 1],
    ["việc thứ hai là gì?", "vi", 2],
    ["văn bản 1470, ý thứ ba nói về chuyện gì?", "vi", 3],
    ["計画の最初の任務は何ですか？", "ja", 1],
    ["What comes first on the list of tasks in the Yen Bai directive?", "en", 1],
    ["L'article sur Cao Bang : son troisième chantier prioritaire, c'est lequel ?", "fr", 3],
    ["What is the second priority of the plan?", "en", 2],
    ["Nhiệm vụ nào đứng đầu danh sách trong chỉ thị 05?", "vi", 1],
    ["Quelle tâche vient en premier dans le plan ?", "fr", 1],
    ["この指示の任務の最初は何ですか", "ja", 1],
    ["記事で最初に挙げられている重点課題は？", "ja", 1],
  ])("%s → %s, task %i", (q, lang, task) => {
    const p = parseQuestion(q);
    expect(p.lang).toBe(lang);
    expect(p.task).toBe(task);
    expect(p.intent).toBe("task");
  });

  it.each([
    "Nhiệm vụ cuối cùng của Chỉ thị 05-CT/TU là gì?",
    "nhiem vu cuoi cua 1470-cv/tu",
    "What is the final task of 1470-CV/TU?",
    "Que demande la dernière tâche ?",
    "1470-CV/TUの最後の任務は何ですか？",
  ])("%s → the last task", (q) => {
    const p = parseQuestion(q);
    expect(p.task).toBe(LAST_TASK);
    expect(p.intent).toBe("task");
  });

  it.each([
    "nhiệm vụ năm 2025 của tỉnh là gì?",
    "nhiệm vụ bà con phải làm khi có lũ?",
    "nhiệm vụ năm nay có gì mới?",
    "Is this the first time the province does it?",
    "Le point de vue des habitants compte-t-il ?",
    "Which unit is listed first?",
  ])("%s → no task", (q) => {
    const p = parseQuestion(q);
    expect(p.task).toBeNull();
    expect(p.intent).not.toBe("task");
  });

  it("does not read a document number's digits as a task", () => {
    const p = parseQuestion("What does 1470-CV/TU say about complaints?");
    expect(p.task).toBeNull();
    expect(p.docRefs.map((r) => r.key)).toEqual(["1470-CV-TU"]);
    expect(p.lang).toBe("en");
  });

  it("treats 23-QĐ/TW and 23-QD/TW as the same number", () => {
    expect(parseQuestion("23-QĐ/TW quy định gì?").docRefs[0]?.key).toBe(
      parseQuestion("23-QD/TW?").docRefs[0]?.key,
    );
  });

  it("reads a document number typed in lower case, as on a phone, but not a range of years", () => {
    expect(parseQuestion("nhiem vu thu sau cua 1470-cv/tu yeu cau nhung gi?").docRefs[0]?.key).toBe(
      "1470-CV-TU",
    );
    expect(parseQuestion("quy dinh 08-qdi/tu thay the van ban nao?").docRefs[0]?.key).toBe(
      parseQuestion("Quy định 08-QĐi/TU thay thế văn bản nào?").docRefs[0]?.key,
    );
    expect(parseQuestion("giai doan 2021-2025 dat bao nhieu?").docRefs).toEqual([]);
  });

  it("reads articles and clauses", () => {
    expect(parseQuestion("Điều 5 quy định gì?").article).toEqual({ n: 5, clause: null });
    expect(parseQuestion("khoản 2 Điều 5 nói gì?").article).toEqual({ n: 5, clause: 2 });
    expect(parseQuestion("第5条第2項").article).toEqual({ n: 5, clause: 2 });
    expect(parseQuestion("What does clause 2 of article 5 say?").article).toEqual({ n: 5, clause: 2 });
  });

  it("recognises date and issuer questions", () => {
    expect(parseQuestion("1470-CV/TU được ban hành ngày nào?").intent).toBe("date");
    expect(parseQuestion("When was 1470-CV/TU issued?").intent).toBe("date");
    expect(parseQuestion("Who signed 1470-CV/TU?").intent).toBe("issuer");
    expect(parseQuestion("Quand le document 1470-CV/TU a-t-il été publié ?").intent).toBe("date");
  });

  it.each([
    ["Công văn 215-CV/HU được ban hành để thực hiện văn bản nào của Tỉnh ủy?", "basis"],
    ["Kế hoạch 112 Nghệ An căn cứ vào đâu?", "basis"],
    ["chi thi nay ra doi tren co so nhung van ban nao", "basis"],
    ["Which decree is the Tuyen Quang directive based on?", "basis"],
    ["What is the legal basis of plan 112?", "basis"],
    ["Sur quel texte la directive de Yen Bai se fonde-t-elle ?", "basis"],
    ["Quelle résolution le plan de Quang Binh met-il en oeuvre ?", "basis"],
    ["この指示はどの文書に基づいていますか？", "basis"],
    ["Chỉ thị 09 nhằm mục đích gì?", "purpose"],
    ["What is the purpose of the Yen Bai directive?", "purpose"],
    ["Quel est l'objectif du plan de Quang Binh ?", "purpose"],
    ["クアンビン計画の目的は何ですか", "purpose"],
    // A document named by its number alone.
    ["18/CT-UBNDの目的は何ですか？", "purpose"],
    ["Mục đích của 18/CT-UBND là gì?", "purpose"],
    ["What is the purpose of 1470-CV/TU?", "purpose"],
    ["Kế hoạch 112/KH-UBND căn cứ vào văn bản nào?", "basis"],
    // About something in a document, not the document itself.
    ["Bắc Giang thực hiện dân chủ ở cơ sở theo nghị định số mấy?", "search"],
    ["Based on the Ha Tinh directive, what must chairmen do?", "search"],
    ["Mục đích của việc đối thoại là gì?", "search"],
  ])("%s → %s", (q, intent) => {
    expect(parseQuestion(q).intent).toBe(intent);
  });

  it("reads a bare document number as a hint, never a year or a figure", () => {
    expect(parseQuestion("1470号の文書が最初に挙げている決定は？").docHint).toBe("1470");
    expect(parseQuestion("Dans le 1470, quel service doit pousser la presse ?").docHint).toBe("1470");
    expect(parseQuestion("công văn 1470 nói gì").docHint).toBe("1470");
    for (const q of ["Cao Bằng tổ chức 4930 hội nghị?", "taux de 74,34 ?", "Thai Binh 2023, combien ?"])
      expect(parseQuestion(q).docHint, q).toBeNull();
  });
});
