import { isMap, isPair, isScalar, LineCounter, parseDocument, Document as YamlDocument } from "yaml";
import type { Document } from "../corpus/index.js";
import { t } from "../i18n/index.js";
import { type Lang, squash } from "../text/index.js";
import { type BankError, describe, fieldName, type Path } from "./bank-errors.js";
import { BankFile, BankQuestion } from "./bank-schema.js";
import { questionId } from "./build.js";
import { norm } from "./text.js";
import type { QuizQuestion } from "./types.js";
import { findVersion } from "./verify.js";

/**
 * Curated question banks (docs/quiz-bank.md): a YAML file a trainer writes or edits, validated
 * whole — every problem reported with its line — and imported all or nothing.
 */

export type { BankError } from "./bank-errors.js";

/** Options of an import. */
export interface ImportOptions {
  /** The language of error messages (default vi). */
  lang?: Lang;
  /** When given, every citation must name a corpus file and quote it word for word. */
  documents?: Document[];
}

/** Reads a bank file; on any problem nothing is imported and every problem is listed. */
export function importBank(
  text: string,
  fileName: string,
  opts: ImportOptions = {},
): { questions: QuizQuestion[] } | { errors: BankError[] } {
  const lang = opts.lang ?? "vi";
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineOf = (offset: number) => lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? 1,
        field: "",
        message: t(lang, "quiz.bank.yaml", {
          detail: `${fileName}: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/u, "")}`,
        }),
      })),
    };
  }
  const data = doc.toJS() as unknown;
  const top = BankFile.safeParse(data);
  if (!top.success)
    return { errors: [{ line: 1, field: "questions", message: t(lang, "quiz.bank.noQuestions") }] };

  // The line of the field at `path` (its key), or of the nearest enclosing node that exists.
  const lineAt = (path: Path): number => {
    const last = path.at(-1);
    if (typeof last === "string" && doc.hasIn(path)) return keyLine(path.slice(0, -1), last);
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined;
      if (node?.range) return lineOf(node.range[0]);
    }
    return 1;
  };
  const keyLine = (path: Path, key: string): number => {
    const map = doc.getIn(path, true);
    const pair = isMap(map)
      ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
      : null;
    const range = pair && isScalar(pair.key) ? pair.key.range : null;
    return range ? lineOf(range[0]) : lineAt(path);
  };

  const errors: BankError[] = [];
  const questions: QuizQuestion[] = [];
  const firstLine = new Map<string, number>();
  top.data.questions.forEach((raw, i) => {
    const base: Path = ["questions", i];
    const parsed = BankQuestion.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(describe(issue, base, raw, lang, lineAt, keyLine));
      return;
    }
    const q = toQuestion(parsed.data);
    const line = lineAt(base);
    const seen = firstLine.get(norm(q.question));
    if (seen !== undefined) {
      errors.push({
        line,
        field: fieldName([...base, "question"]),
        message: t(lang, "quiz.bank.duplicate", { line: seen }),
      });
      return;
    }
    firstLine.set(norm(q.question), line);
    if (opts.documents && q.citation) {
      const cited = findVersion(opts.documents, q.citation.file);
      const field = fieldName([...base, "citation"]);
      if (!cited) {
        errors.push({
          line: keyLine([...base, "citation"], "file"),
          field: `${field}.file`,
          message: t(lang, "quiz.bank.noFile", { file: q.citation.file }),
        });
      } else if (!squash(cited.version.text).includes(squash(q.citation.quote))) {
        errors.push({
          line: keyLine([...base, "citation"], "quote"),
          field: `${field}.quote`,
          message: t(lang, "quiz.bank.notVerbatim", { file: q.citation.file }),
        });
      }
    }
    questions.push(q);
  });
  return errors.length > 0 ? { errors: errors.sort((a, b) => a.line - b.line) } : { questions };
}

function toQuestion(b: BankQuestion): QuizQuestion {
  const correct = (Array.isArray(b.answer) ? b.answer : [b.answer]).map((a) => a - 1);
  const kind = b.kind ?? "curated";
  const right = b.options[correct[0] ?? 0] ?? "";
  return {
    id: b.id ?? questionId(kind, `bank:${norm(b.question)}`, right),
    kind,
    lang: b.lang ?? "vi",
    question: b.question,
    options: b.options,
    correct,
    explanation: b.explanation,
    citation: b.citation
      ? {
          docNumber: b.citation.docNumber ?? null,
          task: b.citation.task ?? null,
          file: b.citation.file,
          quote: b.citation.quote,
        }
      : null,
  };
}

/** Writes questions as a bank file that `importBank` reads back to the same questions. */
export function exportBank(questions: QuizQuestion[]): string {
  const doc = new YamlDocument({
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      question: q.question,
      options: q.options,
      answer: q.correct.length === 1 ? (q.correct[0] ?? 0) + 1 : q.correct.map((c) => c + 1),
      explanation: q.explanation,
      ...(q.citation
        ? {
            citation: {
              ...(q.citation.docNumber ? { docNumber: q.citation.docNumber } : {}),
              ...(q.citation.task !== null ? { task: q.citation.task } : {}),
              file: q.citation.file,
              quote: q.citation.quote,
            },
          }
        : {}),
    })),
  });
  doc.commentBefore =
    " Quiz bank for cadre-bot (format: docs/quiz-bank.md).\n answer counts options from 1; edit freely, then import the file again.";
  return doc.toString({ lineWidth: 0 });
}
