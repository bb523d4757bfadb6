import {
  type AnswerRef,
  formatDueDate,
  grantExtension,
  markReported,
  parseAnswerRef,
  parseOccurrenceRef,
  parseReminderAction,
  requestExtension,
  statusTable,
} from "../../reminders/index.js";
import type { Lang } from "../../text/index.js";
import type { Feature, Turn } from "../core.js";
import type { Reply } from "../types.js";
import {
  isAdmin,
  type ReminderChatOptions,
  readDate,
  refusalText,
  refuseNonAdmin,
  replyLang,
  say,
} from "./reminders-shared.js";

/**
 * A unit's answers: the "Đã báo cáo" / "Xin gia hạn" buttons under a reminder (answered privately,
 * to the presser), `/done [ref]` and `/extend [ref] [reason]` typed in the unit's chat, and
 * `/approve REF DD/MM/YYYY` in the supervising chat. Mount before `ask`.
 */
export function reminderAnswersFeature(options: ReminderChatOptions): Feature {
  const { store } = options;
  const holidays = options.holidays ?? {};

  const names = (r: { deadlineId: string; unitId: string }) => ({
    unit: store.units.get(r.unitId)?.name ?? r.unitId,
    title: store.deadlines.get(r.deadlineId)?.title ?? r.deadlineId,
  });

  function report(ref: AnswerRef, lang: Lang, asPrivate: boolean): Reply[] {
    const done = markReported(store, ref, holidays);
    const replies = done.ok
      ? say(lang, "doneOk", { ...names(ref), due: formatDueDate(done.due) })
      : refusalText(lang, done, names(ref));
    return replies.map((r) => ({ ...r, private: asPrivate }));
  }

  function extend(ref: AnswerRef & { reason?: string }, lang: Lang, asPrivate: boolean): Reply[] {
    const asked = requestExtension(store, ref, holidays);
    const replies = asked.ok
      ? say(lang, "extendOk", { ...names(ref), due: formatDueDate(asked.due) })
      : refusalText(lang, asked, names(ref));
    return replies.map((r) => ({ ...r, private: asPrivate }));
  }

  // What `/done` or `/extend` typed in a unit's chat is about: the ref when given (an answer ref, an
  // occurrence ref or a deadline id), narrowed to the units this chat is linked to; the most urgent first.
  function resolve(turn: Turn, ref: string | undefined): AnswerRef | { missing: string } | null {
    const { msg } = turn;
    const by = `${msg.messenger}:${msg.userId}`;
    const at = turn.now();
    const full = ref ? parseAnswerRef(ref) : null;
    if (full) return { ...full, by, at };
    const occ = ref ? parseOccurrenceRef(ref) : null;
    const deadlineId = occ?.deadlineId ?? ref;
    if (deadlineId && !store.deadlines.get(deadlineId)) return { missing: ref ?? deadlineId };
    const units = new Set(store.subscriptions.ofChat(msg.messenger, msg.chatId).map((s) => s.unitId));
    const row = statusTable(store, at, { ...holidays, ...(deadlineId ? { deadlineId } : {}) }).find(
      (r) =>
        units.has(r.unitId) &&
        r.state !== "on-time" &&
        r.state !== "late" &&
        (!occ || r.occurrence === occ.occurrence),
    );
    return row
      ? { deadlineId: row.deadlineId, occurrence: row.occurrence, unitId: row.unitId, by, at }
      : null;
  }

  function approve(turn: Turn, lang: Lang): Reply[] {
    if (!isAdmin(turn.msg, options.admins)) return refuseNonAdmin(lang);
    const [refText, dateText, ...rest] = turn.args.split(/\s+/).filter(Boolean);
    const ref = refText ? parseAnswerRef(refText) : null;
    const newDue = dateText ? readDate(dateText) : null;
    if (!ref || !newDue || rest.length > 0) return say(lang, "approveUsage");
    const granted = grantExtension(
      store,
      { ...ref, newDue, by: `${turn.msg.messenger}:${turn.msg.userId}`, at: turn.now() },
      holidays,
    );
    if (!granted.ok) return refusalText(lang, granted, names(ref));
    return say(lang, "approveOk", { ...names(ref), due: formatDueDate(granted.due) });
  }

  return {
    name: "reminder-answers",
    async handle(turn) {
      const lang = replyLang(turn);
      const { msg } = turn;
      if (msg.action) {
        const action = parseReminderAction(msg.action);
        if (!action) return null;
        const ref = { ...action, by: `${msg.messenger}:${msg.userId}`, at: turn.now() };
        return action.kind === "done" ? report(ref, lang, true) : extend(ref, lang, true);
      }
      const command = turn.command;
      if (command === "approve" || command === "duyet") return approve(turn, lang);
      const isDone = command === "done" || command === "xong" || command === "dabaocao";
      const isExtend = command === "extend" || command === "giahan";
      if (!isDone && !isExtend) return null;
      const [first, ...rest] = turn.args.split(/\s+/).filter(Boolean);
      // The first word is a reference when it looks like one; otherwise `/extend` takes it all as the reason.
      const looksLikeRef = !!first && (/^[a-z0-9-]+(\.\d{8})?(:[a-z0-9-]+)?$/.test(first) || isDone);
      const found = resolve(turn, looksLikeRef ? first : undefined);
      if (!found) return say(lang, "nothingOwed");
      if ("missing" in found) return say(lang, "noRef", { ref: found.missing });
      if (isDone) return report(found, lang, false);
      const reason = (looksLikeRef ? rest : [first, ...rest]).filter(Boolean).join(" ");
      return extend(reason ? { ...found, reason } : found, lang, false);
    },
  };
}
