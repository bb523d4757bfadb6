import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Document } from "../corpus/index.js";
import { type BankError, importBank } from "./bank.js";
import type { QuizQuestion } from "./types.js";

/**
 * Curated banks a trainer imported (`cadre quiz import FILE`): kept as YAML files in one folder
 * under the data directory, checked again against the corpus whenever they are loaded, and used by
 * `/quiz start bank`.
 */

/** The folder of imported banks inside the data directory. */
export const BANKS_FOLDER = "quiz-banks";

/**
 * Checks a bank file against the corpus and, only when every question passes, stores it (replacing
 * a bank of the same name atomically). Returns the questions, or every problem with its line.
 */
export function saveBank(
  dir: string,
  file: string,
  documents: Document[],
): { questions: QuizQuestion[] } | { errors: BankError[] } {
  const text = readFileSync(file, "utf8");
  const result = importBank(text, path.basename(file), { documents });
  if ("errors" in result) return result;
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(file).replace(/\.(ya?ml|txt)$/i, "")}.yaml`);
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  return result;
}

/** Every question of the stored banks that still checks out against the corpus. */
export function loadBanks(dir: string, documents: Document[], log?: (line: string) => void): QuizQuestion[] {
  if (!existsSync(dir)) return [];
  const out: QuizQuestion[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const result = importBank(readFileSync(path.join(dir, name), "utf8"), name, { documents });
    if ("errors" in result)
      log?.(`quiz bank ${name} no longer matches the corpus: ${result.errors[0]?.message}`);
    else out.push(...result.questions);
  }
  return out;
}
