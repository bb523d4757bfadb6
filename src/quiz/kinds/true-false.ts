import { t } from "../../i18n/index.js";
import { assemble, type Candidate, type Claim, type Context, citationOf, explain, fillIn } from "../build.js";
import { LIMITS } from "../types.js";

/**
 * true-false: a statement made from a fact another builder verified (the body of a task, a
 * slogan, a date, an issuer, a figure), told as written or with the fact swapped for its first
 * wrong alternative, a coin toss deciding which.
 */
export function trueFalse(ctx: Context, claims: Claim[]): Candidate[] {
  const yes = t(ctx.lang, "quiz.true");
  const no = t(ctx.lang, "quiz.false");
  const frame = t(ctx.lang, "quiz.ask.trueFalse", { statement: "" }).length;
  return claims.map((c) => {
    const truth = ctx.rng.coin();
    const statement = fillIn(
      ctx.lang,
      c.template,
      c.vars,
      c.slot,
      truth ? c.right : c.wrong,
      LIMITS.question - frame,
    );
    const prefix = t(ctx.lang, "quiz.explain.verdict", { verdict: truth ? yes : no, text: "" });
    return assemble(ctx, {
      kind: "true-false",
      source: c.key,
      question: t(ctx.lang, "quiz.ask.trueFalse", { statement }),
      right: truth ? yes : no,
      distractors: [truth ? no : yes],
      explanation: explain(ctx, c.source, c.unit, c.quote, c.focus, prefix),
      citation: citationOf(c.source, c.unit, c.quote),
      order: "fixed",
      fixed: [yes, no],
    });
  });
}
