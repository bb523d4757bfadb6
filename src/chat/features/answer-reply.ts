import { type Answer, type Citation, sourceLine } from "../../answer/index.js";
import { t } from "../../i18n/index.js";
import type { CorpusIndex } from "../../search/index.js";
import type { Turn } from "../core.js";
import type { Reply } from "../types.js";

/**
 * The reply to an answer: its text and citations, and, for a found answer, buttons to show the
 * full passage and to give 👍 / 👎 (the answer is logged so both work later).
 */
export async function answerReply(turn: Turn, question: string, answer: Answer): Promise<Reply[]> {
  // The source line is the adapters' to show (compactly, or as Slack's context block).
  const first = answer.citations[0];
  const source = first ? `\n${sourceLine(first, answer.lang)}` : null;
  const text =
    source && answer.answer.endsWith(source) ? answer.answer.slice(0, -source.length) : answer.answer;
  const reply: Reply = { text, citations: answer.citations, lang: answer.lang };
  const log = turn.deps.answers;
  if (!log || !answer.found || answer.citations.length === 0) return [reply];
  const id = await log.record({
    messenger: turn.msg.messenger,
    chatId: turn.msg.chatId,
    userId: turn.msg.userId,
    question,
    lang: answer.lang,
    found: answer.found,
    citations: answer.citations,
    passages: answer.citations.map((c) => fullPassage(turn.deps.index, c)),
    at: turn.now().toISOString(),
  });
  reply.buttons = [
    { label: t(answer.lang, "chat.passageButton"), action: `p:${id}` },
    { label: "👍", action: `fb:+:${id}` },
    { label: "👎", action: `fb:-:${id}` },
  ];
  return [reply];
}

/** The whole passage a citation quotes from (the quote itself when the passage is not found). */
export function fullPassage(index: CorpusIndex, c: Citation): string {
  for (const doc of index.documents) {
    if (doc.id !== c.docId) continue;
    const version = doc.versions.find((v) => v.file === c.file);
    const passage = version?.passages.find((p) => p.text.includes(c.quote));
    if (passage) return passage.text;
  }
  return c.quote;
}
