/**
 * `units.yaml` and `deadlines.yaml` under a config folder: read, validated with zod, and every
 * problem reported as "file:line: field: what is wrong" (line numbers come from the yaml package's
 * node ranges), all at once so a secretary fixes the file in one pass. Then synced into the store.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { DeadlineRecord, Store, Subscription, UnitRecord } from "../store/index.js";
import { deadlineFromInput } from "./manage.js";
import { DeadlineInputSchema, findUnit, UnitInputSchema } from "./model.js";

/** One problem in a config file. */
export interface ConfigProblem {
  file: string;
  line: number;
  /** Where in the file, e.g. "deadlines[2].rule.day". */
  field: string;
  message: string;
}

/** The config files are wrong; `problems` lists each, the message prints them one per line. */
export class ReminderConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join("\n"));
    this.name = "ReminderConfigError";
  }
}

/** What the files declare. */
export interface ReminderConfig {
  units: UnitRecord[];
  subscriptions: Subscription[];
  deadlines: DeadlineRecord[];
}

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;

// A union's "Invalid input" says nothing: explain with the branch that matched the value's type,
// or list the allowed values when every branch is a literal.
function explain(issue: Issue): { path: Path; message: string } {
  const path = issue.path as Path;
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { path, message: issue.message };
  const branches = issue.errors.map((e) => e[0]).filter((e): e is Issue => e !== undefined);
  if (branches.every((e) => e.code === "invalid_value")) {
    const values = branches.flatMap((e) => (e.code === "invalid_value" ? e.values.map(String) : []));
    return { path, message: `expected one of ${values.join(", ")}` };
  }
  const typed = branches.find((e) => !(e.code === "invalid_type" && e.path.length === 0));
  if (!typed) return { path, message: issue.message };
  const inner = explain(typed);
  return { path: [...path, ...inner.path], message: inner.message };
}

class YamlFile {
  readonly problems: ConfigProblem[] = [];
  readonly doc: Document;
  private readonly lines = new LineCounter();
  constructor(
    readonly name: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines });
    for (const e of this.doc.errors)
      this.problems.push({
        file: name,
        line: e.linePos?.[0].line ?? 1,
        field: "(syntax)",
        message: e.message.split("\n")[0] ?? e.message,
      });
  }
  // The line of the deepest node the path reaches (a missing field points at its parent).
  lineOf(p: Path): number {
    for (let i = p.length; i >= 0; i -= 1) {
      const node = this.doc.getIn(p.slice(0, i), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }
  add(p: Path, message: string) {
    const field =
      p.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("") || "(top)";
    this.problems.push({ file: this.name, line: this.lineOf(p), field, message });
  }
  addIssues(base: Path, error: z.ZodError) {
    for (const issue of error.issues) {
      if (issue.code === "unrecognized_keys") {
        this.add(
          [...base, ...(issue.path as Path), issue.keys[0] ?? ""],
          `unknown field(s) ${issue.keys.join(", ")}`,
        );
      } else {
        const { path, message } = explain(issue);
        this.add([...base, ...path], message);
      }
    }
  }
  // The items of the top-level list `key`, validated one by one with `schema`.
  items<S extends z.ZodType>(key: string, schema: S): { index: number; value: z.output<S>; raw: unknown }[] {
    const top = z.strictObject({ [key]: z.array(z.unknown()).default([]) }).safeParse(this.doc.toJS() ?? {});
    if (!top.success) {
      this.addIssues([], top.error);
      return [];
    }
    const out: { index: number; value: z.output<S>; raw: unknown }[] = [];
    (top.data[key] as unknown[]).forEach((raw, index) => {
      const item = schema.safeParse(raw);
      if (item.success) out.push({ index, value: item.data, raw });
      else this.addIssues([key, index], item.error);
    });
    return out;
  }
}

function readFile(dir: string, name: string): YamlFile | null {
  const file = path.join(dir, name);
  return existsSync(file) ? new YamlFile(name, readFileSync(file, "utf8")) : null;
}

function loadUnits(file: YamlFile | null, config: ReminderConfig) {
  if (!file || file.problems.length > 0) return;
  const items = file.items("units", UnitInputSchema);
  const seen = new Set<string>();
  for (const { index, value: u } of items) {
    if (seen.has(u.id)) file.add(["units", index, "id"], `duplicate id ${u.id}`);
    seen.add(u.id);
    config.units.push({
      id: u.id,
      name: u.name,
      aliases: u.aliases,
      parentId: u.parent ?? null,
      lang: u.lang ?? null,
      source: "yaml",
    });
    for (const chat of u.chats) config.subscriptions.push({ ...chat, unitId: u.id, source: "yaml" });
  }
  for (const { index, value: u } of items) {
    if (u.parent && !seen.has(u.parent))
      file.add(["units", index, "parent"], `no unit with id ${u.parent} in units.yaml`);
    for (const [j, alias] of u.aliases.entries()) {
      const owners = config.units.filter((o) => findUnit([o], alias));
      if (owners.length > 1)
        file.add(
          ["units", index, "aliases", j],
          `"${alias}" also names ${owners.map((o) => o.id).join(", ")}`,
        );
    }
  }
}

function loadDeadlines(file: YamlFile | null, units: UnitRecord[], config: ReminderConfig) {
  if (!file || file.problems.length > 0) return;
  const seen = new Set<string>();
  for (const { index, value, raw } of file.items("deadlines", DeadlineInputSchema)) {
    if (seen.has(value.id)) file.add(["deadlines", index, "id"], `duplicate id ${value.id}`);
    seen.add(value.id);
    const made = deadlineFromInput(raw, units, "yaml");
    if (made.ok) config.deadlines.push(made.deadline);
    else {
      const at =
        made.value === value.recipient ? ["recipient"] : ["units", value.units.indexOf(made.value ?? "")];
      file.add(["deadlines", index, ...at], `${made.message}; declare it in units.yaml (id, name or alias)`);
    }
  }
}

/**
 * Reads `units.yaml` and `deadlines.yaml` from `dir` (either may be absent). Deadlines may name
 * units of the file or of `knownUnits` (those added by chat). Throws `ReminderConfigError`.
 */
export function loadReminderConfig(dir: string, knownUnits: readonly UnitRecord[] = []): ReminderConfig {
  const config: ReminderConfig = { units: [], subscriptions: [], deadlines: [] };
  const unitsFile = readFile(dir, "units.yaml");
  const deadlinesFile = readFile(dir, "deadlines.yaml");
  loadUnits(unitsFile, config);
  const fromFile = new Set(config.units.map((u) => u.id));
  loadDeadlines(deadlinesFile, [...config.units, ...knownUnits.filter((u) => !fromFile.has(u.id))], config);
  const problems = [...(unitsFile?.problems ?? []), ...(deadlinesFile?.problems ?? [])];
  if (problems.length > 0) throw new ReminderConfigError(problems);
  return config;
}

/** What a sync changed. */
export interface SyncReport {
  units: number;
  subscriptionsAdded: number;
  deadlines: number;
  /** YAML deadlines no longer in the file, now inactive (their history stays). */
  deactivated: string[];
}

/**
 * Writes the declared config into the store in one transaction (start-up, `cadre deadlines sync`):
 * units and deadlines are upserted, chats linked; a deadline that came from YAML and left the file
 * is deactivated. What chat commands added is kept.
 */
export function applyReminderConfig(store: Store, config: ReminderConfig, at: Date): SyncReport {
  return store.transaction(() => {
    for (const u of config.units) store.units.put(u);
    let subscriptionsAdded = 0;
    for (const s of config.subscriptions)
      if (store.subscriptions.add(s, at.toISOString())) subscriptionsAdded += 1;
    for (const d of config.deadlines) store.deadlines.put(d);
    const declared = new Set(config.deadlines.map((d) => d.id));
    const deactivated: string[] = [];
    for (const d of store.deadlines.list({ active: true })) {
      if (d.source === "yaml" && !declared.has(d.id)) {
        store.deadlines.put({ ...d, active: false });
        deactivated.push(d.id);
      }
    }
    return {
      units: config.units.length,
      subscriptionsAdded,
      deadlines: config.deadlines.length,
      deactivated,
    };
  });
}
