import type { Citation } from "../../answer/index.js";
import type { Reply } from "../../chat/index.js";
import { t } from "../../i18n/index.js";
import { formatDate, type Lang } from "../../text/index.js";
import { splitMessage } from "../split.js";

/** Telegram's limit for one message text. */
export const MESSAGE_LIMIT = 4096;

/**
 * Escapes text for `parse_mode: "HTML"`: the Bot API needs only `&`, `<` and `>` replaced, and with
 * them replaced no document text can open a tag or break the message.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The length of `escapeHtml(text)`, without building it (the splitter measures many prefixes). */
export function escapedLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38)
      n += 4; // & → &amp;
    else if (c === 60 || c === 62) n += 3; // < → &lt;, > → &gt;
  }
  return n;
}

/** One compact line for a citation: "1470-CV/TU · nhiệm vụ 4 · 22/02/2024". */
export function citationLine(c: Citation, lang: Lang): string {
  const parts = [
    c.docNumber ?? c.title,
    c.task !== null ? `${t(lang, "answer.taskWord")} ${c.task}` : c.section || null,
    c.date ? formatDate(c.date, lang) : null,
  ];
  return parts.filter((p): p is string => !!p).join(" · ");
}

const italic = (lines: string): string =>
  lines
    .split("\n")
    .map((line) => `<i>${escapeHtml(line)}</i>`)
    .join("\n");

/**
 * A reply as the HTML texts of one or more Telegram messages: the text as the core wrote it, escaped,
 * then one italic line per citation. Every part is at most `limit` characters *as sent* (tags and
 * entities included, so also after Telegram's parsing); long texts split at paragraph boundaries first.
 */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): string[] {
  const parts = splitMessage(reply.text, limit, escapedLength).map(escapeHtml);
  const lang = reply.lang ?? "vi";
  const lines = [...new Set((reply.citations ?? []).map((c) => citationLine(c, lang)))];
  if (lines.length === 0) return parts;
  const block = italic(lines.join("\n"));
  const last = parts.at(-1);
  if (last !== undefined && last.length + 2 + block.length <= limit) {
    parts[parts.length - 1] = `${last}\n\n${block}`;
    return parts;
  }
  return [...parts, ...splitMessage(lines.join("\n"), limit, (s) => italic(s).length).map(italic)];
}
