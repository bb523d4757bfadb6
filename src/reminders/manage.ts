/**
 * What chat commands change: units, the chats that reach them, deadlines, and a unit's answers
 * (reported, extension requested, extension granted). Expected failures come back as values with a
 * stable `code` (the chat feature words them); each change runs in one store transaction.
 */
import type { ChatRef, DeadlineRecord, StatusRecord, Store, UnitRecord } from "../store/index.js";
import {
  DEFAULT_PLAN,
  type HolidayOptions,
  isLocalDate,
  type LocalDate,
  localDateOf,
} from "./calendar/index.js";
import { DeadlineInputSchema, findUnit, UnitInputSchema } from "./model.js";
import { dueFor, occurrenceOf, type UnitState, unitState } from "./schedule.js";

/** Why a change was refused. */
export type ManageCode =
  | "invalid-input"
  | "no-such-unit"
  | "no-such-deadline"
  | "no-such-occurrence"
  | "not-owed"
  | "already-reported"
  | "not-later";

/** An expected refusal: the code, a one-line English explanation for logs, and the offending value. */
export type Refusal = { ok: false; code: ManageCode; message: string; value?: string };
/** A change's result. */
export type Result<T> = ({ ok: true } & T) | Refusal;

const refuse = (code: ManageCode, message: string, value?: string): Refusal =>
  value === undefined ? { ok: false, code, message } : { ok: false, code, message, value };

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "input"}: ${issue.message}` : "invalid input";
}

/** Adds or updates a unit (and links its listed chats). `input` follows `UnitInputSchema`. */
export function addUnit(store: Store, input: unknown, at: Date): Result<{ unit: UnitRecord }> {
  const parsed = UnitInputSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid-input", firstIssue(parsed.error));
  const u = parsed.data;
  return store.transaction(() => {
    if (u.parent && !store.units.get(u.parent))
      return refuse("no-such-unit", `no parent unit ${u.parent}`, u.parent);
    const unit: UnitRecord = {
      id: u.id,
      name: u.name,
      aliases: u.aliases,
      parentId: u.parent ?? null,
      lang: u.lang ?? null,
      source: "chat",
    };
    store.units.put(unit);
    for (const chat of u.chats)
      store.subscriptions.add({ ...chat, unitId: u.id, source: "chat" }, at.toISOString());
    return { ok: true as const, unit };
  });
}

/** Links a chat to the unit named by id, name or alias (`/subscribe UNIT`); `added` false if it was linked. */
export function subscribeChat(
  store: Store,
  unitText: string,
  chat: ChatRef,
  at: Date,
): Result<{ unit: UnitRecord; added: boolean }> {
  const unit = findUnit(store.units.list(), unitText);
  if (!unit) return refuse("no-such-unit", `no unit named ${unitText}`, unitText);
  const added = store.subscriptions.add({ ...chat, unitId: unit.id, source: "chat" }, at.toISOString());
  return { ok: true, unit, added };
}

/** Unlinks a chat from a unit (`/unsubscribe UNIT`); `removed` false if it was not linked. */
export function unsubscribeChat(
  store: Store,
  unitText: string,
  chat: ChatRef,
): Result<{ unit: UnitRecord; removed: boolean }> {
  const unit = findUnit(store.units.list(), unitText);
  if (!unit) return refuse("no-such-unit", `no unit named ${unitText}`, unitText);
  return { ok: true, unit, removed: store.subscriptions.remove(unit.id, chat) };
}

/**
 * Turns deadline input into a record, resolving unit and recipient names against `units`.
 * Refusals name the first unit that matches nothing. Shared by `addDeadline` and the YAML loader.
 */
export function deadlineFromInput(
  input: unknown,
  units: readonly UnitRecord[],
  source: "yaml" | "chat",
): Result<{ deadline: DeadlineRecord }> {
  const parsed = DeadlineInputSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid-input", firstIssue(parsed.error));
  const d = parsed.data;
  const unitIds: string[] = [];
  for (const name of d.units) {
    const unit = findUnit(units, name);
    if (!unit) return refuse("no-such-unit", `no unit named ${name}`, name);
    if (!unitIds.includes(unit.id)) unitIds.push(unit.id);
  }
  const recipient = d.recipient === undefined ? null : findUnit(units, d.recipient);
  if (d.recipient !== undefined && !recipient)
    return refuse("no-such-unit", `no unit named ${d.recipient}`, d.recipient);
  const deadline: DeadlineRecord = {
    id: d.id,
    title: d.title,
    docNumber: d.docNumber ?? null,
    task: d.task ?? null,
    quote: d.quote ?? null,
    unitIds,
    recipientId: recipient?.id ?? null,
    rule: d.rule,
    zone: d.zone,
    shiftToWorkingDay: d.shiftToWorkingDay,
    plan: { ...DEFAULT_PLAN, ...d.plan },
    startsOn: d.startsOn ?? null,
    active: d.active,
    source,
  };
  return { ok: true, deadline };
}

/**
 * Adds or replaces a deadline from a chat command (`/deadline add`, an accepted suggestion). Unless
 * the input says `startsOn`, reminders start with the occurrences due from `at` (the day it is
 * added, in the deadline's zone): a deadline added today does not chase last month's report.
 */
export function addDeadline(store: Store, input: unknown, at: Date): Result<{ deadline: DeadlineRecord }> {
  return store.transaction(() => {
    const made = deadlineFromInput(input, store.units.list(), "chat");
    if (!made.ok) return made;
    const deadline = {
      ...made.deadline,
      startsOn: made.deadline.startsOn ?? localDateOf(at, made.deadline.zone),
    };
    store.deadlines.put(deadline);
    return { ok: true as const, deadline };
  });
}

/** Which unit answers about which occurrence, who did it, and when. */
export interface AnswerRef {
  deadlineId: string;
  occurrence: LocalDate;
  unitId: string;
  by: string;
  at: Date;
}

const emptyStatus = (r: AnswerRef): StatusRecord => ({
  deadlineId: r.deadlineId,
  occurrence: r.occurrence,
  unitId: r.unitId,
  reportedAt: null,
  reportedBy: null,
  extensionRequestedAt: null,
  extensionRequestedBy: null,
  extensionReason: null,
  extendedDue: null,
  extensionGrantedAt: null,
  extensionGrantedBy: null,
});

// Loads what an answer is about, inside the caller's transaction, or says why it cannot be.
function answerContext(store: Store, r: AnswerRef, holidays: HolidayOptions) {
  const deadline = store.deadlines.get(r.deadlineId);
  if (!deadline) return refuse("no-such-deadline", `no deadline ${r.deadlineId}`, r.deadlineId);
  if (!deadline.unitIds.includes(r.unitId))
    return refuse("not-owed", `${r.unitId} does not owe ${r.deadlineId}`, r.unitId);
  const occ = isLocalDate(r.occurrence) ? occurrenceOf(deadline, r.occurrence, holidays) : null;
  if (!occ)
    return refuse("no-such-occurrence", `${r.deadlineId} has no occurrence on ${r.occurrence}`, r.occurrence);
  const status = store.statuses.get(r.deadlineId, r.occurrence, r.unitId) ?? emptyStatus(r);
  return { ok: true as const, deadline, occ, status };
}

/**
 * Records that a unit reported (the "Đã báo cáo" button or `/done`): reminders for that occurrence
 * stop. The first report counts; a second returns `already-reported` with nothing changed.
 */
export function markReported(
  store: Store,
  r: AnswerRef,
  holidays: HolidayOptions = {},
): Result<{ state: UnitState; due: LocalDate }> {
  return store.transaction(() => {
    const c = answerContext(store, r, holidays);
    if (!c.ok) return c;
    if (c.status.reportedAt)
      return refuse("already-reported", `reported at ${c.status.reportedAt}`, c.status.reportedAt);
    const status = { ...c.status, reportedAt: r.at.toISOString(), reportedBy: r.by };
    store.statuses.put(status);
    return {
      ok: true as const,
      state: unitState(c.deadline, c.occ, status, r.at),
      due: dueFor(c.occ, status),
    };
  });
}

/** Records an extension request (the "Xin gia hạn" button or `/extend`); the dispatcher tells the supervising chat. */
export function requestExtension(
  store: Store,
  r: AnswerRef & { reason?: string },
  holidays: HolidayOptions = {},
): Result<{ due: LocalDate }> {
  return store.transaction(() => {
    const c = answerContext(store, r, holidays);
    if (!c.ok) return c;
    if (c.status.reportedAt)
      return refuse("already-reported", `reported at ${c.status.reportedAt}`, c.status.reportedAt);
    const status = {
      ...c.status,
      extensionRequestedAt: r.at.toISOString(),
      extensionRequestedBy: r.by,
      extensionReason: r.reason ?? null,
    };
    store.statuses.put(status);
    return { ok: true as const, due: dueFor(c.occ, status) };
  });
}

/**
 * Grants an extension to `newDue` (the supervising chat approves): the unit's plan restarts from the
 * new date and the dispatcher tells the unit. The new date must be later than the current one.
 */
export function grantExtension(
  store: Store,
  r: AnswerRef & { newDue: LocalDate },
  holidays: HolidayOptions = {},
): Result<{ due: LocalDate }> {
  return store.transaction(() => {
    const c = answerContext(store, r, holidays);
    if (!c.ok) return c;
    if (c.status.reportedAt)
      return refuse("already-reported", `reported at ${c.status.reportedAt}`, c.status.reportedAt);
    if (!isLocalDate(r.newDue) || r.newDue <= dueFor(c.occ, c.status)) {
      return refuse("not-later", `the new due date must be after ${dueFor(c.occ, c.status)}`, r.newDue);
    }
    store.statuses.put({
      ...c.status,
      extendedDue: r.newDue,
      extensionGrantedAt: r.at.toISOString(),
      extensionGrantedBy: r.by,
    });
    return { ok: true as const, due: r.newDue };
  });
}
