import { t } from "../../i18n/index.js";
import {
  addUnit,
  formatDueDate,
  type StatusRow,
  statusTable,
  subscribeChat,
  unsubscribeChat,
} from "../../reminders/index.js";
import type { Lang } from "../../text/index.js";
import type { Feature, Turn } from "../core.js";
import type { Reply } from "../types.js";
import {
  chatOf,
  isAdmin,
  type ReminderChatOptions,
  refusalText,
  refuseNonAdmin,
  replyLang,
  say,
  slugId,
} from "./reminders-shared.js";

export type { ReminderChatOptions } from "./reminders-shared.js";

/** Most rows `/status` shows: a phone screen or two. */
const STATUS_ROWS = 30;

const ICON: Record<StatusRow["state"], string> = {
  missing: "🔴",
  "extension-requested": "⏳",
  pending: "⚪",
  extended: "🕒",
  late: "🟠",
  "on-time": "🟢",
};

/**
 * Units and the committee's view: `/units`, `/unit add NAME | alias, …`, `/subscribe UNIT`,
 * `/unsubscribe UNIT` (administrators only, see `isAdmin`), and `/status [deadline]`: units ×
 * status, overdue first, one short line each. Mount before `ask`.
 */
export function remindersFeature(options: ReminderChatOptions): Feature {
  const { store } = options;

  function units(lang: Lang): Reply[] {
    const list = store.units.list();
    if (list.length === 0) return say(lang, "unitsEmpty");
    const lines = list.map((u) =>
      t(lang, "reminders.chat.unitLine", {
        name: u.name,
        id: u.id,
        aliases: u.aliases.length > 0 ? ` (${u.aliases.join(", ")})` : "",
        chats: store.subscriptions.ofUnit(u.id).length,
      }),
    );
    return [{ text: [t(lang, "reminders.chat.unitsTitle", { n: list.length }), ...lines].join("\n"), lang }];
  }

  // "/unit add Sở Nội vụ | SNV, Nội vụ": the name, then aliases after "|" (or ";"), comma-separated.
  function unitAdd(turn: Turn, lang: Lang, text: string): Reply[] {
    if (!isAdmin(turn.msg, options.admins)) return refuseNonAdmin(lang);
    const [name = "", aliasText = ""] = text.split(/\s*[|;]\s*/);
    if (!name.trim()) return say(lang, "unitUsage");
    const aliases = aliasText
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const existing = store.units.list();
    let id = slugId(aliases[0] && /^[\p{L}\d-]{2,20}$/u.test(aliases[0]) ? aliases[0] : name);
    const same = existing.find((u) => u.id === id);
    if (same && same.name !== name.trim()) id = `${slugId(id, 17)}-${existing.length + 1}`;
    const added = addUnit(store, { id, name: name.trim(), aliases }, turn.now());
    if (!added.ok) return refusalText(lang, added, { unit: name, title: "" });
    return say(lang, "unitAdded", { name: added.unit.name, id: added.unit.id });
  }

  function subscribe(turn: Turn, lang: Lang, on: boolean): Reply[] {
    if (!isAdmin(turn.msg, options.admins)) return refuseNonAdmin(lang);
    const command = on ? "subscribe" : "unsubscribe";
    const unit = turn.args.trim();
    if (!unit) return say(lang, "subscribeUsage", { command });
    const chat = chatOf(turn.msg);
    if (on) {
      const r = subscribeChat(store, unit, chat, turn.now());
      if (!r.ok) return refusalText(lang, r, { unit, title: "" });
      return say(lang, r.added ? "subscribed" : "alreadySubscribed", { unit: r.unit.name });
    }
    const r = unsubscribeChat(store, unit, chat);
    if (!r.ok) return refusalText(lang, r, { unit, title: "" });
    return say(lang, r.removed ? "unsubscribed" : "notSubscribed", { unit: r.unit.name });
  }

  function status(turn: Turn, lang: Lang): Reply[] {
    const wanted = turn.args.trim();
    if (wanted && !store.deadlines.get(wanted)) return say(lang, "noRef", { ref: wanted });
    const rows = statusTable(store, turn.now(), {
      ...options.holidays,
      ...(wanted ? { deadlineId: wanted } : {}),
    });
    if (rows.length === 0) return say(lang, "statusEmpty");
    const lines = rows.slice(0, STATUS_ROWS).map((r) =>
      t(lang, "reminders.chat.statusLine", {
        icon: ICON[r.state],
        unit: r.unitName,
        title: r.title.length > 40 ? `${r.title.slice(0, 39)}…` : r.title,
        due: formatDueDate(r.due),
        state: t(lang, `reminders.state.${r.state}`, { days: r.daysOverdue }),
      }),
    );
    const more =
      rows.length > STATUS_ROWS
        ? [t(lang, "reminders.chat.statusMore", { n: rows.length - STATUS_ROWS })]
        : [];
    const title = t(lang, "reminders.chat.statusTitle", { n: rows.length });
    return [{ text: [title, ...lines, ...more].join("\n"), lang }];
  }

  return {
    name: "reminders",
    async handle(turn) {
      const lang = replyLang(turn);
      switch (turn.command) {
        case "units":
        case "donvi":
          return units(lang);
        case "unit": {
          const m = /^(?:add|thêm|them)\s+([\s\S]*)$/iu.exec(turn.args);
          return m ? unitAdd(turn, lang, m[1] ?? "") : say(lang, "unitUsage");
        }
        case "subscribe":
        case "dangky":
          return subscribe(turn, lang, true);
        case "unsubscribe":
        case "huydangky":
          return subscribe(turn, lang, false);
        case "status":
        case "tinhhinh":
          return status(turn, lang);
        default:
          return null;
      }
    },
  };
}
