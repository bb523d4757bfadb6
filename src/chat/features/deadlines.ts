import { t } from "../../i18n/index.js";
import {
  addDays,
  DEFAULT_ZONE,
  describeRule,
  type LocalDate,
  localDateOf,
  type Rule,
  suggestedDates,
} from "../../reminders/calendar/index.js";
import { extractDuties } from "../../reminders/extract/index.js";
import {
  addDeadline,
  deadlineFromInput,
  formatDueDate,
  suggestDeadlines,
  suggestionText,
} from "../../reminders/index.js";
import type { Lang } from "../../text/index.js";
import type { Feature, Turn } from "../core.js";
import type { Reply } from "../types.js";
import {
  isAdmin,
  type ReminderChatOptions,
  refusalText,
  refuseNonAdmin,
  replyLang,
  say,
  slugId,
} from "./reminders-shared.js";

/** The action of the "save" button under a deadline preview. */
export const SAVE_DRAFT_ACTION = "dl:save";
/** Most suggestions `/deadlines suggest` lists in one message. */
const SUGGESTIONS_SHOWN = 8;

/**
 * Reads a schedule written the way directives write it, in Vietnamese, English or French: "hằng
 * quý trước ngày 20 tháng cuối quý", "monthly before the 25th", "trước ngày 30/6/2025", "30/6/2025".
 * It reuses the directive reader (`extractDuties`) on a one-sentence duty; null when no dated rule.
 */
export function parseScheduleText(text: string, today: LocalDate): Rule | null {
  const when = /^\d/.test(text.trim()) ? `trước ngày ${text.trim()}` : text.trim();
  for (const sentence of [
    `Đơn vị báo cáo ${when}.`,
    `Units report ${when}.`,
    `Les unités rendent compte ${when}.`,
  ]) {
    const rule = extractDuties(sentence, { referenceDate: today }).find((d) => d.kind !== "periodic")?.rule;
    if (rule) return rule;
  }
  return null;
}

/**
 * `/deadlines` (the list), `/deadlines suggest` (duties found in the indexed directives), and
 * `/deadline add TITLE | UNITS | WHEN [| RECIPIENT]`: a preview with the rule in plain words and
 * the next dates, saved only by `/deadline confirm` or the preview's button (administrators only).
 */
export function deadlinesFeature(options: ReminderChatOptions): Feature {
  const { store } = options;
  const drafts = new Map<string, Record<string, unknown>>();
  const draftKey = (turn: Turn) => `${turn.msg.messenger}:${turn.msg.chatId}:${turn.msg.userId}`;
  const nextDates = (rule: Rule, zone: string, today: LocalDate) =>
    suggestedDates(rule, today, addDays(today, 400), { ...options.holidays, zone }).filter(
      (d) => d >= today || rule.kind === "once",
    );

  function list(turn: Turn, lang: Lang): Reply[] {
    const all = store.deadlines.list({ active: true });
    if (all.length === 0) return say(lang, "deadlinesEmpty");
    const names = new Map(store.units.list().map((u) => [u.id, u.name]));
    const lines = all.map((d) =>
      t(lang, "reminders.chat.deadlineLine", {
        id: d.id,
        title: d.title,
        rule: describeRule(d.rule, lang),
        next: nextDates(d.rule, d.zone, localDateOf(turn.now(), d.zone)).map(formatDueDate)[0] ?? "—",
        units: d.unitIds.map((id) => names.get(id) ?? id).join(", "),
      }),
    );
    return [
      { text: [t(lang, "reminders.chat.deadlinesTitle", { n: all.length }), ...lines].join("\n"), lang },
    ];
  }

  function suggest(turn: Turn, lang: Lang): Reply[] {
    const from = localDateOf(turn.now(), DEFAULT_ZONE);
    const versions = turn.deps.index.documents.flatMap((d) => d.versions);
    const found = suggestDeadlines(versions, { ...options.holidays, from });
    if (found.length === 0) return say(lang, "suggestEmpty");
    const shown = found.slice(0, SUGGESTIONS_SHOWN).map((s, i) => suggestionText(s, i + 1, lang));
    const more =
      found.length > SUGGESTIONS_SHOWN
        ? [t(lang, "reminders.chat.suggestMore", { n: found.length - SUGGESTIONS_SHOWN })]
        : [];
    const title = t(lang, "reminders.chat.suggestTitle", { n: found.length });
    return [{ text: [title, ...shown, ...more].join("\n\n"), lang }];
  }

  function draft(turn: Turn, lang: Lang, text: string): Reply[] {
    if (!isAdmin(turn.msg, options.admins)) return refuseNonAdmin(lang);
    const [title = "", unitText = "", when = "", recipient = "", ...extra] = text
      .split("|")
      .map((p) => p.trim());
    if (!title || !unitText || !when || extra.length > 0) return say(lang, "addUsage");
    const today = localDateOf(turn.now(), DEFAULT_ZONE);
    const rule = parseScheduleText(when, today);
    if (!rule) return say(lang, "addNoRule", { rule: when });
    let id = slugId(title, 16);
    for (let n = 2; store.deadlines.get(id); n += 1) id = `${slugId(title, 14)}-${n}`;
    const units = unitText
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    const input = { id, title, units, rule, ...(recipient ? { recipient } : {}) };
    const made = deadlineFromInput(input, store.units.list(), "chat");
    if (!made.ok) return refusalText(lang, made, { unit: made.value ?? "", title });
    drafts.set(draftKey(turn), input);
    const names = new Map(store.units.list().map((u) => [u.id, u.name]));
    const d = made.deadline;
    const text2 = t(lang, "reminders.chat.preview", {
      title,
      units: d.unitIds.map((u) => names.get(u) ?? u).join(", "),
      recipient: d.recipientId
        ? (names.get(d.recipientId) ?? d.recipientId)
        : t(lang, "reminders.chat.nobody"),
      rule: describeRule(rule, lang),
      dates: nextDates(rule, d.zone, today).slice(0, 3).map(formatDueDate).join(", ") || "—",
    });
    return [
      {
        text: text2,
        lang,
        buttons: [{ label: t(lang, "reminders.chat.confirmButton"), action: SAVE_DRAFT_ACTION }],
      },
    ];
  }

  function confirm(turn: Turn, lang: Lang, asPrivate: boolean): Reply[] {
    if (!isAdmin(turn.msg, options.admins)) return refuseNonAdmin(lang);
    const input = drafts.get(draftKey(turn));
    if (!input) return say(lang, "nothingToConfirm").map((r) => ({ ...r, private: asPrivate }));
    const added = addDeadline(store, input, turn.now());
    if (!added.ok) return refusalText(lang, added, { unit: added.value ?? "", title: String(input.title) });
    drafts.delete(draftKey(turn));
    return say(lang, "saved", { id: added.deadline.id, title: added.deadline.title }).map((r) => ({
      ...r,
      private: asPrivate,
    }));
  }

  return {
    name: "deadlines",
    async handle(turn) {
      const lang = replyLang(turn);
      if (turn.msg.action) return turn.msg.action === SAVE_DRAFT_ACTION ? confirm(turn, lang, true) : null;
      const sub = /^(\S+)\s*([\s\S]*)$/u.exec(turn.args);
      const word = (sub?.[1] ?? "").toLowerCase();
      if (turn.command === "deadlines" || turn.command === "hanbaocao") {
        if (/^(suggest|goiy|gợi)$/u.test(word)) return suggest(turn, lang);
        return list(turn, lang);
      }
      if (turn.command !== "deadline") return null;
      if (/^(add|thêm|them)$/u.test(word)) return draft(turn, lang, sub?.[2] ?? "");
      if (/^(confirm|save|lưu|luu|xacnhan|xác)$/u.test(word)) return confirm(turn, lang, false);
      return say(lang, "addUsage");
    },
  };
}
