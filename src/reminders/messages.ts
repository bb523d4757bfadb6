/**
 * What the dispatcher says: a `Notice` (plain data about one send) rendered as a chat `Reply` in the
 * chat's language (Vietnamese unless the unit says otherwise), phrases from `locales/*.yaml`.
 */
import type { Reply } from "../chat/types.js";
import { t } from "../i18n/index.js";
import type { DeadlineRecord, UnitRecord } from "../store/index.js";
import type { Lang } from "../text/index.js";
import { occurrenceRef, reminderAction } from "./actions.js";
import { dateParts, type LocalDate } from "./calendar/index.js";
import type { StatusRow } from "./status.js";

/** One thing the dispatcher is about to send. */
export type Notice =
  | {
      kind: "reminder";
      /** The plan step ("before-7", "due", "overdue-2", …). */
      step: string;
      deadline: DeadlineRecord;
      unit: UnitRecord;
      occurrence: LocalDate;
      due: LocalDate;
      /** Calendar days from the send day to `due`; negative when overdue. */
      daysLeft: number;
    }
  | {
      kind: "escalation";
      deadline: DeadlineRecord;
      occurrence: LocalDate;
      due: LocalDate;
      units: UnitRecord[];
    }
  | { kind: "digest"; recipient: UnitRecord; week: LocalDate; rows: StatusRow[] }
  | {
      kind: "extension-request";
      deadline: DeadlineRecord;
      occurrence: LocalDate;
      due: LocalDate;
      unit: UnitRecord;
      reason: string | null;
    }
  | {
      kind: "extension-granted";
      deadline: DeadlineRecord;
      occurrence: LocalDate;
      due: LocalDate;
      unit: UnitRecord;
    };

/** Turns a notice into the message for a chat in `lang`. The default is `renderNotice`. */
export type Renderer = (notice: Notice, lang: Lang) => Reply;

/** Most digest lines in one message (Telegram allows 4096 characters; Slack sections 3000). */
const DIGEST_LINES = 25;

/** "20/03/2025": the date form of every message. */
export function formatDueDate(date: LocalDate): string {
  const { y, m, d } = dateParts(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

function source(d: DeadlineRecord, lang: Lang): string {
  if (!d.docNumber) return "";
  return d.task === null
    ? t(lang, "reminders.sourceDoc", { doc: d.docNumber })
    : t(lang, "reminders.sourceTask", { doc: d.docNumber, task: d.task });
}

function reminder(n: Extract<Notice, { kind: "reminder" }>, lang: Lang): Reply {
  const vars = {
    title: n.deadline.title,
    source: source(n.deadline, lang),
    unit: n.unit.name,
    due: formatDueDate(n.due),
  };
  const key =
    n.daysLeft > 0 ? "reminders.upcoming" : n.daysLeft === 0 ? "reminders.dueToday" : "reminders.overdue";
  const text = `${t(lang, key, { ...vars, days: Math.abs(n.daysLeft) })}\n${t(lang, "reminders.answerHint")}`;
  const action = (kind: "done" | "ext") => reminderAction(kind, n.deadline.id, n.occurrence, n.unit.id);
  return {
    text,
    lang,
    buttons: [
      { label: t(lang, "reminders.buttonDone"), action: action("done") },
      { label: t(lang, "reminders.buttonExtend"), action: action("ext") },
    ],
  };
}

function digest(n: Extract<Notice, { kind: "digest" }>, lang: Lang): Reply {
  const week = formatDueDate(n.week);
  if (n.rows.length === 0) return { text: t(lang, "reminders.digestEmpty", { week }), lang };
  const lines = n.rows.slice(0, DIGEST_LINES).map((r) =>
    t(lang, "reminders.digestLine", {
      title: r.title,
      due: formatDueDate(r.due),
      unit: r.unitName,
      state: t(lang, `reminders.state.${r.state}`, { days: r.daysOverdue }),
    }),
  );
  const more =
    n.rows.length > DIGEST_LINES
      ? [t(lang, "reminders.digestMore", { n: n.rows.length - DIGEST_LINES })]
      : [];
  return { text: [t(lang, "reminders.digestTitle", { week }), ...lines, ...more].join("\n"), lang };
}

/** The default renderer: Vietnamese-first phrases via `t()`, two answer buttons on each reminder. */
export const renderNotice: Renderer = (n, lang) => {
  switch (n.kind) {
    case "reminder":
      return reminder(n, lang);
    case "escalation":
      return {
        text: t(lang, "reminders.escalation", {
          notices: n.deadline.plan.overdueCount,
          title: n.deadline.title,
          source: source(n.deadline, lang),
          due: formatDueDate(n.due),
          count: n.units.length,
          units: n.units.map((u) => u.name).join(", "),
        }),
        lang,
      };
    case "digest":
      return digest(n, lang);
    case "extension-request":
      return {
        text: t(lang, "reminders.extensionRequest", {
          unit: n.unit.name,
          title: n.deadline.title,
          due: formatDueDate(n.due),
          reason: n.reason ? t(lang, "reminders.extensionReason", { reason: n.reason }) : "",
          ref: `${occurrenceRef(n.deadline.id, n.occurrence)}:${n.unit.id}`,
        }),
        lang,
      };
    case "extension-granted":
      return {
        text: t(lang, "reminders.extensionGranted", {
          title: n.deadline.title,
          unit: n.unit.name,
          due: formatDueDate(n.due),
        }),
        lang,
      };
  }
};
