import type { Feature } from "../core.js";
import { answerReply } from "./answer-reply.js";

/** Free questions (and `/ask QUESTION`): the fallback feature, mounted last. */
export const ask: Feature = {
  name: "ask",
  async handle(turn) {
    if (turn.command !== null && turn.command !== "ask") return null;
    const question = turn.args;
    if (!question) return null;
    const answer = await turn.deps.answerer.ask(question, { conversation: turn.conversation });
    return answerReply(turn, question, answer);
  },
};
