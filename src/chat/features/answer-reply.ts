import type { Answer, Citation } from "../../answer/index.js";
import { t } from "../../i18n/index.js";
import type { CorpusIndex } from "../../search/index.js";
import type { Turn } from "../core.js";
import type { Reply } from "../types.js";

/**
 * The reply to an answer: its text and citations, and, for a found answer, buttons to show the
 * full passage and to give 👍 / 👎 (the answer is logged so both work later).
 */
export async function answerReply(turn: Turn, question: string, answer: Answer): Promise<Reply[]> {
  const reply: Reply = { text: answer.answer, citations: answer.citations, lang: answer.lang };
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
