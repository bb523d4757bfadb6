import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Concept,
  Glossary,
  GlossaryError,
  loadGlossary,
  parseGlossary,
} from "../../src/search/glossary.js";
import { readGlossaryYaml, readValidGlossary } from "../../src/search/glossary-schema.js";
import { LANGS } from "../../src/text/index.js";

const GLOSSARY = fileURLToPath(new URL("../../glossary/domain.yaml", import.meta.url));
const corpusFile = (name: string) => fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url));

// The numbered tasks ("1. …" to "10. …") of a seed file, by number.
function tasksOf(file: string): Map<number, string> {
  const tasks = new Map<number, string>();
  for (const line of readFileSync(corpusFile(file), "utf8").split("\n")) {
    const m = /^(\d+)\.\s/.exec(line);
    if (m) tasks.set(Number(m[1]), line);
  }
  return tasks;
}

let g: Glossary;
beforeAll(async () => {
  g = await loadGlossary(GLOSSARY);
});

describe("the shipped glossary", () => {
  it("loads with at least 180 concepts and unique kebab-case ids", () => {
    expect(g.size).toBeGreaterThanOrEqual(180);
    const ids = g.ids();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has the concepts retrieval relies on", () => {
    const required = [
      "task",
      "report",
      "deadline",
      "complaint",
      "denunciation",
      "petition",
      "citizen-reception",
      "dialogue",
      "media",
      "propaganda",
      "inspection",
      "supervision",
      "social-criticism",
      "fatherland-front",
      "people-committee",
      "people-council",
      "party-committee",
      "party-standing-committee",
      "propaganda-department",
      "mass-mobilisation-commission",
      "administrative-procedure",
      "administrative-reform",
      "online-filing",
      "one-stop-shop",
      "digital-transformation",
      "emulation-movement",
      "skilled-mass-mobilisation",
      "grassroots-democracy",
      "ethnic-minority",
      "religion",
      "poverty-reduction",
      "new-rural-area",
      "social-security",
      "public-ethics",
      "cadre",
      "civil-servant",
      "public-employee",
      "province",
      "district",
      "commune",
      "directive",
      "resolution",
      "decision",
      "conclusion",
      "plan",
      "project",
      "regulation",
      "official-letter",
      "legal-article",
      "clause",
      "point",
      "people-know",
      "people-discuss",
      "people-do",
      "people-inspect",
      "people-supervise",
      "people-benefit",
      "monthly",
      "quarterly",
      "semiannual",
      "annual",
    ];
    expect(required.filter((id) => g.concept(id) === undefined)).toEqual([]);
  });

  it("finds every one of its own forms as that form's concept", () => {
    const misses: string[] = [];
    for (const id of g.ids()) {
      for (const lang of LANGS) {
        for (const form of g.termsFor(id, lang)) {
          const found = g.conceptsIn(form, lang);
          if (found.length !== 1 || found[0]?.id !== id) misses.push(`${id} ${lang} "${form}"`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("expands a concept into each language's terms", () => {
    expect(g.termsFor("complaint", "fr")).toContain("plainte");
    expect(g.termsFor("complaint", "ja")).toContain("苦情");
    expect(g.termsFor("fatherland-front", "vi")).toContain("mặt trận tổ quốc");
    expect(g.termsFor("no-such-concept", "en")).toEqual([]);
    g.termsFor("complaint", "en").push("mutated");
    expect(g.termsFor("complaint", "en")).not.toContain("mutated");
  });
});

describe("conceptsIn", () => {
  it("maps the French and Japanese task 4 sentences to the same reception and complaint concepts", () => {
    const fr =
      "Améliorer la qualité et l'efficacité de l'accueil, du contrôle et du traitement des plaintes des citoyens";
    const ja = "国民の受入れ、審査、苦情処理の質と効果を向上させる。";
    const frIds = g.idsIn(fr, "fr");
    const jaIds = g.idsIn(ja, "ja");
    for (const id of ["citizen-reception", "complaint", "settlement", "quality", "effectiveness"]) {
      expect(frIds).toContain(id);
      expect(jaIds).toContain(id);
    }
    expect(g.idsIn(fr.replaceAll("'", "’"), "fr")).toEqual(frIds);
  });

  it("gives a Vietnamese question the same concepts with and without diacritics, and its English twin too", () => {
    const vi = "tiếp công dân và giải quyết khiếu nại";
    const found = g.conceptsIn(vi, "vi");
    expect(found.map((m) => vi.slice(m.start, m.end))).toEqual(["tiếp công dân", "giải quyết", "khiếu nại"]);
    expect(found.map((m) => m.id)).toEqual(["citizen-reception", "settlement", "complaint"]);
    expect(g.idsIn("tiep cong dan va giai quyet khieu nai", "vi")).toEqual(found.map((m) => m.id));
    expect(g.idsIn("TIẾP CÔNG DÂN và giải quyết KHIẾU NẠI")).toEqual(found.map((m) => m.id));
    const en = g.idsIn("who handles complaints and citizen reception", "en");
    expect([...en].sort()).toEqual(found.map((m) => m.id).sort());
  });

  it("is case-insensitive and folds diacritics in Latin scripts", () => {
    for (const text of ["réforme administrative", "REFORME ADMINISTRATIVE", "Réforme Administrative"]) {
      expect(g.idsIn(text, "fr")).toEqual(["administrative-reform"]);
    }
    expect(g.idsIn("FRONT DE LA PATRIE")).toEqual(["fatherland-front"]);
    expect(g.idsIn("dang uy va ban dan van", "vi")).toEqual([
      "party-committee",
      "mass-mobilisation-commission",
    ]);
    expect(g.idsIn("mise en oeuvre", "fr")).toEqual(["implementation"]);
  });

  it("treats the old and new Vietnamese tone placement alike", () => {
    expect(g.idsIn("Uỷ ban nhân dân", "vi")).toEqual(["people-committee"]);
    expect(g.idsIn("Ủy ban nhân dân", "vi")).toEqual(["people-committee"]);
    expect(g.idsIn("hoà giải ở cơ sở", "vi")).toEqual(["mediation"]);
  });

  it("does not fold words that lack diacritics inside text written with them", () => {
    const ids = g.idsIn("Lãnh đạo quan tâm đến việc ban hành văn bản", "vi");
    expect(ids).toEqual(["leadership", "promulgation", "document"]);
    expect(g.idsIn("uy ban nhan dan quan", "vi")).toEqual(["people-committee", "district"]);
  });

  it("matches whole words only and stops at punctuation", () => {
    expect(g.idsIn("les zones frontalières", "fr")).toEqual(["border"]);
    expect(g.idsIn("pour accueillir Noël", "fr")).toEqual([]);
    expect(g.idsIn("la réforme. Administrative", "fr")).toEqual(["reform", "administration"]);
  });

  it("lets function words vary inside a term", () => {
    expect(g.idsIn("mobilisation de la masse", "fr")).toEqual(["mass-mobilisation"]);
    expect(g.idsIn("mobilisation des masses", "fr")).toEqual(["mass-mobilisation"]);
    expect(g.idsIn("công tác dân vận của chính quyền", "vi")).toEqual(["mass-mobilisation", "government"]);
  });

  it("keeps a capitalised function word of a name: 'Son La' is not any French 'son'", () => {
    expect(g.idsIn("il a vendu son vélo", "fr")).toEqual([]);
    expect(g.idsIn("la province de Son La", "fr")).toContain("place-son-la");
    expect(g.idsIn("Son La province", "en")).toContain("place-son-la");
  });

  it("prefers the longest term, keeping an overlapping one only for a word of its own", () => {
    const dept = "le Département de la propagande et de la mobilisation des masses";
    const [only, ...rest] = g.conceptsIn(dept, "fr");
    expect(rest).toEqual([]);
    expect(only?.id).toBe("propaganda-and-mass-mobilisation-commission");
    expect(dept.slice(only?.start, only?.end)).toBe(
      "Département de la propagande et de la mobilisation des masses",
    );
    expect(g.idsIn("« mobilisation de masse efficace »", "fr")).toEqual(["skilled-mass-mobilisation"]);
    expect(g.conceptsIn("省党委員会大衆動員部", "ja")).toEqual([
      { id: "provincial-party-committee", start: 0, end: 5 },
      { id: "mass-mobilisation-commission", start: 5, end: 10 },
    ]);
    // "lịch tiếp" and "tiếp công dân" share a word: both are meant. "dân quân" (militia) has no word
    // that the People's Committee and the district leave it.
    expect(g.idsIn("thực hiện đầy đủ lịch tiếp công dân", "vi")).toEqual([
      "implementation",
      "schedule",
      "citizen-reception",
    ]);
    expect(g.idsIn("uy ban nhan dan quan", "vi")).toEqual(["people-committee", "district"]);
    for (const file of ["000_47ee2a2a6edbd7b0.txt", "004_38580ef53a787c49.txt"]) {
      const found = g.conceptsIn(readFileSync(corpusFile(file), "utf8"));
      expect(found.length).toBeGreaterThan(100);
      // Never one inside another; where two overlap, the later one reaches further.
      for (let k = 1; k < found.length; k++) {
        const [a, b] = [found[k - 1]!, found[k]!];
        expect(b.start >= a.end || (b.start > a.start && b.end > a.end)).toBe(true);
      }
    }
  });

  it("restricts matching to the language asked for", () => {
    expect(g.idsIn("対話", "fr")).toEqual([]);
    expect(g.idsIn("dialogue", "ja")).toEqual([]);
    expect(g.idsIn("dialogue", "en")).toEqual(["dialogue"]);
    expect(g.idsIn("対話と dialogue")).toEqual(["dialogue"]);
    expect(g.conceptsIn("対話と dialogue")).toHaveLength(2);
  });

  it("reads full-width Latin letters in Japanese text", () => {
    expect(g.idsIn("ＰＡＰＩ指数", "ja")).toEqual(["governance-index"]);
  });
});

describe("cross-language coverage of the seed 1470-CV/TU (French 000, Japanese 004)", () => {
  const fr = tasksOf("000_47ee2a2a6edbd7b0.txt");
  const ja = tasksOf("004_38580ef53a787c49.txt");

  it("has the ten numbered tasks in both versions", () => {
    expect([...fr.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...ja.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    "task %i shares at least 3 concepts across the two languages",
    (n) => {
      const frIds = new Set(g.idsIn(fr.get(n)!, "fr"));
      const shared = g.idsIn(ja.get(n)!, "ja").filter((id) => frIds.has(id));
      expect(shared.length).toBeGreaterThanOrEqual(3);
    },
  );

  it("ties each task's own subject across languages", () => {
    const both = (n: number, id: string) => {
      expect(g.idsIn(fr.get(n)!, "fr")).toContain(id);
      expect(g.idsIn(ja.get(n)!, "ja")).toContain(id);
    };
    both(3, "digital-transformation");
    both(4, "citizen-reception");
    both(5, "skilled-mass-mobilisation");
    both(6, "public-ethics");
    both(7, "propaganda-department");
    both(8, "social-criticism");
    both(9, "direct-democracy");
    both(10, "report");
  });
});

describe("loading a glossary file", () => {
  const dir = mkdtempSync(join(tmpdir(), "glossary-"));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const errorsOf = (path: string): readonly string[] => {
    const result = parseGlossary(readFileSync(path, "utf8"), path);
    return result.ok ? [] : result.errors;
  };

  it("names the file, the line and the field of an empty language list", async () => {
    const path = write(
      "empty-fr.yaml",
      "concepts:\n  - id: report\n    vi: [báo cáo]\n    en: [report]\n    fr: []\n    ja: [報告]\n",
    );
    expect(errorsOf(path)).toEqual([`${path}:5: concept 'report': fr must be a non-empty list`]);
    await expect(loadGlossary(path)).rejects.toThrow(GlossaryError);
    await expect(loadGlossary(path)).rejects.toThrow(
      `${path}:5: concept 'report': fr must be a non-empty list`,
    );
  });

  it("points a missing list at its concept and a bad item at its own line", () => {
    const path = write(
      "items.yaml",
      [
        "concepts:",
        "  - id: report",
        "    vi: [báo cáo]",
        "    en: [report]",
        "    ja: [報告]",
        "  - id: complaint",
        "    vi: [khiếu nại]",
        "    en: [complaint]",
        "    fr:",
        "      - plainte",
        '      - ""',
        "    ja: [苦情]",
        "",
      ].join("\n"),
    );
    expect(errorsOf(path)).toEqual([
      `${path}:2: concept 'report': fr must be a non-empty list`,
      `${path}:11: concept 'complaint': fr[1] must be a non-empty string`,
    ]);
  });

  it("rejects duplicate ids, unknown fields and ids that are not kebab-case", () => {
    let n = 0;
    const concept = (id: string, extra = "") => {
      n++;
      return `  - id: ${id}\n    vi: [a${n}]\n    en: [b${n}]\n    fr: [c${n}]\n    ja: [d${n}]\n${extra}`;
    };
    const path = write(
      "ids.yaml",
      `concepts:\n${concept("report")}${concept("report")}${concept("dialog", "    frr: [x]\n")}${concept("Bad Id")}`,
    );
    expect(errorsOf(path)).toEqual([
      `${path}:7: concept 'report': duplicate id (first at line 2)`,
      `${path}:17: concept 'dialog': unknown field 'frr' (expected id, vi, en, fr, ja, note)`,
      `${path}:18: concept 'Bad Id': id must be kebab-case (lower-case letters, digits and '-')`,
    ]);
  });

  it("rejects a form that two concepts claim, naming both", () => {
    const path = write(
      "clash.yaml",
      [
        "concepts:",
        "  - id: complaint",
        "    vi: [khiếu nại]",
        "    en: [complaint]",
        "    fr: [plainte]",
        "    ja: [苦情]",
        "  - id: grievance",
        "    vi: [bất bình]",
        "    en: [grievance]",
        "    fr: [doléance, plaintes]",
        "    ja: [不満]",
        "",
      ].join("\n"),
    );
    expect(errorsOf(path)).toEqual([
      `${path}:10: concept 'grievance': fr form "plaintes" already belongs to concept 'complaint' (line 2)`,
    ]);
  });

  it("rejects forms that could never match", () => {
    const path = write(
      "unusable.yaml",
      "concepts:\n  - id: city\n    vi: [tp. hồ chí minh]\n    en: [city]\n    fr: [de la]\n    ja: [市]\n",
    );
    expect(errorsOf(path)).toEqual([
      `${path}:3: concept 'city': vi form "tp. hồ chí minh" has punctuation between its words`,
      `${path}:5: concept 'city': fr form "de la" has no word to match`,
    ]);
  });

  it("reports YAML syntax errors and a wrong top level with their line", () => {
    const broken = write("broken.yaml", "concepts:\n  - id: report\n    vi: [báo cáo\n");
    const [syntax] = errorsOf(broken);
    expect(syntax).toMatch(new RegExp(`^${broken.replaceAll("\\", "\\\\")}:\\d+: invalid YAML: `));
    const wrong = write("wrong.yaml", "# a comment\nterms:\n  - id: report\n");
    expect(errorsOf(wrong)).toEqual([`${wrong}:2: the file must be a map with a non-empty list 'concepts'`]);
  });

  it("reads a valid file the quick way exactly as the positioned read does, and leaves anything wrong to it", () => {
    const plain = ({ id, vi, en, fr, ja }: Concept) => ({ id, vi, en, fr, ja });
    const shipped = readFileSync(GLOSSARY, "utf8");
    expect(readValidGlossary(shipped)).toEqual(readGlossaryYaml(shipped).concepts.map(plain));
    // Scalars the two libraries could read apart: quoted, folded, dates and numbers kept as text.
    const tricky = [
      "concepts:",
      "  - id: deadline",
      '    vi: ["hạn  báo cáo ", hạn chót]',
      "    en: [deadline, '2024-02-22']",
      "    fr:",
      "      - >-",
      "        date",
      "        limite",
      "    ja: [期限, 締切]",
    ].join("\n");
    expect(readValidGlossary(tricky)).toEqual(readGlossaryYaml(tricky).concepts.map(plain));
    expect(readValidGlossary(tricky)?.[0]?.fr).toEqual(["date limite"]);
    for (const wrong of [
      "concepts:\n  - id: report\n    vi: [báo cáo\n",
      "concepts:\n  - id: report\n    id: again\n    vi: [x]\n    en: [x]\n    fr: [x]\n    ja: [x]\n",
      "concepts:\n  - id: report\n    vi: [1470]\n    en: [x]\n    fr: [x]\n    ja: [x]\n",
    ]) {
      expect(readValidGlossary(wrong)).toBeNull();
      expect(readGlossaryYaml(wrong).problems.length).toBeGreaterThan(0);
    }
  });

  it("builds from concepts in memory and refuses clashes there too", () => {
    const report = { id: "report", vi: ["báo cáo"], en: ["report"], fr: ["rapport"], ja: ["報告"] };
    expect(Glossary.fromConcepts([report]).idsIn("un rapport")).toEqual(["report"]);
    const clash = { ...report, id: "dossier", fr: ["rapports"] };
    expect(() => Glossary.fromConcepts([report, clash])).toThrow(/already belongs to concept 'report'/);
  });
});
