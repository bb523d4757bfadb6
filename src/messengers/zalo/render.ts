import { sourceLine } from "../../answer/index.js";
import type { Reply } from "../../chat/index.js";
import { menuLine } from "../menu.js";
import { splitMessage } from "../split.js";

/** Zalo's limit for one message text (`sendMessage`: 1 to 2000 characters). */
export const MESSAGE_LIMIT = 2000;

/**
 * A reply as the plain texts of one or more Zalo messages (Zalo renders no markup): the text as the
 * core wrote it, the compact source line of its first citation, and the numbered follow-up that
 * stands in for its buttons; split at paragraph boundaries first, each part at most `limit`.
 */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): string[] {
  const lang = reply.lang ?? "vi";
  const first = reply.citations?.[0];
  let text = reply.text.trim();
  if (first) text = [text, sourceLine(first, lang)].filter(Boolean).join("\n");
  if (reply.buttons?.length) text = [text, menuLine(reply.buttons, lang)].filter(Boolean).join("\n\n");
  return splitMessage(text, limit);
}

/** True when `text` lists lettered options ("A. …" then "B. …"): a question answered by typing a letter. */
export function offersLetters(text: string): boolean {
  return /^A\. .*\nB\. /m.test(text);
}

/** A bare typed answer: one letter A–J or a number, optionally followed by "." or ")". */
export function isAnswerToken(text: string): boolean {
  return /^\s*(?:\d{1,2}|[A-Ja-j])\s*[.)]?\s*$/.test(text);
}
