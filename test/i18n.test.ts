import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPhrases, t } from "../src/i18n/index.js";

describe("the bot's phrases", () => {
  it("exist in all four languages with the same placeholders", () => {
    const phrases = loadPhrases();
    expect(phrases.vi.size).toBeGreaterThan(20);
    expect(
      t("vi", "answer.noSuchTask", { doc: "1470-CV/TU", max: 10, n: 11, number: "1470-CV/TU" }),
    ).toContain("1470-CV/TU có các nhiệm vụ 1–10");
  });

  it("stop start-up when a language lacks a phrase", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "locales-"));
    writeFileSync(path.join(dir, "vi.yaml"), "a: 'x {n}'\nb: y\n");
    writeFileSync(path.join(dir, "en.yaml"), "a: 'x {m}'\n");
    writeFileSync(path.join(dir, "fr.yaml"), "a: 'x {n}'\nb: y\n");
    writeFileSync(path.join(dir, "ja.yaml"), "a: 'x {n}'\nb: y\n");
    expect(() => loadPhrases(`${dir}/`)).toThrow(
      /en\.yaml: 'a' must use the placeholders \{n\}[\s\S]*en\.yaml: missing 'b'/,
    );
  });
});
