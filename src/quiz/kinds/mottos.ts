import { t } from "../../i18n/index.js";
import {
  assemble,
  type Candidate,
  type Claim,
  type Context,
  citationOf,
  explain,
  quoteSpan,
} from "../build.js";
import type { Slogan } from "../slogans.js";
import { unitAt, whereLabel } from "../source.js";
import { capitalize, contains, norm, sameThing, sentenceAt, shorten } from "../text.js";

/**
 * motto: "which motto (model, movement, style, theme) does task 2 name?" The right option is a
 * slogan quoted in the unit; distractors are slogans quoted elsewhere in the corpus (same language,
 * the same cue first) that the unit neither quotes nor paraphrases.
 */
export function mottoQuestions(ctx: Context): { candidates: Candidate[]; claims: Claim[] } {
  const candidates: Candidate[] = [];
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const s of ctx.asked) {
    const v = s.version;
    const own = ctx.facts.of.get(s)?.slogans ?? [];
    const pool = ctx.facts.slogans.get(v.lang) ?? [];
    for (const slogan of own) {
      const unit = unitAt(s, slogan.start);
      const scope = unit ?? { start: 0, end: v.text.length, text: v.text };
      const where = unit ? whereLabel(unit, ctx.lang) : "";
      const source = `${s.doc.id}#${unit ? `${unit.kind}${unit.section || unit.n}:${unit.article ?? ""}` : "doc"}:motto:${norm(slogan.text)}`;
      if (seen.has(source)) continue;
      seen.add(source);
      // Everything the unit quotes counts as "named there", so none of it may be a wrong answer.
      const named = own.filter((o) => o.start >= scope.start && o.end <= scope.end);
      const right = capitalize(shorten(slogan.text, 100));
      const ok = (d: Slogan, picked: readonly Slogan[]) =>
        !contains(scope.text, d.text) &&
        !named.some((n) => sameThing(n.text, d.text, ctx.concepts, v.lang, true)) &&
        !picked.some((p) => sameThing(p.text, d.text, ctx.concepts, v.lang, true));
      const picked: Slogan[] = [];
      const sameCue = ctx.rng.shuffle(pool.filter((p) => p.cue === slogan.cue));
      const otherCue = ctx.rng.shuffle(pool.filter((p) => p.cue !== slogan.cue));
      for (const d of [...sameCue, ...otherCue]) {
        if (picked.length === 3) break;
        if (ok(d, picked)) picked.push(d);
      }
      if (picked.length < 2) continue;
      const sentence = sentenceAt(v.text, slogan.start);
      let from = Math.max(sentence.start, slogan.start - 150);
      if (from > sentence.start) from = Math.min(slogan.start, v.text.indexOf(" ", from) + 1 || from);
      const q = quoteSpan(v.text, from, Math.max(sentence.end, slogan.end), 400);
      const quote = v.text.slice(q.start, q.end);
      const focus: [number, number] = [slogan.start - q.start, slogan.end - q.start];
      const cue = t(ctx.lang, `quiz.cue.${slogan.cue}`);
      const vars = { doc: s.label, where, cue };
      const wrong = picked.map((p) => capitalize(shorten(p.text, 100)));
      candidates.push(
        assemble(ctx, {
          kind: "motto",
          source,
          question: t(ctx.lang, unit ? "quiz.ask.motto" : "quiz.ask.mottoDoc", vars),
          right,
          distractors: wrong,
          explanation: explain(ctx, s, unit, quote, focus),
          citation: citationOf(s, unit, quote),
        }),
      );
      claims.push({
        template: unit ? "quiz.claim.motto" : "quiz.claim.mottoDoc",
        source: s,
        unit,
        vars,
        slot: "text",
        right,
        wrong: wrong[0]!,
        quote,
        focus,
        key: source,
      });
    }
  }
  return { candidates, claims };
}
