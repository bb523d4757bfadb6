import { docLabel } from "../../answer/index.js";
import type { Document } from "../../corpus/index.js";
import { t } from "../../i18n/index.js";
import { docKey, formatDate, type Lang } from "../../text/index.js";
import type { Feature } from "../core.js";

function summary(doc: Document, lang: Lang): string {
  const tasks = Math.max(...doc.versions.map((v) => v.tasks.length));
  const parts = [
    docLabel(doc),
    doc.date ? formatDate(doc.date, lang) : null,
    doc.versions.map((v) => v.lang).join("/"),
    tasks > 0 ? t(lang, "chat.tasksCount", { n: tasks }) : null,
  ].filter(Boolean);
  return `• ${parts.join(" · ")}`;
}

/** `/docs`: the indexed documents; `/doc NUMBER`: one document's details and task list. */
export const docs: Feature = {
  name: "docs",
  async handle(turn) {
    const { index } = turn.deps;
    if (turn.command === "docs") {
      const lines = [t(turn.lang, "chat.docsHeader", { n: index.documents.length })];
      for (const d of index.documents) lines.push(summary(d, turn.lang));
      if (index.errors.length > 0) {
        lines.push("", t(turn.lang, "chat.unreadable"));
        for (const e of index.errors) lines.push(`• ${e.message}`);
      }
      return [{ text: lines.join("\n") }];
    }
    if (turn.command !== "doc") return null;
    if (!turn.args) return [{ text: t(turn.lang, "chat.docUsage") }];
    const key = docKey(turn.args);
    const doc = index.documents.find((d) => d.number && docKey(d.number) === key);
    if (!doc) return [{ text: t(turn.lang, "chat.noSuchDoc", { number: turn.args }) }];
    turn.conversation.docId = doc.id;
    const lines = [summary(doc, turn.lang), doc.title];
    if (doc.issuer) lines.push(doc.issuer);
    const version = doc.versions.find((v) => v.lang === turn.lang) ?? doc.versions[0];
    for (const task of version?.tasks ?? []) {
      const opening = task.text.replace(/\s+/g, " ").slice(0, 90);
      lines.push(`${task.n}. ${opening.replace(/^\S+\s/, "")}…`);
    }
    return [{ text: lines.join("\n") }];
  },
};
