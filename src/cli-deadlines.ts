import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { extractDocx, extractPdf } from "./corpus/formats/index.js";
import { listCorpus, readVersion } from "./corpus/index.js";
import { DEFAULT_ZONE, isLocalDate, type LocalDate, localDateOf } from "./reminders/calendar/index.js";
import {
  addDeadline,
  applyReminderConfig,
  formatDueDate,
  loadReminderConfig,
  statusJsonLines,
  statusTable,
} from "./reminders/index.js";
import {
  oneYearAfter,
  pickSuggestion,
  type Suggestion,
  suggestDeadlines,
  suggestionInput,
  suggestionJson,
  suggestionText,
} from "./reminders/suggest.js";
import { DATABASE_FILE, openSqliteStore, type Store } from "./store/index.js";

/**
 * `cadre deadlines suggest|accept|status` (DESIGN §3.1, §3.3): duties found in the corpus, one
 * accepted into a real deadline, and where every unit stands. Bad input throws `DeadlinesUsageError`
 * (cli.ts prints it on one line and exits 2).
 */

/** Bad input to a `deadlines` subcommand; the message says what to type instead. */
export class DeadlinesUsageError extends Error {}

/** The options of `cadre deadlines` (already parsed by cli.ts). */
export interface DeadlinesArgs {
  corpusDir: string;
  dataDir: string;
  json: boolean;
  from?: string;
  until?: string;
  /** The folder of units.yaml/deadlines.yaml; default ./config when it exists. */
  configDir?: string;
  units?: string;
  recipient?: string;
  id?: string;
  title?: string;
  out: (text: string) => void;
  now?: Date;
}

function dateOption(name: string, value: string | undefined, fallback: LocalDate): LocalDate {
  if (value === undefined) return fallback;
  if (!isLocalDate(value))
    throw new DeadlinesUsageError(`--${name} must be a date YYYY-MM-DD (got '${value}')`);
  return value;
}

async function suggestions(a: DeadlinesArgs, now: Date): Promise<Suggestion[]> {
  if (!existsSync(a.corpusDir) || !statSync(a.corpusDir).isDirectory())
    throw new DeadlinesUsageError(`corpus folder not found: ${a.corpusDir} (give one with --corpus DIR)`);
  const from = dateOption("from", a.from, localDateOf(now, DEFAULT_ZONE));
  const until = dateOption("until", a.until, oneYearAfter(from));
  if (until < from) throw new DeadlinesUsageError(`--until (${until}) is before --from (${from})`);
  const versions = [];
  for (const file of await listCorpus(a.corpusDir)) {
    const read = await readVersion(file, { pdf: extractPdf, docx: extractDocx });
    if (read.ok) versions.push(read.version);
  }
  return suggestDeadlines(versions, { from, until });
}

/** The store under --data, with units.yaml/deadlines.yaml applied; the caller closes nothing (process exit). */
export function openReminderStore(dataDir: string, configDir: string | undefined, now: Date): Store {
  const { store } = openSqliteStore(path.join(dataDir, DATABASE_FILE));
  const dir = configDir ?? (existsSync("config") ? "config" : undefined);
  if (dir) applyReminderConfig(store, loadReminderConfig(dir, store.units.list()), now);
  return store;
}

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s);

/** Runs `cadre deadlines ACTION …`; returns the exit status. */
export async function runDeadlines(action: string | undefined, rest: string[], a: DeadlinesArgs) {
  const now = a.now ?? new Date();
  switch (action) {
    case "suggest": {
      const found = await suggestions(a, now);
      if (a.json) for (const s of found) a.out(`${JSON.stringify(suggestionJson(s))}\n`);
      else if (found.length === 0) a.out("Không tìm thấy nhiệm vụ báo cáo nào trong văn bản.\n");
      else for (const [i, s] of found.entries()) a.out(`${suggestionText(s, i + 1)}\n\n`);
      return 0;
    }
    case "accept": {
      const [ref] = rest;
      if (!ref)
        throw new DeadlinesUsageError("say which suggestion: cadre deadlines accept 3 (or its id, s-…)");
      const found = await suggestions(a, now);
      const s = pickSuggestion(found, ref);
      if (!s)
        throw new DeadlinesUsageError(
          `no suggestion '${ref}' (there are ${found.length}; see cadre deadlines suggest)`,
        );
      const input = suggestionInput(s, {
        id: a.id,
        title: a.title,
        units: list(a.units),
        recipient: a.recipient,
      });
      if (!input)
        throw new DeadlinesUsageError(
          `suggestion ${ref} states no date (${s.kind}); add it in deadlines.yaml with a rule`,
        );
      if ((input.units as string[]).length === 0)
        throw new DeadlinesUsageError(`the sentence names no unit: add --units "Sở Nội vụ,UBND huyện"`);
      const store = openReminderStore(a.dataDir, a.configDir, now);
      const added = addDeadline(store, input, now);
      if (!added.ok) {
        const hint =
          added.code === "no-such-unit"
            ? " (declare the unit in config/units.yaml or /unit add, or name known units with --units)"
            : "";
        throw new DeadlinesUsageError(`cannot accept suggestion ${ref}: ${added.message}${hint}`);
      }
      const d = added.deadline;
      if (a.json) a.out(`${JSON.stringify(d)}\n`);
      else a.out(`Đã thêm hạn báo cáo ${d.id}: ${d.title} (${d.unitIds.join(", ")}).\n`);
      return 0;
    }
    case "status": {
      const [deadlineId] = rest;
      const store = openReminderStore(a.dataDir, a.configDir, now);
      if (deadlineId && !store.deadlines.get(deadlineId))
        throw new DeadlinesUsageError(`no deadline '${deadlineId}' (see cadre deadlines status)`);
      const rows = statusTable(store, now, deadlineId ? { deadlineId } : {});
      if (a.json) a.out(statusJsonLines(rows));
      else
        for (const r of rows) a.out(`${r.deadlineId}\t${formatDueDate(r.due)}\t${r.unitName}\t${r.state}\n`);
      return 0;
    }
    default:
      throw new DeadlinesUsageError(
        "deadlines needs 'suggest', 'accept N' or 'status': cadre deadlines suggest --json",
      );
  }
}
