import { t } from "../../i18n/index.js";
import { formatDate } from "../../text/index.js";
import type { Feature } from "../core.js";

/** "📄 Full passage" under an answer: the whole passage behind each citation, to the presser alone. */
export const passage: Feature = {
  name: "passage",
  async handle(turn) {
    const m = turn.msg.action?.match(/^p:([0-9a-z]+)$/);
    if (!m?.[1]) return null;
    const logged = await turn.deps.answers?.get(m[1]);
    if (!logged) return [{ text: t(turn.lang, "chat.passageGone"), private: true }];
    return logged.citations.map((c, i) => {
      const source = [c.docNumber, c.section || null, c.date ? formatDate(c.date, logged.lang) : null, c.file]
        .filter(Boolean)
        .join(" · ");
      const header = t(logged.lang, "chat.passageHeader", { source });
      return { text: `${header}\n${logged.passages[i] ?? c.quote}`, lang: logged.lang, private: true };
    });
  },
};

/** 👍 / 👎 under an answer: stored with the answer's question and citations. */
export const feedback: Feature = {
  name: "feedback",
  async handle(turn) {
    const m = turn.msg.action?.match(/^fb:([+-]):([0-9a-z]+)$/);
    if (!m?.[1] || !m[2]) return null;
    const logged = await turn.deps.answers?.get(m[2]);
    if (!logged) return [{ text: t(turn.lang, "chat.passageGone"), private: true }];
    await turn.deps.answers?.vote(m[2], turn.msg.userId, m[1] === "+" ? 1 : -1, turn.now().toISOString());
    return [{ text: t(logged.lang, "chat.feedbackThanks"), lang: logged.lang, private: true }];
  },
};
