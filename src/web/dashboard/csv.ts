/**
 * The dashboard's CSV export: UTF-8 with a byte-order mark (so Excel reads Vietnamese), CRLF line
 * ends, every field quoted (RFC 4180), one row per unit × occurrence.
 */
import { t } from "../../i18n/index.js";
import type { StatusRow } from "../../reminders/index.js";
import type { Lang } from "../../text/index.js";

const COLUMNS = [
  "deadlineId",
  "title",
  "docNumber",
  "task",
  "occurrence",
  "due",
  "unitId",
  "unitName",
  "state",
  "daysOverdue",
  "reportedAt",
  "extensionRequestedAt",
  "extensionReason",
] as const;

/**
 * One CSV field: quoted, quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, since names and reasons come from users.
 */
export function csvField(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The export: BOM, a header in `lang`, then the rows with their state worded in `lang`. */
export function statusCsv(rows: readonly StatusRow[], lang: Lang): string {
  const lines = [COLUMNS.map((c) => csvField(t(lang, `dashboard.csv.${c}`))).join(",")];
  for (const r of rows) {
    const cells = COLUMNS.map((c) => (c === "state" ? t(lang, `dashboard.state.${r.state}`) : r[c]));
    lines.push(cells.map(csvField).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
