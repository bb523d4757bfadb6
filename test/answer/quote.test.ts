import { describe, expect, it } from "vitest";
import { FOCUS_QUOTE, focusQuote } from "../../src/answer/quote.js";

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Phrase de remplissage numéro ${i}.`).join(" ");

describe("quoting around the question's words", () => {
  it("prefers the sentence with the asker's own words over one full of related glossary words", () => {
    const text = [
      filler(12),
      "Le Département de la propagande du Comité provincial du Parti guide les médias de la province.",
      filler(12),
      "Le journal Thanh Hoa et la radio doivent renforcer leur propagande.",
      filler(12),
    ].join(" ");
    expect(text.length).toBeGreaterThan(FOCUS_QUOTE);
    const own = new Set(["journal", "renforcer"]);
    const related = new Set(["departement", "propagande", "comite", "provincial", "parti", "province"]);
    const { quote, trimmed } = focusQuote(text, own, undefined, related);
    expect(trimmed).toBe(true);
    expect(quote).toContain("Le journal Thanh Hoa et la radio doivent renforcer");
    expect(text).toContain(quote);
  });

  it("falls back to related words when none of the asker's words is in the passage", () => {
    const text = [filler(15), "Il faut rendre compte au Comité permanent.", filler(15)].join(" ");
    const { quote } = focusQuote(text, new Set(["bao", "cao"]), undefined, new Set(["rendre", "compte"]));
    expect(quote).toContain("rendre compte");
  });
});
