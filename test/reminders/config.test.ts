import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyReminderConfig, loadReminderConfig, ReminderConfigError } from "../../src/reminders/index.js";
import { createMemoryStore } from "../../src/store/index.js";

const root = mkdtempSync(path.join(tmpdir(), "cadre-remcfg-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function configDir(files: Record<string, string>): string {
  n += 1;
  const dir = path.join(root, `c${n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const UNITS = `units:
  - id: btv
    name: Ban Thường vụ Tỉnh ủy
    aliases: [BTV]
    chats: ["telegram:-1001"]
  - id: ban-dan-van
    name: Ban Dân vận Tỉnh ủy
    aliases: [BDV]
    parent: btv
    chats:
      - telegram:-1002
      - { messenger: slack, chatId: C0DANVAN, threadId: "1700000000.000100" }
`;

const DEADLINES = `deadlines:
  - id: bc-quy
    title: Báo cáo kết quả công tác dân vận quý
    docNumber: 1470-CV/TU
    task: 4
    units: [BDV]
    recipient: Ban Thường vụ Tỉnh ủy
    rule: { kind: quarterly, day: 20, month: last }
  - id: bc-6-thang
    title: Sơ kết 6 tháng
    units: [ban-dan-van]
    rule: { kind: semiannual, dates: [{ day: 10, month: 6 }] }
    shiftToWorkingDay: false
    plan: { daysBefore: [5], overdueCount: 1 }
`;

function problems(dir: string): string[] {
  try {
    loadReminderConfig(dir);
  } catch (error) {
    if (error instanceof ReminderConfigError)
      return error.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("units.yaml and deadlines.yaml", () => {
  it("load into units, chats and deadlines with defaults, names resolved by alias", () => {
    const config = loadReminderConfig(configDir({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES }));
    expect(config.units.map((u) => [u.id, u.parentId])).toEqual([
      ["btv", null],
      ["ban-dan-van", "btv"],
    ]);
    expect(config.subscriptions).toEqual([
      { messenger: "telegram", chatId: "-1001", unitId: "btv", source: "yaml" },
      { messenger: "telegram", chatId: "-1002", unitId: "ban-dan-van", source: "yaml" },
      {
        messenger: "slack",
        chatId: "C0DANVAN",
        threadId: "1700000000.000100",
        unitId: "ban-dan-van",
        source: "yaml",
      },
    ]);
    expect(config.deadlines[0]).toMatchObject({
      id: "bc-quy",
      unitIds: ["ban-dan-van"],
      recipientId: "btv",
      task: 4,
      zone: "Asia/Ho_Chi_Minh",
      shiftToWorkingDay: true,
    });
    expect(config.deadlines[1]?.plan).toEqual({
      daysBefore: [5],
      timeOfDay: "08:00",
      overdueEveryWorkingDays: 2,
      overdueCount: 1,
    });
  });

  it("report every problem with file, line and field", () => {
    const units = UNITS.replace("parent: btv", "parent: ubnd").replace(
      '"telegram:-1001"',
      '"telegram -1001"',
    );
    const deadlines = DEADLINES.replace("day: 20, month: last", "day: 20, month: late")
      .replace("units: [ban-dan-van]", "units: [ban-dan-van, Sở Y tế]")
      .replace("    task: 4\n", "    task: 4\n    owner: me\n");
    expect(problems(configDir({ "units.yaml": units, "deadlines.yaml": deadlines }))).toEqual([
      'units.yaml:5: units[0].chats[0]: expected "messenger:chatId", e.g. "telegram:-1001234567", got "telegram -1001"',
      "units.yaml:9: units[1].parent: no unit with id ubnd in units.yaml",
      "deadlines.yaml:9: deadlines[0].rule.month: expected one of first, last, 1, 2, 3",
      "deadlines.yaml:6: deadlines[0].owner: unknown field(s) owner",
      "deadlines.yaml:12: deadlines[1].units[1]: no unit named Sở Y tế; declare it in units.yaml (id, name or alias)",
    ]);
  });

  it("report YAML syntax errors and a missing required field at their lines", () => {
    expect(problems(configDir({ "units.yaml": "units:\n  - id: a\n    name: [unclosed\n" }))).toEqual([
      expect.stringMatching(
        /^units\.yaml:4: \(syntax\): Flow sequence in block collection must be sufficiently indented/,
      ),
    ]);
    expect(problems(configDir({ "units.yaml": "units:\n  - id: a\n  - id: b\n    name: B\n" }))).toEqual([
      "units.yaml:2: units[0].name: Invalid input: expected string, received undefined",
    ]);
  });

  it("sync into the store, keep chat-made records, and deactivate a YAML deadline that left the file", () => {
    const store = createMemoryStore();
    const at = new Date("2025-03-01T00:00:00Z");
    const dir = configDir({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES });
    expect(applyReminderConfig(store, loadReminderConfig(dir), at)).toEqual({
      units: 2,
      subscriptionsAdded: 3,
      deadlines: 2,
      deactivated: [],
    });
    store.subscriptions.add(
      { unitId: "btv", messenger: "slack", chatId: "C-BTV", source: "chat" },
      at.toISOString(),
    );
    writeFileSync(path.join(dir, "deadlines.yaml"), DEADLINES.split("  - id: bc-6-thang")[0] ?? "");
    expect(applyReminderConfig(store, loadReminderConfig(dir, store.units.list()), at)).toEqual({
      units: 2,
      subscriptionsAdded: 0,
      deadlines: 1,
      deactivated: ["bc-6-thang"],
    });
    expect(store.deadlines.list({ active: true }).map((d) => d.id)).toEqual(["bc-quy"]);
    expect(store.subscriptions.ofUnit("btv").map((s) => s.chatId)).toEqual(["-1001", "C-BTV"]);
  });

  it("are optional: an empty folder declares nothing", () => {
    expect(loadReminderConfig(configDir({}))).toEqual({ units: [], subscriptions: [], deadlines: [] });
  });
});

describe("the example files at the repository root", () => {
  it("load without a problem", () => {
    const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), "utf8");
    const config = loadReminderConfig(
      configDir({
        "units.yaml": read("units.example.yaml"),
        "deadlines.yaml": read("deadlines.example.yaml"),
      }),
    );
    expect(config.units).toHaveLength(4);
    expect(config.deadlines.map((d) => d.id)).toEqual([
      "bc-quy-dan-van",
      "bc-thang-snv",
      "so-ket-6-thang",
      "tong-ket-nam",
    ]);
    expect(config.deadlines[0]?.unitIds).toEqual(["ban-dan-van", "huyen-uy-can-loc"]);
  });
});
