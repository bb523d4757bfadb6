import type { Document } from "../corpus/index.js";
import type { ConceptFinder } from "../search/index.js";
import { docKey, type Lang } from "../text/index.js";
import type { Candidate, Claim, Context } from "./build.js";
import { readFacts } from "./facts.js";
import { shippedConcepts } from "./glossary.js";
import { assignedBody } from "./kinds/bodies.js";
import { documentFacts } from "./kinds/documents.js";
import { figureQuestions } from "./kinds/figures.js";
import { mottoQuestions } from "./kinds/mottos.js";
import { taskContent, whichTaskByConcept, whichTaskByPhrase } from "./kinds/tasks.js";
import { trueFalse } from "./kinds/true-false.js";
import { Random } from "./random.js";
import { sourceOf } from "./source.js";
import { norm } from "./text.js";
import { QUIZ_KINDS, type QuizQuestion } from "./types.js";
import { verifyQuestion } from "./verify.js";

/**
 * The quiz generator: builds candidate questions of every kind from the corpus, keeps those the
 * verifier accepts, drops duplicates, and deals them out round-robin over the kinds, in an order
 * fixed by the seed.
 */

/** What to generate. */
export interface GenerateOptions {
  /** How many questions (fewer come back when the corpus cannot support that many). */
  n: number;
  /** Same seed, same quiz. Default 0. */
  seed?: number | string;
  /** The trainer's language (default vi): questions are worded in it, quotes stay as written. */
  lang?: Lang;
  /** Only questions about this document (its id or number). */
  docId?: string;
  /** Only these kinds (default: all). */
  kinds?: readonly string[];
  /** The glossary (default: the shipped one). */
  concepts?: ConceptFinder;
}

/** A generation with what was left out, for diagnostics and tests. */
export interface GenerateReport {
  questions: QuizQuestion[];
  /** Distinct verified questions available before taking `n`. */
  available: number;
  /** Candidates the verifier refused, with its reasons. */
  rejected: { question: QuizQuestion; problems: string[] }[];
}

function isDocument(doc: Document, id: string): boolean {
  return doc.id === id.toLowerCase() || (doc.number !== null && docKey(doc.number) === docKey(id));
}

function candidatesByKind(ctx: Context): Map<string, Candidate[]> {
  const fork = (label: string): Context => ({ ...ctx, rng: ctx.rng.fork(label) });
  const bodies = assignedBody(fork("assigned-body"));
  const documents = documentFacts(fork("documents"));
  const figures = figureQuestions(fork("figure"));
  const mottos = mottoQuestions(fork("motto"));
  const claims: Claim[] = [...bodies.claims, ...documents.claims, ...figures.claims, ...mottos.claims];
  return new Map([
    ["which-task", [...whichTaskByPhrase(fork("which-task")), ...whichTaskByConcept(fork("which-concept"))]],
    ["task-content", taskContent(fork("task-content"))],
    ["assigned-body", bodies.candidates],
    ["document-date", documents.dates],
    ["document-issuer", documents.issuers],
    ["figure", figures.candidates],
    ["motto", mottos.candidates],
    ["true-false", trueFalse(fork("true-false"), claims)],
  ]);
}

/** Generates a quiz and reports what the verifier refused. */
export function generateQuizReport(documents: Document[], opts: GenerateOptions): GenerateReport {
  const lang = opts.lang ?? "vi";
  const rng = new Random(opts.seed ?? 0);
  const concepts = opts.concepts ?? shippedConcepts();
  const sources = documents.map((d) => sourceOf(d, lang));
  const asked = opts.docId ? sources.filter((s) => isDocument(s.doc, opts.docId ?? "")) : sources;
  const ctx: Context = { lang, rng, concepts, sources, asked, facts: readFacts(sources, concepts) };
  const wanted = new Set(opts.kinds ?? QUIZ_KINDS);
  const rejected: GenerateReport["rejected"] = [];
  const lists = new Map<string, Candidate[]>();
  for (const [kind, candidates] of candidatesByKind(ctx)) {
    if (!wanted.has(kind)) continue;
    const seen = new Set<string>();
    const kept: Candidate[] = [];
    for (const c of candidates) {
      const problems = verifyQuestion(c.question, { documents, concepts });
      if (problems.length > 0) rejected.push({ question: c.question, problems });
      else if (!seen.has(c.question.id) && !seen.has(norm(c.question.question))) {
        seen.add(c.question.id).add(norm(c.question.question));
        kept.push(c);
      }
    }
    if (kept.length > 0) lists.set(kind, rng.fork(`order:${kind}`).shuffle(kept));
  }
  const available = [...lists.values()].reduce((sum, l) => sum + l.length, 0);
  return { questions: deal(lists, rng.fork("kinds"), Math.max(0, Math.floor(opts.n))), available, rejected };
}

// Kinds whose right answer is a name or slogan: the same answer twice in a quiz is dull.
const ANSWER_KINDS = new Set(["assigned-body", "document-issuer", "motto"]);

/**
 * Round-robin over the kinds (in a seeded order). A first pass asks each fact (and each named
 * answer) once; when that does not reach `n`, a second pass allows another question about a fact
 * already asked.
 */
function deal(lists: Map<string, Candidate[]>, rng: Random, n: number): QuizQuestion[] {
  const kinds = rng.shuffle([...lists.keys()]);
  const out: QuizQuestion[] = [];
  const ids = new Set<string>();
  const texts = new Set<string>();
  const facts = new Set<string>();
  for (const strict of [true, false]) {
    const next = new Map(kinds.map((k) => [k, 0]));
    let progressed = true;
    while (out.length < n && progressed) {
      progressed = false;
      for (const kind of kinds) {
        if (out.length >= n) break;
        const list = lists.get(kind) ?? [];
        let i = next.get(kind) ?? 0;
        while (i < list.length) {
          const c = list[i++]!;
          const q = c.question;
          const answer = ANSWER_KINDS.has(q.kind)
            ? `${q.kind}:${norm(q.options[q.correct[0] ?? 0] ?? "")}`
            : "";
          const seen = facts.has(c.source) || (answer !== "" && facts.has(answer));
          if (ids.has(q.id) || texts.has(norm(q.question)) || (strict && seen)) continue;
          ids.add(q.id);
          texts.add(norm(q.question));
          facts.add(c.source).add(answer);
          out.push(q);
          progressed = true;
          break;
        }
        next.set(kind, i);
      }
    }
  }
  return out;
}

/** Generates `n` verified questions from the corpus (fewer when it cannot support `n`). */
export function generateQuiz(documents: Document[], opts: GenerateOptions): QuizQuestion[] {
  return generateQuizReport(documents, opts).questions;
}
