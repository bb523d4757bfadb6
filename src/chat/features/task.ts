import { t } from "../../i18n/index.js";
import type { Feature } from "../core.js";
import { answerReply } from "./answer-reply.js";

/** `/task N [NUMBER]`: one task of a document, resolved exactly. */
export const task: Feature = {
  name: "task",
  async handle(turn) {
    if (turn.command !== "task") return null;
    const m = turn.args.match(/^(\d{1,3})\s*(.*)$/s);
    if (!m) return [{ text: t(turn.lang, "chat.taskUsage") }];
    const question = `nhiệm vụ ${m[1]}${m[2] ? ` ${m[2]}` : ""}`;
    const answer = await turn.deps.answerer.ask(question, {
      lang: turn.msg.langHint ?? "vi",
      conversation: turn.conversation,
    });
    return answerReply(turn, question, answer);
  },
};
