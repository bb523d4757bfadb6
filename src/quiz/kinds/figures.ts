import { t } from "../../i18n/index.js";
import { assemble, type Candidate, type Claim, type Context, citationOf, explain } from "../build.js";
import { type Figure, formatLike, nearbyValues } from "../figures.js";
import { unitAt } from "../source.js";
import { ELLIPSIS, sentenceAt, wordStart } from "../text.js";
import { LIMITS } from "../types.js";

/**
 * figure: a sentence of the text with one figure blanked out ("Le taux de dépôt des dossiers en
 * ligne est de ___."); the options are the figure and wrong values written the same way that the
 * sentence does not contain.
 */

/** Stands for the missing figure in a question. */
export const BLANK = "___";

const squashLeft = (s: string) => s.replace(/\s+/gu, " ").trimStart();
const squashRight = (s: string) => s.replace(/\s+/gu, " ").trimEnd();

/** The sentence around `fig` cut to `max` characters, with the figure replaced by `fill`. */
function cloze(
  text: string,
  sentence: { start: number; end: number },
  fig: Figure,
  max: number,
  fill: string,
) {
  const room = Math.max(0, max - fig.raw.length - 2);
  let lo = Math.max(sentence.start, fig.start - Math.floor(room * 0.6));
  let hi = Math.min(sentence.end, fig.end + (room - (fig.start - lo)));
  lo = Math.max(sentence.start, Math.min(lo, fig.start - (room - (hi - fig.end))));
  if (lo > sentence.start) lo = wordStart(text, lo, fig.start);
  if (hi < sentence.end) hi = Math.max(fig.end, text.lastIndexOf(" ", hi));
  const left = `${lo > sentence.start ? ELLIPSIS : ""}${squashLeft(text.slice(lo, fig.start))}`;
  const cut = hi < sentence.end;
  const right = `${squashRight(text.slice(fig.end, hi)).replace(cut ? /[\s«“"(「]+$/u : /$^/u, "")}${cut ? ELLIPSIS : ""}`;
  return `${left}${fill}${right}`;
}

function holds(quote: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s/gu, "\\s?");
  return new RegExp(`(?<![\\d.,])${escaped}(?![\\d])`, "u").test(quote);
}

/** figure questions, and the claims true/false statements use. */
export function figureQuestions(ctx: Context): { candidates: Candidate[]; claims: Claim[] } {
  const candidates: Candidate[] = [];
  const claims: Claim[] = [];
  for (const s of ctx.asked) {
    const text = s.version.text;
    const all = ctx.facts.figures.get(s.version.lang) ?? [];
    for (const fig of ctx.facts.of.get(s)?.figures ?? []) {
      let sentence = sentenceAt(text, fig.start);
      if (sentence.end - sentence.start > 400) {
        const lo = Math.max(sentence.start, fig.start - 200);
        const hi = Math.min(sentence.end, fig.end + 200);
        const end = text.lastIndexOf(" ", hi);
        sentence = { start: wordStart(text, lo, fig.start), end: end > fig.end ? end : hi };
      }
      const quote = text.slice(sentence.start, sentence.end);
      const context = quote.replace(fig.raw, "").replace(/[^\p{L}]/gu, "");
      if (context.length < 20) continue;
      const excluded = (value: string) => holds(quote, value);
      // Borrowed values must look like the right one (same unit, same decimals), or they give themselves away.
      const similar = all.filter(
        (f) =>
          f.percent === fig.percent &&
          f.decimals === fig.decimals &&
          f.value !== fig.value &&
          f.value / fig.value < 3 &&
          fig.value / f.value < 3,
      );
      const borrowed = ctx.rng
        .shuffle(similar)
        .map((f) => formatLike(fig, f.value))
        .filter((value) => !excluded(value))
        .slice(0, 1);
      const near = nearbyValues(
        fig,
        ctx.rng,
        3 - borrowed.length,
        (v) => excluded(v) || borrowed.includes(v),
      );
      const wrong = [...borrowed, ...near];
      if (wrong.length < 2) continue;
      const vars = { doc: s.label };
      const frame = t(ctx.lang, "quiz.ask.figure", { ...vars, cloze: "" }).length;
      const unit = unitAt(s, fig.start);
      const source = `${s.doc.id}@${fig.start}:figure`;
      const focus: [number, number] = [fig.start - sentence.start, fig.end - sentence.start];
      candidates.push(
        assemble(ctx, {
          kind: "figure",
          source,
          question: t(ctx.lang, "quiz.ask.figure", {
            ...vars,
            cloze: cloze(text, sentence, fig, LIMITS.question - frame, BLANK),
          }),
          right: fig.raw,
          distractors: wrong,
          explanation: explain(ctx, s, unit, quote, focus),
          citation: citationOf(s, unit, quote),
        }),
      );
      const statement = (value: string) => cloze(text, sentence, fig, 150, value);
      claims.push({
        template: "quiz.claim.figure",
        source: s,
        unit,
        vars,
        slot: "sentence",
        right: statement(fig.raw),
        wrong: statement(wrong[0]!),
        quote,
        focus,
        key: source,
      });
    }
  }
  return { candidates, claims };
}
