import { t } from "../../i18n/index.js";
import {
  assemble,
  type Candidate,
  type Context,
  citationOf,
  explain,
  fillIn,
  marks,
  quoteSpan,
} from "../build.js";
import type { Source, Unit } from "../source.js";
import { capitalize, contains, norm, sentenceSpans, shorten } from "../text.js";

/**
 * Questions about a document's list of tasks (or a regulation's articles):
 * - which-task: "which task says «…»?" — a verbatim phrase, or a glossary concept in the
 *   trainer's language that only one task mentions; options are task (article) numbers.
 * - task-content: "what does task N require?" — options are the opening words of the tasks.
 */

const MIN_UNITS = 3;

function lists(s: Source): { units: Unit[]; option: string; ask: string }[] {
  return [
    { units: s.tasks, option: "quiz.taskOption", ask: "quiz.ask.whichTask" },
    { units: s.articles, option: "quiz.articleOption", ask: "quiz.ask.whichArticle" },
  ].filter((l) => l.units.length >= MIN_UNITS);
}

function others(ctx: Context, units: Unit[], u: Unit, option: string, ok: (o: Unit) => boolean): string[] {
  const rest = ctx.rng.shuffle(units.filter((o) => o !== u && ok(o)));
  return rest.slice(0, 3).map((o) => t(ctx.lang, option, { n: o.n }));
}

/** which-task questions with a verbatim phrase of the task. */
export function whichTaskByPhrase(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const s of ctx.asked) {
    const text = s.version.text;
    for (const { units, option, ask } of lists(s)) {
      for (const u of units) {
        const spans = sentenceSpans(text.slice(u.contentStart, u.end))
          .map((p) => {
            // A point label ("a) ") would give the answer's shape away; the phrase starts after it.
            const label = text.slice(p.start + u.contentStart).match(/^[a-zđ]\)\s+/u)?.[0].length ?? 0;
            return { start: p.start + u.contentStart + label, end: p.end + u.contentStart };
          })
          .filter((p) => p.end - p.start >= 30);
        // The opening sentence is what task-content asks about; prefer another one.
        const pool = spans.length > 1 ? spans.slice(1) : spans;
        for (const span of ctx.rng.shuffle(pool)) {
          const question = fillIn(
            ctx.lang,
            ask,
            { doc: s.label },
            "phrase",
            text.slice(span.start, span.end),
          );
          const [open, close] = marks(ctx.lang);
          const phrase = question.slice(question.indexOf(open) + 1, question.lastIndexOf(close));
          if (units.some((o) => o !== u && contains(o.text, phrase))) continue;
          const q = quoteSpan(text, span.start, span.end);
          const quote = text.slice(q.start, q.end);
          out.push(
            assemble(ctx, {
              kind: "which-task",
              source: `${s.doc.id}#${u.kind}${u.n}:phrase`,
              question,
              right: t(ctx.lang, option, { n: u.n }),
              distractors: others(ctx, units, u, option, () => true),
              explanation: explain(ctx, s, u, quote, [0, Math.min(quote.length, 60)]),
              citation: citationOf(s, u, quote),
              order: "numeric",
            }),
          );
          break;
        }
      }
    }
  }
  return out;
}

/** which-task questions naming a glossary concept, in the trainer's language, that one task alone mentions. */
export function whichTaskByConcept(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const s of ctx.asked) {
    const v = s.version;
    // In the document's own language a verbatim phrase says more than a glossary word.
    if (s.tasks.length < MIN_UNITS || v.lang === ctx.lang) continue;
    const found = s.tasks.map((u) => ctx.concepts.conceptsIn(u.text, v.lang));
    const ids = found.map((ms) => new Set(ms.map((m) => m.id)));
    s.tasks.forEach((u, i) => {
      const own = (found[i] ?? []).filter((m) => {
        const surface = u.text.slice(m.start, m.end);
        const specific = v.lang === "ja" ? surface.length >= 4 : surface.trim().split(/\s+/u).length >= 2;
        return specific && !ctx.facts.common.has(m.id) && ids.every((set, j) => j === i || !set.has(m.id));
      });
      const pick = ctx.rng.shuffle(own)[0];
      const term = pick ? ctx.concepts.termsFor(pick.id, ctx.lang)[0] : undefined;
      if (!pick || !term) return;
      const at = u.start + pick.start;
      const sentence = sentenceSpans(v.text.slice(u.start, u.end)).find(
        (p) => pick.start >= p.start && pick.start < p.end,
      );
      const q = around(
        v.text,
        u.start + (sentence?.start ?? 0),
        u.start + (sentence?.end ?? u.text.length),
        at,
      );
      const quote = v.text.slice(q.start, q.end);
      out.push(
        assemble(ctx, {
          kind: "which-task",
          source: `${s.doc.id}#task${u.n}:concept:${pick.id}`,
          question: t(ctx.lang, "quiz.ask.whichTaskTerm", { doc: s.label, term }),
          right: t(ctx.lang, "quiz.taskOption", { n: u.n }),
          distractors: others(ctx, s.tasks, u, "quiz.taskOption", () => true),
          explanation: explain(ctx, s, u, quote, [at - q.start, at - q.start + (pick.end - pick.start)]),
          citation: citationOf(s, u, quote),
          order: "numeric",
        }),
      );
    });
  }
  return out;
}

/** The opening words of a task: its first clause, without "il convient de". */
export function gist(s: Source, u: Unit): string {
  const content = s.version.text.slice(u.contentStart, u.end);
  const first = sentenceSpans(content)[0];
  const sentence = first ? content.slice(first.start, first.end) : content;
  return capitalize(shorten(sentence.replace(/^(?:il convient de|il faut)\s+/iu, ""), 90));
}

/** task-content questions: what a task requires, options being the gists of other tasks. */
export function taskContent(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const s of ctx.asked) {
    if (s.tasks.length < MIN_UNITS) continue;
    const text = s.version.text;
    const gists = new Map(s.tasks.map((u) => [u, gist(s, u)]));
    for (const u of s.tasks) {
      const right = gists.get(u)!;
      const taken = new Set([norm(right)]);
      const distractors: string[] = [];
      for (const o of ctx.rng.shuffle(s.tasks)) {
        const g = gists.get(o)!;
        if (o === u || taken.has(norm(g)) || contains(u.text, g)) continue;
        taken.add(norm(g));
        distractors.push(g);
        if (distractors.length === 3) break;
      }
      const first = sentenceSpans(text.slice(u.contentStart, u.end))[0];
      const q = quoteSpan(text, u.start, u.contentStart + (first?.end ?? u.end - u.contentStart));
      const quote = text.slice(q.start, q.end);
      out.push(
        assemble(ctx, {
          kind: "task-content",
          source: `${s.doc.id}#task${u.n}:content`,
          question: t(ctx.lang, "quiz.ask.taskGist", { doc: s.label, where: whereOf(ctx, u) }),
          right,
          distractors,
          explanation: explain(ctx, s, u, quote, [0, Math.min(quote.length, 100)]),
          citation: citationOf(s, u, quote),
        }),
      );
    }
  }
  return out;
}

function whereOf(ctx: Context, u: Unit): string {
  return t(ctx.lang, "quiz.where.task", { n: u.n });
}

/** [start, end) cut to at most `max` characters around `at`, at word boundaries. */
function around(
  text: string,
  start: number,
  end: number,
  at: number,
  max = 400,
): { start: number; end: number } {
  if (end - start <= max) return { start, end };
  let lo = Math.max(start, at - max / 2);
  if (lo > start) lo = text.indexOf(" ", lo) + 1 || lo;
  return quoteSpan(text, lo, end, max);
}
