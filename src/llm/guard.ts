/**
 * The check on a model's answer, before anything reaches a user. Model output is parsed, not
 * trusted: citation numbers that were not given are removed (and the answer marked unreliable);
 * an empty, overlong or refusing reply, or one with no valid citation, is rejected, and the caller
 * shows the extractive answer instead. Valid citations are renumbered 1…k in order of first use,
 * so that `[i]` in the text is the i-th citation of the answer.
 */

/** Longest model answer accepted, in characters (the prompt asks for three short sentences). */
export const MAX_ANSWER_CHARS = 1500;

/** What the model replies when the passages do not answer (prompts/answer.md). */
export const NO_ANSWER = "NO_ANSWER";

/** A checked reply: its text, the passages it cites (1-based, as given), and whether any citation was dropped. */
export interface CheckedReply {
  text: string;
  cited: number[];
  unreliable: boolean;
}

/** Why a reply was rejected (for the operator's log). */
export interface Rejection {
  rejected: string;
}

// [1], [1, 2], [1][2], 【1】, and a "[n]" the model wrote around spaces.
const CITATION = /[[【]\s*(\d{1,3}(?:\s*[,;、]\s*\d{1,3})*)\s*[\]】]/g;

/** Checks `reply` against `given` passages (numbered 1…given). */
export function checkReply(reply: string, given: number): CheckedReply | Rejection {
  const raw = reply.replace(/\r\n?/g, "\n").trim();
  if (!raw) return { rejected: "the reply is empty" };
  if (raw.includes(NO_ANSWER)) return { rejected: "the model says the passages do not answer" };
  if (raw.length > MAX_ANSWER_CHARS) return { rejected: `the reply is over ${MAX_ANSWER_CHARS} characters` };
  const order: number[] = [];
  let dropped = false;
  const text = raw.replace(CITATION, (_, list: string) => {
    const kept: string[] = [];
    for (const part of list.split(/[,;、]/)) {
      const n = Number(part.trim());
      if (!Number.isInteger(n) || n < 1 || n > given) {
        dropped = true;
        continue;
      }
      if (!order.includes(n)) order.push(n);
      kept.push(`[${order.indexOf(n) + 1}]`);
    }
    return [...new Set(kept)].join("");
  });
  if (order.length === 0) return { rejected: dropped ? "every citation is invalid" : "no citation" };
  // A removed citation may leave "word ." or a double space behind.
  const tidy = text
    .replace(/[ \t]+([.,;:!?。、])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
  return { text: tidy, cited: order, unreliable: dropped };
}
