import type { Document, DocumentVersion } from "../corpus/index.js";
import { t } from "../i18n/index.js";
import type { ConceptFinder } from "../search/index.js";
import { docKey, squash } from "../text/index.js";
import { embedded, equivalentDistractors, supported } from "./support.js";
import { contains, norm } from "./text.js";
import { LIMITS, QUIZ_KINDS, type QuizQuestion } from "./types.js";

/**
 * The generator's self-check (issue 6): a question is kept only when it keeps the limits of
 * DESIGN §3.4, its quote is verbatim in its file, its explanation names the document and task and
 * quotes only what the quote says, and exactly the right option is supported by the quote.
 */

/** What the verifier reads: the corpus and the glossary used to generate. */
export interface VerifyContext {
  documents: Document[];
  concepts: ConceptFinder;
}

/** Problems with the limits of §3.4 (any question, generated or imported). */
export function limitProblems(q: QuizQuestion): string[] {
  const problems: string[] = [];
  if (!q.question.trim()) problems.push("the question is empty");
  if (q.question.length > LIMITS.question)
    problems.push(`the question is over ${LIMITS.question} characters`);
  if (q.options.length < LIMITS.minOptions || q.options.length > LIMITS.maxOptions) {
    problems.push(`there must be ${LIMITS.minOptions} to ${LIMITS.maxOptions} options`);
  }
  q.options.forEach((o, i) => {
    if (!o.trim()) problems.push(`option ${i + 1} is empty`);
    if (o.length > LIMITS.option) problems.push(`option ${i + 1} is over ${LIMITS.option} characters`);
  });
  if (new Set(q.options.map(norm)).size !== q.options.length) problems.push("two options are the same");
  if (q.correct.length === 0) problems.push("no option is marked correct");
  if (new Set(q.correct).size !== q.correct.length) problems.push("an option is marked correct twice");
  if (q.correct.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) {
    problems.push("a correct index points outside the options");
  }
  if (!q.explanation.trim()) problems.push("the explanation is empty");
  if (q.explanation.length > LIMITS.explanation) {
    problems.push(`the explanation is over ${LIMITS.explanation} characters`);
  }
  return problems;
}

/** The version a citation's file names, with its document. */
export function findVersion(
  documents: Document[],
  file: string,
): { doc: Document; version: DocumentVersion } | null {
  for (const doc of documents) {
    const version = doc.versions.find((v) => v.file === file);
    if (version) return { doc, version };
  }
  return null;
}

const squashed = new WeakMap<DocumentVersion, string>();
function flatText(version: DocumentVersion): string {
  let text = squashed.get(version);
  if (text === undefined) {
    text = squash(version.text);
    squashed.set(version, text);
  }
  return text;
}

/** Problems with a citation: quote not verbatim in the file, wrong number, task that does not hold it. */
export function citationProblems(q: QuizQuestion, documents: Document[]): string[] {
  const c = q.citation;
  if (!c) return [];
  const found = findVersion(documents, c.file);
  if (!found) return [`the cited file ${c.file} is not in the corpus`];
  const { doc, version } = found;
  const quote = squash(c.quote);
  const problems: string[] = [];
  if (!quote) problems.push("the citation has no quote");
  else if (!flatText(version).includes(quote)) problems.push(`the quote is not verbatim in ${c.file}`);
  if (c.docNumber && (!doc.number || docKey(c.docNumber) !== docKey(doc.number))) {
    problems.push(`${c.file} is not document ${c.docNumber}`);
  }
  if (c.task !== null) {
    const task = version.tasks.find((x) => x.n === c.task);
    if (!task) problems.push(`${c.docNumber ?? c.file} has no task ${c.task}`);
    else if (quote && !squash(task.text).includes(quote)) problems.push(`the quote is not in task ${c.task}`);
  }
  return problems;
}

/** Every problem of a generated question; an empty list means it may be asked. */
export function verifyQuestion(q: QuizQuestion, ctx: VerifyContext): string[] {
  const problems = limitProblems(q);
  if (!(QUIZ_KINDS as readonly string[]).includes(q.kind)) {
    problems.push(`unknown kind ${q.kind}`);
  }
  if (q.correct.length !== 1) problems.push("a generated question has exactly one right option");
  if (!q.citation) return [...problems, "a generated question needs a citation"];
  problems.push(...citationProblems(q, ctx.documents));
  const found = findVersion(ctx.documents, q.citation.file);
  if (!found || problems.length > 0) return problems;

  const { docNumber, task, quote } = q.citation;
  if (docNumber && !q.explanation.includes(docNumber))
    problems.push("the explanation does not name the document");
  if (task !== null && !q.explanation.includes(t(q.lang, "quiz.where.task", { n: task }))) {
    problems.push("the explanation does not name the task");
  }
  const fact = embedded(q.explanation, q.lang);
  if (!fact || !contains(quote, fact)) problems.push("the explanation quotes what the quote does not say");

  const evidence = { ...found, concepts: ctx.concepts };
  const support = supported(q, evidence);
  if (typeof support === "string") return [...problems, support];
  const right = q.correct[0];
  if (right === undefined || !support[right]) problems.push("the quote does not support the right option");
  support.forEach((ok, i) => {
    if (ok && i !== right) problems.push(`the quote also supports option ${i + 1} ("${q.options[i]}")`);
  });
  problems.push(...equivalentDistractors(q, evidence));
  return problems;
}
