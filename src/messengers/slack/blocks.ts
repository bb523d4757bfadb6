import type { types } from "@slack/bolt";
import type { Citation } from "../../answer/index.js";
import type { Button, Reply } from "../../chat/index.js";
import { t } from "../../i18n/index.js";
import { formatDate, type Lang } from "../../text/index.js";
import { splitMessage } from "../split.js";

/**
 * A chat-core `Reply` as Slack Block Kit: escaped mrkdwn sections, a context block of citations and
 * an actions block of buttons, kept inside Slack's limits (3000 characters per text object, 50
 * blocks per message, 10 context elements, 25 actions elements, 75-character button labels).
 */

/** Characters in one text object (section text, context element). */
export const SLACK_TEXT_LIMIT = 3000;
/** Blocks in one message. */
export const SLACK_MAX_BLOCKS = 50;
const CONTEXT_ELEMENTS = 10;
const ACTIONS_ELEMENTS = 25;
const BUTTON_LABEL = 75;

/** One Slack message: Block Kit blocks plus the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** `action_id` of the i-th button of a reply; clicks on these become `Inbound.action`. */
export const buttonActionId = (i: number): string => `cadre_btn_${i}`;
/** Matches the action ids `buttonActionId` makes. */
export const BUTTON_ACTION_ID = /^cadre_btn_\d+$/;

const ZERO_WIDTH_SPACE = "\u200b";

/** Escapes what Slack requires in any message text: `&`, `<` and `>` (so no `<!channel>` or link can be forged). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes text for a mrkdwn text object. Slack has no backslash escape: `*bold*`, `_italic_`,
 * `~strike~` and `` `code` `` only apply when the marker touches the word, so an invisible zero-width
 * space on each side of a marker keeps document text from turning into formatting.
 */
export function escapeMrkdwn(text: string): string {
  return escapeText(text).replace(/[*_~`]/g, (c) => `${ZERO_WIDTH_SPACE}${c}${ZERO_WIDTH_SPACE}`);
}

const mrkdwnLength = (s: string): number => escapeMrkdwn(s).length;
const textLength = (s: string): number => escapeText(s).length;

/** verbatim: Slack must not turn document text into links or @-mentions. */
const mrkdwn = (raw: string): types.MrkdwnElement => ({
  type: "mrkdwn",
  text: escapeMrkdwn(raw),
  verbatim: true,
});

/** The first `limit` characters (after `measure`) of `raw`, with "…" when something was cut. */
function truncate(raw: string, limit: number, measure: (s: string) => number): string {
  const pieces = splitMessage(raw, limit - 1, measure);
  return pieces.length > 1 ? `${pieces[0]}…` : (pieces[0] ?? "");
}

/** "1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024": a citation as the context block shows it. */
export function citationLabel(c: Citation, lang: Lang): string {
  const parts = [
    c.docNumber ?? c.title,
    c.task ? `${t(lang, "answer.taskWord")} ${c.task}` : c.section || null,
    c.date ? `${t(lang, "answer.dateWord")} ${formatDate(c.date, lang)}` : null,
  ].filter(Boolean);
  return t(lang, "answer.citation", { parts: parts.join(" · ") });
}

function contextBlocks(citations: Citation[], lang: Lang): types.ContextBlock[] {
  const labels = [...new Set(citations.map((c) => citationLabel(c, lang)))];
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < labels.length; i += CONTEXT_ELEMENTS) {
    const elements = labels
      .slice(i, i + CONTEXT_ELEMENTS)
      .map((label) => mrkdwn(truncate(label, SLACK_TEXT_LIMIT, mrkdwnLength)));
    blocks.push({ type: "context", elements });
  }
  return blocks;
}

function actionsBlocks(buttons: Button[]): types.ActionsBlock[] {
  const elements: types.Button[] = buttons.map((b, i) => ({
    type: "button",
    action_id: buttonActionId(i),
    text: { type: "plain_text", text: truncate(b.label, BUTTON_LABEL, (s) => s.length), emoji: true },
    value: b.action,
  }));
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += ACTIONS_ELEMENTS) {
    blocks.push({ type: "actions", elements: elements.slice(i, i + ACTIONS_ELEMENTS) });
  }
  return blocks;
}

/**
 * Renders a reply as one or more Slack messages: the text split at paragraph boundaries into
 * sections of at most 3000 escaped characters, messages of at most 50 blocks, citations and buttons
 * under the last one. Each message's `text` is its own text, escaped and capped at 3000 characters.
 */
export function renderReply(reply: Reply): SlackMessage[] {
  const lang = reply.lang ?? "vi";
  const chunks = reply.text.trim() ? splitMessage(reply.text, SLACK_TEXT_LIMIT, mrkdwnLength) : [];
  const tail: types.KnownBlock[] = [
    ...contextBlocks(reply.citations ?? [], lang),
    ...actionsBlocks(reply.buttons ?? []),
  ];
  const messages: { raw: string[]; blocks: types.KnownBlock[] }[] = [];
  for (const chunk of chunks) {
    let current = messages.at(-1);
    if (!current || current.blocks.length >= SLACK_MAX_BLOCKS) {
      current = { raw: [], blocks: [] };
      messages.push(current);
    }
    current.raw.push(chunk);
    current.blocks.push({ type: "section", text: mrkdwn(chunk) });
  }
  for (const block of tail) {
    let current = messages.at(-1);
    if (!current || current.blocks.length >= SLACK_MAX_BLOCKS) {
      current = { raw: [], blocks: [] };
      messages.push(current);
    }
    current.blocks.push(block);
  }
  return messages.map(({ raw, blocks }) => {
    const plain = raw.join("\n\n") || (reply.citations?.[0] ? citationLabel(reply.citations[0], lang) : "…");
    return { text: escapeText(truncate(plain, SLACK_TEXT_LIMIT, textLength)), blocks };
  });
}
