import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupDocuments, hashBytes, parseVersion } from "../../src/corpus/index.js";
import { squash } from "../../src/text/index.js";

// The raw seed files under their original names, as the project was given them.
const SEEDS = path.resolve(import.meta.dirname, "../../../shared/seeds");
const CORPUS = path.resolve(import.meta.dirname, "../../corpus");
const dir = (() => {
  try {
    readFileSync(path.join(SEEDS, "000_47ee2a2a6edbd7b0.txt"));
    return SEEDS;
  } catch {
    return CORPUS;
  }
})();
const parse = (file: string) => {
  const text = readFileSync(path.join(dir, file), "utf8");
  return parseVersion({ file, text, hash: hashBytes(text) });
};

const fr1470 = parse("000_47ee2a2a6edbd7b0.txt");
const ja1470 = parse("004_38580ef53a787c49.txt");
const caoBang = parse("003_7c6a519dd1acbf51.txt");
const thaiBinh = parse("001_5b81355c00a4b54c.txt");
const bacGiang = parse("002_a23678b1d4c25978.txt");

describe("the seeds' structure", () => {
  it("reads 1470-CV/TU's own number and date, not the numbers it cites", () => {
    for (const v of [fr1470, ja1470]) {
      expect(v.number).toBe("1470-CV/TU");
      expect(v.date).toBe("2024-02-22");
      expect(v.cites).toContain("23-QD/TW");
      expect(v.cites).not.toContain("1470-CV/TU");
    }
    expect(fr1470.lang).toBe("fr");
    expect(ja1470.lang).toBe("ja");
    expect(fr1470.issuer).toMatch(/Comité permanent du Comité provincial du Parti/);
    expect(ja1470.issuer).toBe("省党委員会常務委員会");
  });

  it("finds the ten numbered tasks of 1470-CV/TU in both languages", () => {
    expect(fr1470.tasks.map((t) => t.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ja1470.tasks.map((t) => t.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fr1470.tasks[3]?.text).toMatch(/^4\. Veiller à la mise en œuvre effective/);
    expect(ja1470.tasks[3]?.text).toMatch(/^4\. 各レベルの国家行政機関/);
    // The closing paragraph after task 10 is not part of it.
    expect(fr1470.tasks[9]?.text).not.toMatch(/est chargé de superviser/);
  });

  it("records the body a task assigns", () => {
    expect(fr1470.tasks[6]?.assignee).toBe("Le Département de la propagande du Comité provincial du Parti");
    expect(ja1470.tasks[6]?.assignee).toBe("省党委員会宣伝部");
    expect(fr1470.tasks[0]?.assignee).toBeNull();
  });

  it("reads the Cao Bang ordinal list as five tasks and its repeated paragraphs once", () => {
    expect(caoBang.tasks.map((t) => t.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(caoBang.tasks[0]?.text).toMatch(/^Premièrement, il convient de renforcer/);
    expect(caoBang.tasks[4]?.text).toMatch(/^Cinquièmement/);
    const keys = caoBang.passages.map((p) => squash(p.text));
    expect(new Set(keys).size).toBe(keys.length);
    const modelParagraph = keys.filter((k) =>
      k.startsWith("Au cours du processus de mise en œuvre, le projet n° 08-DA/TU"),
    );
    expect(modelParagraph).toHaveLength(1);
    // An article about a project is not that project: it has no number of its own.
    expect(caoBang.number).toBeNull();
  });

  it("drops web-page leftovers", () => {
    const all = [fr1470, thaiBinh, bacGiang, caoBang]
      .flatMap((v) => v.passages.map((p) => p.text))
      .join("\n");
    expect(all).not.toMatch(
      /Footer Banner|Comment \(0\)|Même sujet|Laissez un commentaire|Photo d'illustration/,
    );
    expect(thaiBinh.passages.some((p) => p.text.includes("cathédrale Notre-Dame"))).toBe(false);
    expect(thaiBinh.date).toBe("2023-12-21");
    expect(bacGiang.number).toBeNull();
  });

  it("keeps every passage a verbatim slice of its file", () => {
    for (const v of [fr1470, ja1470, caoBang, thaiBinh, bacGiang]) {
      for (const p of v.passages) expect(v.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it("links the French and Japanese versions of 1470-CV/TU as one document", () => {
    const docs = groupDocuments([fr1470, ja1470, caoBang, thaiBinh, bacGiang]);
    expect(docs).toHaveLength(4);
    const doc = docs.find((d) => d.number === "1470-CV/TU");
    expect(doc?.versions.map((v) => v.lang).sort()).toEqual(["fr", "ja"]);
  });
});
