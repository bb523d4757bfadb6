import type { z } from "zod";
import { t } from "../i18n/index.js";
import type { Lang } from "../text/index.js";

/**
 * zod's issues about a bank file turned into what a trainer can act on: the line, the field and
 * a phrase (in the trainer's language) saying what is wrong and what to write instead.
 */

/** One problem in a bank file: the line (1-based), the field ("questions[2].answer") and what to do. */
export interface BankError {
  line: number;
  field: string;
  message: string;
}

export type Path = (string | number)[];

/** "questions[2].answer" from a path. */
export const fieldName = (path: Path) =>
  path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "");

/** The error a zod issue about question `base` of the file stands for. */
export function describe(
  issue: z.core.$ZodIssue,
  base: Path,
  raw: unknown,
  lang: Lang,
  lineAt: (p: Path) => number,
  keyLine: (p: Path, key: string) => number,
): BankError {
  const path: Path = [...base, ...(issue.path as Path)];
  const field = fieldName(path);
  const last = String(issue.path.at(-1) ?? "");
  const msg = (key: string, vars: Record<string, string | number> = {}) => t(lang, `quiz.bank.${key}`, vars);
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      return {
        line: keyLine(path, key),
        field: fieldName([...path, key]),
        message: msg("unknownField", { field: key }),
      };
    }
    case "invalid_type": {
      const present = valueAt(raw, issue.path as Path) !== undefined;
      const expected =
        issue.expected === "array"
          ? "list"
          : issue.expected === "object"
            ? "object"
            : issue.expected === "number" || issue.expected === "int"
              ? "number"
              : "string";
      const message = present
        ? msg("type", { field: last, expected: t(lang, `quiz.bank.expect.${expected}`) })
        : msg("missing", { field: last });
      return { line: lineAt(path), field, message };
    }
    case "too_big":
      if (issue.origin === "array") return { line: lineAt(path), field, message: msg("options") };
      return {
        line: lineAt(path),
        field,
        message: msg("tooLong", { field: last, max: Number(issue.maximum) }),
      };
    case "too_small":
      if (issue.origin === "array") return { line: lineAt(path), field, message: msg("options") };
      if (issue.origin === "number") return { line: lineAt(path), field, message: answerMessage(raw, lang) };
      return { line: lineAt(path), field, message: msg("empty", { field: last }) };
    case "invalid_value":
      return { line: lineAt(path), field, message: msg("lang") };
    case "invalid_union":
      if (valueAt(raw, issue.path as Path) === undefined)
        return { line: lineAt(path), field, message: msg("missing", { field: last }) };
      return { line: lineAt(path), field, message: answerMessage(raw, lang) };
    case "custom":
      if (issue.message === "sameOptions") {
        return {
          line: lineAt(path),
          field,
          message: msg("sameOptions", { option: String(valueAt(raw, issue.path as Path)) }),
        };
      }
      return { line: lineAt(path), field, message: answerMessage(raw, lang) };
    default:
      return { line: lineAt(path), field, message: issue.message };
  }
}

function answerMessage(raw: unknown, lang: Lang): string {
  const options = valueAt(raw, ["options"]);
  return t(lang, "quiz.bank.answer", { max: Array.isArray(options) ? options.length : 2 });
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path)
    v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}
