import { describe, expect, it } from "vitest";
import { asksWho, assigns } from "../../src/search/assignment.js";

describe("who-questions and the passages that assign work", () => {
  it.each([
    "Cơ quan nào chủ trì lập bản đồ sạt lở?",
    "tien ung ho thi ai dung ra nhan?",
    "Who has to plan the rescue forces?",
    "Which department checks the one-stop shops?",
    "Qui doit organiser les exercices d'évacuation ?",
    "Quel organisme contrôle l'accueil des citoyens ?",
    "救助隊の計画を立てるのはどの機関ですか？",
    "住民に知らせるのは誰ですか？",
  ])("%s asks who", (q) => {
    expect(asksWho(q)).toBe(true);
  });

  it.each([
    "Quy định 08-QĐi/TU thay thế văn bản nào?",
    "What happens to officials who pester people?",
    "Les citoyens qui déposent une plainte reçoivent-ils une réponse ?",
    "Nhiệm vụ 3 yêu cầu gì?",
  ])("%s does not", (q) => {
    expect(asksWho(q)).toBe(false);
  });

  it("knows an implementation heading in the corpus languages", () => {
    expect(assigns("III. TỔ CHỨC THỰC HIỆN")).toBe(true);
    expect(assigns("IV. Organisation de la mise en œuvre")).toBe(true);
    expect(assigns("II. NHIỆM VỤ, GIẢI PHÁP")).toBe(false);
    expect(assigns(null)).toBe(false);
  });
});
