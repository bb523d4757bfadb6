import {
  assemble,
  type Candidate,
  type Claim,
  type Context,
  citationOf,
  explain,
  fillIn,
  pickDistinct,
  quoteSpan,
} from "../build.js";
import { whereLabel } from "../source.js";
import { capitalize, contains, sameThing } from "../text.js";

/**
 * assigned-body: "which body «chủ trì, phối hợp … định hướng các cơ quan báo chí»?" The right
 * option is the body the unit opens with; distractors are other bodies named in the corpus (same
 * language) that the unit does not name at all and that do not mean the same body.
 */
export function assignedBody(ctx: Context): { candidates: Candidate[]; claims: Claim[] } {
  const candidates: Candidate[] = [];
  const claims: Claim[] = [];
  for (const s of ctx.asked) {
    const v = s.version;
    // Bodies that carry out tasks first; issuers such as "Bộ Chính trị" only when those run short.
    const pool = ctx.facts.bodies.get(v.lang) ?? [];
    const issuers = ctx.facts.issuers.get(v.lang) ?? [];
    for (const { unit, opening } of ctx.facts.of.get(s)?.openings ?? []) {
      const right = capitalize(opening.body);
      const ok = (b: string, picked: readonly string[]) =>
        !contains(unit.text, b) &&
        !sameThing(b, right, ctx.concepts, v.lang) &&
        !picked.some((p) => sameThing(p, b, ctx.concepts, v.lang));
      const first = pickDistinct(ctx.rng, pool, 3, ok);
      const more = pickDistinct(ctx.rng, issuers, 3 - first.length, (b, p) => ok(b, [...first, ...p]));
      const distractors = [...first, ...more].map(capitalize);
      if (distractors.length < 2) continue;
      const q = quoteSpan(v.text, opening.sentence.start, opening.sentence.end);
      const quote = v.text.slice(q.start, q.end);
      const where = whereLabel(unit, ctx.lang);
      const focus: [number, number] = [opening.start - q.start, opening.end - q.start];
      const source = `${s.doc.id}#${unit.kind}${unit.section || unit.n}:${unit.article ?? ""}:body`;
      candidates.push(
        assemble(ctx, {
          kind: "assigned-body",
          source,
          question: fillIn(
            ctx.lang,
            "quiz.ask.assignedBody",
            { doc: s.label, where },
            "action",
            opening.action,
          ),
          right,
          distractors,
          explanation: explain(ctx, s, unit, quote, focus),
          citation: citationOf(s, unit, quote),
        }),
      );
      claims.push({
        template: "quiz.claim.body",
        source: s,
        unit,
        vars: { doc: s.label, where },
        slot: "body",
        right,
        wrong: distractors[0]!,
        quote,
        focus,
        key: source,
      });
    }
  }
  return { candidates, claims };
}
