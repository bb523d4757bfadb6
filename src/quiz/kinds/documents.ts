import { t } from "../../i18n/index.js";
import { docKey, findDates, findDocNumbers, formatDate } from "../../text/index.js";
import { headerIssuer } from "../bodies.js";
import {
  assemble,
  type Candidate,
  type Claim,
  type Context,
  citationOf,
  explain,
  pickDistinct,
} from "../build.js";
import type { Random } from "../random.js";
import { type Source, type Unit, unitAt } from "../source.js";
import { capitalize, contains, sameThing } from "../text.js";

/**
 * document-date and document-issuer: when a document was issued and by whom — the document itself
 * (its heading or opening sentence) or a document it cites ("décision n° 23-QD/TW du 30 juillet
 * 2021 du Bureau politique"). Wrong dates are near the right one or other dates of the corpus;
 * wrong issuers are other bodies of the corpus.
 */

/** One stated fact: document number, the date or issuer, and the quote that states both. */
interface Stated {
  source: Source;
  unit: Unit | null;
  number: string;
  own: boolean;
  key: string;
  quote: { start: number; end: number };
  date: { iso: string; start: number; end: number } | null;
  issuer: { name: string; start: number; end: number } | null;
}

/** Wrong dates: the right one moved by a day, a month or a year, and other dates of the corpus. */
export function wrongDates(iso: string, rng: Random, corpus: string[], quoteIsos: Set<string>): string[] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const make = (yy: number, mm: number, dd: number) => {
    const date = new Date(Date.UTC(yy, mm - 1, dd));
    return date.toISOString().slice(0, 10);
  };
  const near = [
    make(y - 1, m, d),
    make(y + 1, m, d),
    make(y, m + 1, d),
    make(y, m - 1, d),
    make(y, m, d + 7),
  ];
  if (d <= 12 && d !== m) near.push(make(y, d, m));
  const years = corpus.filter((c) => c !== iso && Math.abs(Number(c.slice(0, 4)) - y) <= 6);
  const ok = (c: string) => c !== iso && !quoteIsos.has(c);
  const fromCorpus = pickDistinct(rng, years, 1, ok);
  const rest = pickDistinct(rng, near, 3 - fromCorpus.length, (c) => ok(c) && !fromCorpus.includes(c));
  return [...fromCorpus, ...rest];
}

function frontMatterEnd(text: string): number {
  const m = text.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u);
  return m ? m[0].length : 0;
}

function ownFacts(s: Source): Stated | null {
  const v = s.version;
  if (!s.doc.number) return null;
  const from = frontMatterEnd(v.text);
  const own = docKey(s.doc.number);
  const numbers = findDocNumbers(v.text).filter((n) => n.key === own && n.start >= from);
  const dates = findDates(v.text).filter((d) => d.iso === v.date && d.start >= from);
  let best: Stated | null = null;
  for (const n of numbers) {
    for (const d of dates) {
      const start = Math.min(n.start, d.start);
      const end = Math.max(n.end, d.end);
      if (end - start > 250 || (best && end - start >= best.quote.end - best.quote.start)) continue;
      best = {
        source: s,
        unit: null,
        number: n.text,
        own: true,
        key: own,
        quote: { start, end },
        date: d,
        issuer: null,
      };
    }
  }
  if (!best) return null;
  const lineStart = v.text.lastIndexOf("\n", best.quote.start) + 1;
  if (best.quote.start - lineStart <= 30) best.quote.start = lineStart;
  const header = headerIssuer(v, best.quote.start);
  if (header) {
    best.issuer = header;
    best.quote.start = header.start;
  } else if (v.issuer) {
    const at = v.text.slice(best.quote.start, best.quote.end).indexOf(v.issuer);
    if (at >= 0)
      best.issuer = {
        name: v.issuer,
        start: best.quote.start + at,
        end: best.quote.start + at + v.issuer.length,
      };
  }
  return best;
}

function stated(ctx: Context): Stated[] {
  const out: Stated[] = [];
  for (const s of ctx.asked) {
    const own = ownFacts(s);
    if (own) out.push(own);
    for (const c of ctx.facts.of.get(s)?.cited ?? []) {
      if (!c.date && !c.issuer) continue;
      const date = c.date && !ctx.facts.conflicting.has(c.key) ? c.date : null;
      const unit = unitAt(s, c.at.start);
      out.push({
        source: s,
        unit,
        number: c.number,
        own: false,
        key: c.key,
        quote: c.clause,
        date,
        issuer: c.issuer,
      });
    }
  }
  return out;
}

/** document-date and document-issuer questions, and the claims true/false statements use. */
export function documentFacts(ctx: Context): { dates: Candidate[]; issuers: Candidate[]; claims: Claim[] } {
  const dates: Candidate[] = [];
  const issuers: Candidate[] = [];
  const claims: Claim[] = [];
  for (const f of stated(ctx)) {
    const v = f.source.version;
    const quote = v.text.slice(f.quote.start, f.quote.end);
    const vars = { doc: f.source.label, number: f.number };
    const base = {
      explanationUnit: f.own ? null : f.unit,
      citation: citationOf(f.source, f.own ? null : f.unit, quote),
    };
    const focusOf = (x: { start: number; end: number }): [number, number] => [
      x.start - f.quote.start,
      x.end - f.quote.start,
    ];
    if (f.date) {
      const quoteIsos = new Set(findDates(quote).map((d) => d.iso));
      const wrong = wrongDates(f.date.iso, ctx.rng, ctx.facts.dates, quoteIsos);
      const right = formatDate(f.date.iso, ctx.lang);
      const source = `${f.own ? "own" : "cited"}:${f.key}:date`;
      const focus = focusOf(f.date);
      if (wrong.length >= 2) {
        dates.push(
          assemble(ctx, {
            kind: "document-date",
            source,
            question: t(ctx.lang, f.own ? "quiz.ask.ownDate" : "quiz.ask.citedDate", vars),
            right,
            distractors: wrong.map((w) => formatDate(w, ctx.lang)),
            explanation: explain(ctx, f.source, base.explanationUnit, quote, focus),
            citation: base.citation,
          }),
        );
        claims.push({
          template: f.own ? "quiz.claim.ownDate" : "quiz.claim.date",
          source: f.source,
          unit: base.explanationUnit,
          vars,
          slot: "date",
          right,
          wrong: formatDate(wrong[0]!, ctx.lang),
          quote,
          focus,
          key: source,
        });
      }
    }
    if (f.issuer) {
      const right = capitalize(f.issuer.name);
      const scope = f.own ? v.text : quote;
      const ok = (b: string, picked: readonly string[]) =>
        !contains(scope, b) &&
        !sameThing(b, right, ctx.concepts, v.lang) &&
        !picked.some((p) => sameThing(p, b, ctx.concepts, v.lang));
      // Other issuers first; bodies that carry out tasks only when issuers run short.
      const others = pickDistinct(ctx.rng, ctx.facts.issuers.get(v.lang) ?? [], 3, ok);
      const bodies = pickDistinct(ctx.rng, ctx.facts.bodies.get(v.lang) ?? [], 3 - others.length, (b, p) =>
        ok(b, [...others, ...p]),
      );
      const wrong = [...others, ...bodies].map(capitalize);
      if (wrong.length < 2) continue;
      const source = `${f.own ? "own" : "cited"}:${f.key}:issuer`;
      const focus = focusOf(f.issuer);
      issuers.push(
        assemble(ctx, {
          kind: "document-issuer",
          source,
          question: t(ctx.lang, f.own ? "quiz.ask.ownIssuer" : "quiz.ask.citedIssuer", vars),
          right,
          distractors: wrong,
          explanation: explain(ctx, f.source, base.explanationUnit, quote, focus),
          citation: base.citation,
        }),
      );
      claims.push({
        template: f.own ? "quiz.claim.ownIssuer" : "quiz.claim.issuer",
        source: f.source,
        unit: base.explanationUnit,
        vars,
        slot: "issuer",
        right,
        wrong: wrong[0]!,
        quote,
        focus,
        key: source,
      });
    }
  }
  return { dates, issuers, claims };
}
