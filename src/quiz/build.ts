import { createHash } from "node:crypto";
import { t } from "../i18n/index.js";
import type { ConceptFinder } from "../search/index.js";
import type { Lang } from "../text/index.js";
import type { Facts } from "./facts.js";
import type { Random } from "./random.js";
import { type Source, type Unit, whereLabel } from "./source.js";
import { norm, shorten, windowAround } from "./text.js";
import type { QuizQuestion } from "./types.js";
import { LIMITS } from "./types.js";

/**
 * What every question builder shares: the generation context, the candidate a builder returns,
 * the claims true/false statements are made from, and assembling options, id and explanation.
 */

/** Everything a builder reads. */
export interface Context {
  lang: Lang;
  rng: Random;
  concepts: ConceptFinder;
  /** Every document of the corpus (distractor pools come from all of them). */
  sources: Source[];
  /** The documents questions are asked about (all, or the one chosen with `docId`). */
  asked: Source[];
  facts: Facts;
}

/** A question before verification, with the key of the fact it asks about. */
export interface Candidate {
  question: QuizQuestion;
  /** The fact asked about ("1470-cv-tu#task7:body"): with kind and answer it makes the id. */
  source: string;
}

/** A fact a builder verified, with one wrong alternative: what true/false statements are made of. */
export interface Claim {
  /** The statement's phrase key ("quiz.claim.body"). */
  template: string;
  source: Source;
  unit: Unit | null;
  /** Placeholders of the statement except the slot. */
  vars: Record<string, string>;
  slot: string;
  right: string;
  wrong: string;
  quote: string;
  /** Where the right fact stands inside `quote`. */
  focus: [number, number];
  key: string;
}

/** The quotation marks a language's templates put around embedded text. */
export function marks(lang: Lang): [string, string] {
  return lang === "ja" ? ["『", "』"] : ["«", "»"];
}

/**
 * Fills template `key` with `vars`, fitting `slot` (embedded corpus text) into what is left of
 * `max` characters by shortening it at a word boundary.
 */
export function fillIn(
  lang: Lang,
  key: string,
  vars: Record<string, string | number>,
  slot: string,
  text: string,
  max: number = LIMITS.question,
): string {
  const frame = t(lang, key, { ...vars, [slot]: "" }).length;
  return t(lang, key, { ...vars, [slot]: shorten(text, Math.max(20, max - frame)) });
}

/**
 * The explanation: document, unit and a verbatim window of the quote around the fact
 * ([focusStart, focusEnd) inside `quote`), within the 200-character limit after `prefix`.
 */
export function explain(
  ctx: Context,
  source: Source,
  unit: Unit | null,
  quote: string,
  focus: [number, number],
  prefix = "",
): string {
  const key = unit ? "quiz.explain.unit" : "quiz.explain.doc";
  const vars = { doc: source.label, where: unit ? whereLabel(unit, ctx.lang) : "" };
  const frame = prefix.length + t(ctx.lang, key, { ...vars, fact: "" }).length;
  const room = LIMITS.explanation - frame;
  const fact = shorten(windowAround(quote, focus[0], focus[1], room), room);
  return prefix + t(ctx.lang, key, { ...vars, fact });
}

/** A stable id: kind, source and answer hashed. */
export function questionId(kind: string, source: string, answer: string): string {
  return createHash("sha256")
    .update(`${kind}\u0000${source}\u0000${norm(answer)}`)
    .digest("hex")
    .slice(0, 16);
}

/** Puts the right option among the distractors (shuffled, or in number order) and makes the question. */
export function assemble(
  ctx: Context,
  p: {
    kind: string;
    source: string;
    question: string;
    right: string;
    distractors: string[];
    explanation: string;
    citation: QuizQuestion["citation"];
    /** "fixed": right and distractors in the order `fixed` gives (true/false). */
    order?: "shuffle" | "numeric" | "fixed";
    fixed?: string[];
  },
): Candidate {
  const all = [p.right, ...p.distractors];
  const number = (s: string) => Number(s.match(/\d+/u)?.[0] ?? 0);
  const options =
    p.order === "fixed"
      ? (p.fixed ?? all)
      : p.order === "numeric"
        ? [...all].sort((a, b) => number(a) - number(b))
        : ctx.rng.shuffle(all);
  return {
    source: p.source,
    question: {
      id: questionId(p.kind, p.source, p.right),
      kind: p.kind,
      lang: ctx.lang,
      question: p.question,
      options,
      correct: [options.indexOf(p.right)],
      explanation: p.explanation,
      citation: p.citation,
    },
  };
}

/**
 * Up to `count` items of `pool` passing `ok` (which also sees those already picked), in a random
 * order, distinct in folded form.
 */
export function pickDistinct(
  rng: Random,
  pool: readonly string[],
  count: number,
  ok: (item: string, picked: readonly string[]) => boolean,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  if (count <= 0) return out;
  for (const item of rng.shuffle(pool)) {
    const key = norm(item);
    if (seen.has(key) || !ok(item, out)) continue;
    seen.add(key);
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}

/** The citation of a unit or document. */
export function citationOf(source: Source, unit: Unit | null, quote: string): QuizQuestion["citation"] {
  return {
    docNumber: source.doc.number,
    task: unit?.kind === "task" ? unit.task : null,
    file: source.version.file,
    quote: quote.trim(),
  };
}

/** A quote from the file: [start, end) cut to at most `max` characters at a word boundary. */
export function quoteSpan(
  text: string,
  start: number,
  end: number,
  max = 400,
): { start: number; end: number } {
  if (end - start <= max) return { start, end };
  const space = text.lastIndexOf(" ", start + max);
  return { start, end: space > start + max / 2 ? space : start + max };
}
