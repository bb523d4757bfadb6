import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Concept, Glossary, loadGlossary } from "../../src/search/glossary.js";
import { questionContent } from "../../src/search/tokenize.js";

// How forms match beyond plain words.

const GLOSSARY = fileURLToPath(new URL("../../glossary/domain.yaml", import.meta.url));

let shipped: Glossary;
beforeAll(async () => {
  shipped = await loadGlossary(GLOSSARY);
});

const concept = (id: string, forms: Partial<Omit<Concept, "id">>): Concept => ({
  id,
  vi: forms.vi ?? [`${id} vi`],
  en: forms.en ?? [`${id} en`],
  fr: forms.fr ?? [`${id} fr`],
  ja: forms.ja ?? [`${id}ja`],
});

describe("a French form of one word keeps the preposition leading it", () => {
  it("tells 'au moins' (at least) from 'moins de' (less than)", () => {
    const g = Glossary.fromConcepts([
      concept("at-least", { fr: ["au moins"] }),
      concept("less-than", { fr: ["moins de"] }),
    ]);
    expect(g.idsIn("au moins 10 ménages", "fr")).toEqual(["at-least"]);
    expect(g.idsIn("moins de 10 ménages", "fr")).toEqual(["less-than"]);
    expect(g.idsIn("moins d'un an", "fr")).toEqual(["less-than"]);
  });

  it("still drops function words inside a form and articles leading it", () => {
    const g = Glossary.fromConcepts([
      concept("mass-mobilisation", { fr: ["mobilisation de masse"] }),
      concept("state", { fr: ["l'État"] }),
    ]);
    expect(g.idsIn("la mobilisation des masses", "fr")).toEqual(["mass-mobilisation"]);
    expect(g.idsIn("un État", "fr")).toEqual(["state"]);
  });

  it("does so in the shipped glossary", () => {
    expect(shipped.idsIn("au moins 10 ménages", "fr")).toContain("at-least");
    expect(shipped.idsIn("moins de 10 ménages", "fr")).toEqual(expect.not.arrayContaining(["at-least"]));
    expect(shipped.idsIn("moins de 10 ménages", "fr")).toContain("less-than");
  });
});

describe("a form's language is part of it", () => {
  const unions = () =>
    Glossary.fromConcepts([
      concept("mass-organisation", { en: ["union"] }),
      concept("solidarity", { fr: ["union"] }),
    ]);

  it("lets an English and a French form of two concepts share a spelling", () => {
    const g = unions();
    expect(g.idsIn("the union", "en")).toEqual(["mass-organisation"]);
    expect(g.idsIn("l'union", "fr")).toEqual(["solidarity"]);
    // Without a language, the earlier concept in the file.
    expect(g.idsIn("union")).toEqual(["mass-organisation"]);
  });

  it("keeps a spelling shared by one concept's languages, and refuses a clash within a language", () => {
    const g = Glossary.fromConcepts([concept("papi", { en: ["PAPI"], fr: ["PAPI"] })]);
    expect(g.idsIn("PAPI", "fr")).toEqual(["papi"]);
    expect(g.idsIn("PAPI")).toEqual(["papi"]);
    const clash = concept("trade-union", { en: ["union"] });
    expect(() => Glossary.fromConcepts([concept("mass-organisation", { en: ["union"] }), clash])).toThrow(
      /already belongs to concept 'mass-organisation'/,
    );
  });
});

describe("a Vietnamese syllable is not matched inside a common compound", () => {
  const g = Glossary.fromConcepts([concept("submit", { vi: ["trình", "đệ trình"] })]);

  it.each(["trong quá trình thực hiện", "tiến trình", "trình tự, thủ tục", "trình bày ý kiến", "qua trinh"])(
    "%s is not submit",
    (text) => {
      expect(g.idsIn(text, "vi")).toEqual([]);
    },
  );

  it("still matches the syllable on its own, and a compound a concept lists", () => {
    expect(g.idsIn("trình Ủy ban nhân dân tỉnh phê duyệt", "vi")).toEqual(["submit"]);
    expect(g.idsIn("đệ trình", "vi")).toEqual(["submit"]);
    expect(shipped.idsIn("Sở Tư pháp trình Ủy ban nhân dân tỉnh", "vi")).toContain("submit");
    expect(shipped.idsIn("trong quá trình thực hiện", "vi")).not.toContain("submit");
    expect(shipped.idsIn("xây dựng chương trình công tác", "vi")).not.toContain("submit");
  });
});

describe("a percent sign is a rate, whatever the figure's notation", () => {
  it("matches a form '%' after a figure written with a comma or a point", () => {
    const g = Glossary.fromConcepts([
      concept("rate", { vi: ["tỷ lệ", "%"], en: ["rate", "%"], fr: ["taux", "%"] }),
    ]);
    expect(g.conceptsIn("96,5 %", "fr")).toEqual([{ id: "rate", start: 5, end: 6 }]);
    expect(g.idsIn("96.5% of files", "en")).toEqual(["rate"]);
    expect(g.idsIn("đạt 96,5%", "vi")).toEqual(["rate"]);
  });

  it("keeps the sign of a question's percentage for the shipped glossary", () => {
    expect(shipped.idsIn(questionContent("Which target reaches 96.5%?"), "en")).toContain("rate");
    expect(shipped.idsIn(questionContent("Quel objectif atteint 96,5 % ?"), "fr")).toContain("rate");
    expect(shipped.idsIn("達成率96.5％", "ja")).toContain("rate");
  });
});

describe("a date in a form stands for any date", () => {
  // Built in each test, so that a form the matcher refuses fails that test alone.
  const deadline = () =>
    Glossary.fromConcepts([
      concept("deadline", {
        vi: ["trước 30/6"],
        en: ["before 30 June", "by 30 June"],
        fr: ["avant le 30 juin"],
      }),
    ]);

  it.each([
    ["en", "Which reports are due before 15 March 2025?"],
    ["en", "send it by June 30"],
    ["fr", "à remettre avant le 1er juillet 2025"],
    ["vi", "gửi trước 15/12/2024"],
    ["vi", "gửi trước 30 tháng 6"],
  ] as const)("%s: %s", (lang, text) => {
    expect(deadline().idsIn(text, lang)).toEqual(["deadline"]);
  });

  it("needs a date, not any figure or word after the preposition", () => {
    const g = deadline();
    expect(g.idsIn("before the meeting", "en")).toEqual([]);
    expect(g.idsIn("by 30 households", "en")).toEqual([]);
    expect(g.idsIn("số 05/2024/NQ-HĐND trước", "vi")).toEqual([]);
  });

  it("reaches the shipped deadline from a question whose date has a year", () => {
    expect(shipped.idsIn(questionContent("Which reports are due before 30 June 2025?"), "en")).toContain(
      "deadline",
    );
    expect(shipped.idsIn(questionContent("What must be sent by 30 June?"), "en")).toContain("deadline");
    expect(shipped.idsIn(questionContent("Báo cáo gửi trước 30/6/2025?"), "vi")).toContain("deadline");
    expect(shipped.idsIn(questionContent("Rapport à remettre avant le 30 juin"), "fr")).toContain("deadline");
    // A full date was taken out of the question with its "ngày", leaving "trước" alone.
    expect(shipped.idsIn(questionContent("Báo cáo gửi trước ngày 30 tháng 6 năm 2025"), "vi")).toContain(
      "deadline",
    );
  });
});
