/**
 * From a ledger target to the notice to send, read fresh at send time: a retry or a recovered claim
 * says what is true now (days left, who is still missing), and a target that no longer needs
 * sending (the unit reported, the deadline was removed, an extension replaced the plan) is skipped.
 */
import type { DeliveryTarget, Store, UnitRecord } from "../store/index.js";
import { isLang, type Lang } from "../text/index.js";
import { addDays, type HolidayOptions, localDateOf } from "./calendar/index.js";
import { stepName } from "./dispatch-targets.js";
import type { Notice } from "./messages.js";
import { daysLeft, dueFor, escalationDate, occurrenceOf } from "./schedule.js";
import { statusTable } from "./status.js";

/** A notice and the language of the chat it goes to, or why the target needs no send any more. */
export type NoticeOrSkip = { notice: Notice; lang: Lang } | { skip: string };

const langOf = (unit: UnitRecord | null): Lang => (isLang(unit?.lang) ? unit.lang : "vi");

function digest(store: Store, t: DeliveryTarget, now: Date, holidays: HolidayOptions): NoticeOrSkip {
  const recipient = t.unitId ? store.units.get(t.unitId) : null;
  if (!recipient || !t.occurrence) return { skip: "the supervising unit was removed" };
  const supervised = new Set(
    store.deadlines
      .list({ active: true })
      .filter((d) => d.recipientId === recipient.id)
      .map((d) => d.id),
  );
  const soon = addDays(localDateOf(now), 7);
  const rows = statusTable(store, now, holidays).filter(
    (r) =>
      supervised.has(r.deadlineId) &&
      (r.state === "missing" ||
        r.state === "extension-requested" ||
        ((r.state === "pending" || r.state === "extended") && r.due <= soon)),
  );
  return { notice: { kind: "digest", recipient, week: t.occurrence, rows }, lang: langOf(recipient) };
}

/** The notice for `t` at `now`, or a reason to record it as skipped instead. */
export function noticeFor(
  store: Store,
  t: DeliveryTarget,
  now: Date,
  holidays: HolidayOptions,
): NoticeOrSkip {
  if (t.kind === "digest") return digest(store, t, now, holidays);
  const deadline = t.deadlineId ? store.deadlines.get(t.deadlineId) : null;
  if (!deadline?.active) return { skip: "the deadline was removed or deactivated" };
  const occ = t.occurrence ? occurrenceOf(deadline, t.occurrence, holidays) : null;
  if (!occ) return { skip: "the rule no longer has this occurrence" };
  const supervisor = deadline.recipientId ? store.units.get(deadline.recipientId) : null;
  if (t.kind === "escalation") {
    const date = t.step?.replace(/^escalation@/, "") ?? "";
    const today = localDateOf(now, deadline.zone);
    const missing = deadline.unitIds.flatMap((id) => {
      const s = store.statuses.get(deadline.id, occ.nominal, id);
      const due = dueFor(occ, s);
      const unit = store.units.get(id);
      return !s?.reportedAt && unit && today > due && escalationDate(deadline, due, holidays) === date
        ? [{ unit, due }]
        : [];
    });
    const first = missing[0];
    if (!first) return { skip: "every unit has reported" };
    const units = missing.map((m) => m.unit);
    return {
      notice: { kind: "escalation", deadline, occurrence: occ.nominal, due: first.due, units },
      lang: langOf(supervisor),
    };
  }
  const unit = t.unitId ? store.units.get(t.unitId) : null;
  if (!unit) return { skip: "the unit was removed" };
  const status = store.statuses.get(deadline.id, occ.nominal, unit.id);
  if (status?.reportedAt) return { skip: "the unit has reported" };
  const due = dueFor(occ, status);
  const base = { deadline, occurrence: occ.nominal, due, unit };
  switch (t.kind) {
    case "reminder": {
      if (t.step !== stepName(t.step?.split("@")[0] ?? "", status))
        return { skip: "an extension replaced this plan" };
      return {
        notice: { kind: "reminder", step: t.step ?? "", ...base, daysLeft: daysLeft(deadline, due, now) },
        lang: langOf(unit),
      };
    }
    case "extension-request":
      if (!status?.extensionRequestedAt || status.extendedDue) return { skip: "the request was answered" };
      return {
        notice: { kind: "extension-request", ...base, reason: status.extensionReason },
        lang: langOf(supervisor),
      };
    case "extension-granted":
      return { notice: { kind: "extension-granted", ...base }, lang: langOf(unit) };
  }
}
