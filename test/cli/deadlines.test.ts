import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `cadre deadlines suggest|accept|status` through the real entry point, as a child process.

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/directives-vi");
const tmp = mkdtempSync(path.join(tmpdir(), "cadre-deadlines-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cadre(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .filter((l) => l)
    .map((l) => JSON.parse(l));

// A directive written with the phrasings of issue 5's "Done when", and a French one with no period.
const DIRECTIVE = `TỈNH ỦY HÀ TĨNH
Số: 99-KH/TU
KẾ HOẠCH
Thực hiện công tác dân vận năm 2025

III. TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thị ủy, thành ủy định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 25/11) báo cáo kết quả về Ban Thường vụ Tỉnh ủy.
2. Các sở, ban, ngành báo cáo nhanh hằng tháng trước ngày 25 về Văn phòng Tỉnh ủy.
3. Sở Nội vụ báo cáo kết quả sơ kết về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.
4. Ban Dân vận Tỉnh ủy báo cáo hằng quý, trước ngày 20 của tháng cuối quý về Ban Thường vụ Tỉnh ủy.
`;
const FRENCH =
  "PLAN\nLes comités du Parti des districts rendent compte périodiquement au Comité permanent du Comité provincial du Parti.\n";

function corpus(): string {
  const dir = path.join(tmp, "corpus");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "ke-hoach-99-KH-TU.txt"), DIRECTIVE);
  writeFileSync(path.join(dir, "plan-12-fr.txt"), FRENCH);
  return dir;
}

describe("cadre deadlines suggest", () => {
  it("reads the issue's phrasings: rules, the coming year's working-day dates, the sentence and the units", () => {
    const dir = corpus();
    const r = cadre(["deadlines", "suggest", "--json", "--corpus", dir, "--data", path.join(tmp, "d1")]);
    expect(r.status, r.stderr).toBe(0);
    const got = lines(r.stdout);
    // --from defaults to today: check the shape, then the dates over a fixed window below.
    for (const s of got)
      expect(Object.keys(s)).toEqual([
        "docNumber",
        "file",
        "quote",
        "kind",
        "rule",
        "dates",
        "units",
        "recipient",
      ]);
    const fixed = lines(
      cadre([
        "deadlines",
        "suggest",
        "--json",
        "--from",
        "2025-07-01",
        "--corpus",
        dir,
        "--data",
        path.join(tmp, "d1"),
      ]).stdout,
    );
    const text = readFileSync(path.join(dir, "ke-hoach-99-KH-TU.txt"), "utf8");
    for (const s of fixed.filter((x) => x.file === "ke-hoach-99-KH-TU.txt")) {
      expect(text.includes(s.quote)).toBe(true);
      expect(s.docNumber).toBe("99-KH/TU");
    }
    const brief = fixed.map((s) => [s.kind, s.rule, s.dates, s.units, s.recipient]);
    expect(brief).toEqual([
      [
        "semiannual",
        "every six months, before 10 June",
        ["2026-06-10"],
        ["huyện ủy", "thị ủy", "thành ủy"],
        "Ban Thường vụ Tỉnh ủy",
      ],
      [
        "annual",
        "annually, before 25 November",
        ["2025-11-25"],
        ["huyện ủy", "thị ủy", "thành ủy"],
        "Ban Thường vụ Tỉnh ủy",
      ],
      [
        "monthly",
        "monthly, before the 25th",
        // 25/10/2025 and 25/4/2026 are Saturdays, 25/1/2026 a Sunday: the previous working day
        [
          "2025-07-25",
          "2025-08-25",
          "2025-09-25",
          "2025-10-24",
          "2025-11-25",
          "2025-12-25",
          "2026-01-23",
          "2026-02-25",
          "2026-03-25",
          "2026-04-24",
          "2026-05-25",
          "2026-06-25",
        ],
        ["sở, ban, ngành"],
        "Văn phòng Tỉnh ủy",
      ],
      ["once", "once, before 15 December 2025", ["2025-12-15"], ["Sở Nội vụ"], "Ủy ban nhân dân tỉnh"],
      [
        "quarterly",
        "quarterly, before the 20th of the quarter's last month",
        ["2025-09-19", "2025-12-19", "2026-03-20", "2026-06-19"],
        ["Ban Dân vận Tỉnh ủy"],
        "Ban Thường vụ Tỉnh ủy",
      ],
      [
        "periodic",
        "periodically, no date stated",
        [],
        ["comités du Parti des districts"],
        "Comité permanent du Comité provincial du Parti",
      ],
    ]);
    // A dated one-off is listed even outside the window; recurring rules only inside it.
    const later = lines(
      cadre([
        "deadlines",
        "suggest",
        "--json",
        "--from",
        "2026-01-01",
        "--until",
        "2026-02-28",
        "--corpus",
        dir,
        "--data",
        path.join(tmp, "d1"),
      ]).stdout,
    );
    expect(later.find((s) => s.kind === "once")?.dates).toEqual(["2025-12-15"]);
    expect(later.find((s) => s.kind === "monthly")?.dates).toEqual(["2026-01-23", "2026-02-25"]);
    expect(later.find((s) => s.kind === "annual")?.dates).toEqual([]);
  }, 180_000);

  it("finds the duties of the Vietnamese fixture directives, each quote verbatim in its file", () => {
    const r = cadre([
      "deadlines",
      "suggest",
      "--json",
      "--from",
      "2025-01-01",
      "--corpus",
      FIXTURES,
      "--data",
      path.join(tmp, "d2"),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const got = lines(r.stdout);
    expect(got.map((s) => `${s.docNumber} ${s.kind}`)).toEqual([
      "05-CT/TU semiannual",
      "05-CT/TU annual",
      "09-CT/TU once",
      "09-CT/TU once",
      "09-CT/TU monthly",
      "09-CT/TU once",
      "11-CT/TU once",
      "11-CT/TU once",
      "11-CT/TU once",
      "11-CT/TU semiannual",
      "11-CT/TU annual",
      "14-CT/TU once",
      "14-CT/TU once",
      "17-CT/TU once",
      "17-CT/TU once",
      "18/CT-UBND once",
      "18/CT-UBND once",
      "24/CT-UBND once",
      "24/CT-UBND semiannual",
      "24/CT-UBND annual",
      "24/CT-UBND once",
      "26-CT/TU once",
      "26-CT/TU once",
      "26-CT/TU once",
      "215-CV/HU once",
      "112/KH-UBND once",
      "112/KH-UBND monthly",
      "112/KH-UBND quarterly",
      "112/KH-UBND once",
      "112/KH-UBND once",
      "131/KH-UBND once",
      "131/KH-UBND once",
      "131/KH-UBND monthly",
      "131/KH-UBND once",
      "131/KH-UBND once",
      "131/KH-UBND once",
      "187/KH-UBND once",
      "187/KH-UBND once",
      "187/KH-UBND quarterly",
      "187/KH-UBND once",
      "96-KH/TU once",
      "96-KH/TU semiannual",
      "96-KH/TU annual",
      "08-QĐi/TU annual",
    ]);
    for (const s of got)
      expect(readFileSync(path.join(FIXTURES, s.file), "utf8").includes(s.quote)).toBe(true);
    expect(got[0].dates).toEqual(["2025-06-10"]);
    expect(got[24]).toMatchObject({ dates: ["2025-05-05"], units: ["chi bộ", "đảng bộ trực thuộc"] });
    // "Chế độ báo cáo: các huyện ủy, …": the units follow the label, which is not one of them.
    expect(got[12]).toMatchObject({ dates: ["2025-12-15"], units: ["huyện ủy", "thị ủy", "thành ủy"] });
    // 24/CT-UBND (08/12/2025): "định kỳ 6 tháng (trước ngày 10/6/2026) và hằng năm (trước ngày
    // 10/11/2026) … về Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường)". Each period is dated
    // by its brackets; no date is due before the directive (10/6/2025, 10/11/2025 are not listed).
    const communes = ["Ủy ban nhân dân các xã, phường"];
    expect(got.slice(17, 21).map((s) => [s.rule, s.dates, s.units, s.recipient])).toEqual([
      ["once, before 26 December 2025", ["2025-12-26"], communes, "Sở Nông nghiệp và Môi trường"],
      ["every six months, before 10 June", [], communes, "Ủy ban nhân dân tỉnh"],
      ["annually, before 10 November", [], communes, "Ủy ban nhân dân tỉnh"],
      // 05/12/2026 is a Saturday.
      [
        "once, before 5 December 2026",
        ["2026-12-04"],
        ["Sở Nông nghiệp và Môi trường"],
        "Chủ tịch Ủy ban nhân dân tỉnh",
      ],
    ]);
  });

  it("rejects a malformed date with one line naming the option, exit 2", () => {
    const r = cadre([
      "deadlines",
      "suggest",
      "--from",
      "1/7/2025",
      "--corpus",
      FIXTURES,
      "--data",
      path.join(tmp, "d3"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("cadre: --from must be a date YYYY-MM-DD (got '1/7/2025')");
  });
});

describe("cadre deadlines accept and status", () => {
  it("turns a suggestion into a deadline whose units are found by alias, then shows each unit's status", () => {
    const dir = corpus();
    const data = path.join(tmp, "d4");
    const config = path.join(tmp, "config");
    mkdirSync(config, { recursive: true });
    writeFileSync(
      path.join(config, "units.yaml"),
      `units:
  - id: so-ban-nganh
    name: Các sở, ban, ngành tỉnh
    aliases: ["sở, ban, ngành"]
  - id: vp-tu
    name: Văn phòng Tỉnh ủy
  - id: so-noi-vu
    name: Sở Nội vụ
`,
    );
    const common = ["--corpus", dir, "--data", data, "--config", config];
    const plain = cadre(["deadlines", "suggest", ...common]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("3. [s-");
    expect(plain.stdout).toContain("hằng tháng, trước ngày 25");

    // Suggestion 1 names units that are not declared: refused with what to do.
    const refused = cadre(["deadlines", "accept", "1", ...common]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /^cadre: cannot accept suggestion 1: no unit named huyện ủy .*units\.yaml/,
    );

    // The periodic duty has no date to remind of.
    expect(cadre(["deadlines", "accept", "6", ...common]).stderr).toContain("states no date (periodic)");

    const ok = cadre(["deadlines", "accept", "3", "--json", "--id", "bc-thang", ...common]);
    expect(ok.status, ok.stderr).toBe(0);
    const [deadline] = lines(ok.stdout);
    expect(deadline).toMatchObject({
      id: "bc-thang",
      docNumber: "99-KH/TU",
      unitIds: ["so-ban-nganh"],
      recipientId: "vp-tu",
      rule: { kind: "monthly", day: 25 },
      quote: "Các sở, ban, ngành báo cáo nhanh hằng tháng trước ngày 25 về Văn phòng Tỉnh ủy.",
    });
    // By id, with the units given on the command line (the sentence names Ban Dân vận, not declared).
    const id = /\d\. \[(s-[0-9a-f]{6})\] 99-KH\/TU: hằng quý/.exec(plain.stdout)?.[1];
    expect(id).toBeDefined();
    const quarterly = cadre([
      "deadlines",
      "accept",
      id ?? "",
      "--units",
      "so-noi-vu",
      "--recipient",
      "vp-tu",
      ...common,
    ]);
    expect(quarterly.status, quarterly.stderr).toBe(0);
    expect(quarterly.stdout).toContain(`Đã thêm hạn báo cáo ${id}`);

    const status = cadre(["deadlines", "status", "bc-thang", "--json", ...common]);
    expect(status.status, status.stderr).toBe(0);
    const rows = lines(status.stdout);
    // A monthly deadline always has an occurrence in the next 31 days, owed by its one unit.
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({
        deadlineId: "bc-thang",
        unitId: "so-ban-nganh",
        state: "pending",
        reportedAt: null,
      });
    const all = lines(cadre(["deadlines", "status", "--json", ...common]).stdout);
    expect(new Set(all.map((r) => r.deadlineId))).toContain("bc-thang");
    expect(cadre(["deadlines", "status", "nope", ...common]).stderr.trim()).toBe(
      "cadre: no deadline 'nope' (see cadre deadlines status)",
    );
  }, 180_000);
});
