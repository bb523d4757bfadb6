/**
 * What one deadline owes the chats at an instant: the reminder steps, escalations and extension
 * notices that are due and not yet in the delivery ledger, each with a unique key.
 *
 * Catch-up after downtime, per (deadline, occurrence, unit, chat): of the steps already due and not
 * in the ledger only the latest may go out; the earlier ones are recorded as skipped, so a restart
 * never bursts. The latest goes out as itself when it is at most `graceMs` late. Beyond that it is
 * stale: if the due date has passed it becomes ONE overdue notice, sent now under the key of the
 * first overdue step (an overdue step itself when it is one), so the plan's overdue count still
 * bounds the notices; if the due date has not passed it is skipped, and a later step (the due-day
 * one at the latest) still comes.
 */
import type {
  ChatRef,
  DeadlineRecord,
  DeliveryTarget,
  StatusRecord,
  Store,
  Subscription,
} from "../store/index.js";
import { deliveryKey } from "./actions.js";
import {
  addDays,
  type HolidayOptions,
  type LocalDate,
  localDateOf,
  type Occurrence,
  type PlannedStep,
} from "./calendar/index.js";
import {
  dueFor,
  escalationAt,
  escalationDate,
  lookbackDays,
  occurrenceOf,
  occurrencesNear,
  planFor,
} from "./schedule.js";

/** One decision: send this target now, or record it as skipped (never sent) with a reason. */
export type Decision = { send: DeliveryTarget } | { skip: DeliveryTarget; reason: string };

/** What the decisions depend on besides the store. */
export interface TargetOptions {
  now: Date;
  graceMs: number;
  holidays: HolidayOptions;
  /** The chats of a unit (a tick reads all subscriptions once; see `chatIndex`). */
  chats: (unitId: string) => ChatRef[];
}

/** Every unit's chats from one read of the subscriptions, for one tick. */
export function chatIndex(store: Store): (unitId: string) => ChatRef[] {
  const byUnit = new Map<string, ChatRef[]>();
  for (const s of store.subscriptions.list())
    byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), chatOf(s)]);
  return (unitId) => byUnit.get(unitId) ?? [];
}

/** A subscription as the chat it names. */
export const chatOf = (s: Subscription): ChatRef =>
  s.threadId
    ? { messenger: s.messenger, chatId: s.chatId, threadId: s.threadId }
    : { messenger: s.messenger, chatId: s.chatId };

// Occurrences near today, plus those a granted extension keeps open past the window.
function openOccurrences(
  d: DeadlineRecord,
  today: LocalDate,
  statuses: StatusRecord[],
  holidays: HolidayOptions,
) {
  const list = occurrencesNear(d, today, holidays);
  for (const s of statuses) {
    if (!s.extendedDue || list.some((o) => o.nominal === s.occurrence)) continue;
    const occ = occurrenceOf(d, s.occurrence, holidays);
    if (occ && s.extendedDue >= addDays(today, -lookbackDays(d))) list.push(occ);
  }
  return list;
}

/** The step's name in the ledger: after an extension the plan restarts, under new names. */
export function stepName(step: string, status: StatusRecord | null): string {
  return status?.extendedDue ? `${step}@${status.extendedDue}` : step;
}

function reminderDecisions(
  d: DeadlineRecord,
  occ: Occurrence,
  unitId: string,
  status: StatusRecord | null,
  chats: ChatRef[],
  existing: Set<string>,
  o: TargetOptions,
): Decision[] {
  const due = dueFor(occ, status);
  const steps = planFor(d, due, o.holidays);
  const past = steps.filter((s) => s.at <= o.now);
  if (past.length === 0) return [];
  const out: Decision[] = [];
  const target = (s: PlannedStep, chat: ChatRef, plannedAt: Date): DeliveryTarget => {
    const step = stepName(s.step, status);
    const key = deliveryKey.reminder(d.id, occ.nominal, unitId, step, chat);
    return {
      key,
      kind: "reminder",
      deadlineId: d.id,
      unitId,
      occurrence: occ.nominal,
      step,
      ...chat,
      plannedAt: plannedAt.toISOString(),
    };
  };
  const firstOverdue = steps.find((s) => s.step.startsWith("overdue-"));
  for (const chat of chats) {
    const pending = past.filter((s) => !existing.has(target(s, chat, s.at).key));
    const latest = pending.at(-1);
    if (!latest) continue;
    for (const s of pending.slice(0, -1))
      out.push({ skip: target(s, chat, s.at), reason: "superseded by a later step" });
    if (o.now.getTime() - latest.at.getTime() <= o.graceMs) {
      out.push({ send: target(latest, chat, latest.at) });
    } else if (localDateOf(o.now, d.zone) > due) {
      const folded = latest.step.startsWith("overdue-") ? latest : firstOverdue;
      if (folded !== latest)
        out.push({ skip: target(latest, chat, latest.at), reason: "stale; folded into one overdue notice" });
      if (folded && !existing.has(target(folded, chat, o.now).key))
        out.push({ send: target(folded, chat, o.now) });
    } else {
      out.push({ skip: target(latest, chat, latest.at), reason: "stale; a later step follows" });
    }
  }
  return out;
}

/** Every decision for deadline `d` at `o.now`, reading units, chats, statuses and the ledger from `store`. */
export function decisionsFor(store: Store, d: DeadlineRecord, o: TargetOptions): Decision[] {
  const today = localDateOf(o.now, d.zone);
  const statuses = store.statuses.list({ deadlineId: d.id });
  const occs = openOccurrences(d, today, statuses, o.holidays);
  if (occs.length === 0) return [];
  const from = occs.reduce((min, x) => (x.nominal < min ? x.nominal : min), occs[0]?.nominal ?? today);
  const existing = store.deliveries.keysOf(d.id, from);
  const byKey = new Map(statuses.map((s) => [`${s.occurrence}|${s.unitId}`, s]));
  const chats = o.chats;
  const supervisors = d.recipientId ? chats(d.recipientId) : [];
  const out: Decision[] = [];
  for (const occ of occs) {
    const escalations = new Map<LocalDate, Date>();
    for (const unitId of d.unitIds) {
      const status = byKey.get(`${occ.nominal}|${unitId}`) ?? null;
      if (status?.reportedAt) continue;
      out.push(...reminderDecisions(d, occ, unitId, status, chats(unitId), existing, o));
      const due = dueFor(occ, status);
      const at = escalationAt(d, due, o.holidays);
      if (at <= o.now) escalations.set(escalationDate(d, due, o.holidays), at);
      const base = { deadlineId: d.id, unitId, occurrence: occ.nominal };
      if (status?.extensionRequestedAt && !status.extendedDue) {
        for (const chat of supervisors) {
          const key = deliveryKey.extensionRequest(
            d.id,
            occ.nominal,
            unitId,
            status.extensionRequestedAt,
            chat,
          );
          if (!existing.has(key))
            out.push({
              send: {
                key,
                kind: "extension-request",
                ...base,
                step: null,
                ...chat,
                plannedAt: status.extensionRequestedAt,
              },
            });
        }
      }
      if (status?.extendedDue && status.extensionGrantedAt) {
        for (const chat of chats(unitId)) {
          const key = deliveryKey.extensionGranted(d.id, occ.nominal, unitId, status.extendedDue, chat);
          if (!existing.has(key))
            out.push({
              send: {
                key,
                kind: "extension-granted",
                ...base,
                step: null,
                ...chat,
                plannedAt: status.extensionGrantedAt,
              },
            });
        }
      }
    }
    for (const [date, at] of escalations) {
      for (const chat of supervisors) {
        const key = deliveryKey.escalation(d.id, occ.nominal, date, chat);
        const target: DeliveryTarget = {
          key,
          kind: "escalation",
          deadlineId: d.id,
          unitId: null,
          occurrence: occ.nominal,
          step: `escalation@${date}`,
          ...chat,
          plannedAt: at.toISOString(),
        };
        if (!existing.has(key)) out.push({ send: target });
      }
    }
  }
  return out;
}
