/**
 * Names of things that travel outside the process: the button actions a reminder carries (which
 * come back from Telegram and Slack when pressed) and the delivery keys of the ledger.
 *
 * An occurrence is named "<deadlineId>.<YYYYMMDD>" (its nominal date), e.g. "bc-quy.20250320";
 * with ids of at most 20 characters an action is at most 59 bytes, under Telegram's 64.
 */
import type { ChatRef } from "../store/index.js";
import { isLocalDate, type LocalDate } from "./calendar/index.js";
import { chatSpec, ID_PATTERN } from "./model.js";

/** What a reminder button asks: "done" (Đã báo cáo / Reported) or "ext" (Xin gia hạn / Need extension). */
export type ReminderActionKind = "done" | "ext";

/** A parsed reminder action: which unit answers about which occurrence of which deadline. */
export interface ReminderAction {
  kind: ReminderActionKind;
  deadlineId: string;
  occurrence: LocalDate;
  unitId: string;
}

/** The short reference of an occurrence, "bc-quy.20250320"; also what `/extend` and `/done` may take. */
export function occurrenceRef(deadlineId: string, occurrence: LocalDate): string {
  return `${deadlineId}.${occurrence.replaceAll("-", "")}`;
}

/** Reads "bc-quy.20250320" back; null when malformed. */
export function parseOccurrenceRef(ref: string): { deadlineId: string; occurrence: LocalDate } | null {
  const m = /^([a-z0-9][a-z0-9-]{0,19})\.(\d{4})(\d{2})(\d{2})$/.exec(ref.trim());
  if (!m?.[1]) return null;
  const occurrence = `${m[2]}-${m[3]}-${m[4]}`;
  return isLocalDate(occurrence) ? { deadlineId: m[1], occurrence } : null;
}

/** The button action for a unit's answer, e.g. "rem:done:bc-quy.20250320:so-noi-vu". */
export function reminderAction(
  kind: ReminderActionKind,
  deadlineId: string,
  occurrence: LocalDate,
  unitId: string,
) {
  return `rem:${kind}:${occurrenceRef(deadlineId, occurrence)}:${unitId}`;
}

/**
 * Parses a button action (`Inbound.action`) made by `reminderAction`; null for anything else, so a
 * chat feature can try it first and fall through. Use it in the lead's deadlines feature.
 */
export function parseReminderAction(action: string): ReminderAction | null {
  const m = /^rem:(done|ext):([^:]+):([^:]+)$/.exec(action);
  if (!m?.[2] || !m[3] || !ID_PATTERN.test(m[3])) return null;
  const occ = parseOccurrenceRef(m[2]);
  if (!occ) return null;
  return { kind: m[1] as ReminderActionKind, ...occ, unitId: m[3] };
}

/** Delivery keys: one per (what, occurrence, unit or group, step, chat); unique in the ledger. */
export const deliveryKey = {
  reminder: (d: string, occ: LocalDate, unit: string, step: string, chat: ChatRef) =>
    `r|${d}|${occ}|${unit}|${step}|${chatSpec(chat)}`,
  escalation: (d: string, occ: LocalDate, date: LocalDate, chat: ChatRef) =>
    `e|${d}|${occ}|${date}|${chatSpec(chat)}`,
  digestPrefix: (recipient: string, monday: LocalDate) => `w|${recipient}|${monday}|`,
  digest: (recipient: string, monday: LocalDate, chat: ChatRef) =>
    `w|${recipient}|${monday}|${chatSpec(chat)}`,
  extensionRequest: (d: string, occ: LocalDate, unit: string, at: string, chat: ChatRef) =>
    `x|${d}|${occ}|${unit}|${at}|${chatSpec(chat)}`,
  extensionGranted: (d: string, occ: LocalDate, unit: string, due: LocalDate, chat: ChatRef) =>
    `g|${d}|${occ}|${unit}|${due}|${chatSpec(chat)}`,
};

/** Reads "bc-quy.20250320:so-noi-vu" (occurrence and unit, as `/approve` and `/done` may take them); null if malformed. */
export function parseAnswerRef(
  ref: string,
): { deadlineId: string; occurrence: LocalDate; unitId: string } | null {
  const [occ, unitId, ...rest] = ref.trim().split(":");
  const parsed = occ ? parseOccurrenceRef(occ) : null;
  if (!parsed || !unitId || rest.length > 0 || !ID_PATTERN.test(unitId)) return null;
  return { ...parsed, unitId };
}
