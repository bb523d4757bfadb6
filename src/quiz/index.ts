/**
 * Quizzes about the directives (issue 6): questions generated from the corpus and verified
 * against it, curated banks imported from and exported to YAML, and the JSON of DESIGN §3.4.
 */
export { type BankError, exportBank, type ImportOptions, importBank } from "./bank.js";
export {
  type GenerateOptions,
  type GenerateReport,
  generateQuiz,
  generateQuizReport,
} from "./generate.js";
export { toJson } from "./json.js";
export { LIMITS, QUIZ_KINDS, type QuizCitation, type QuizKind, type QuizQuestion } from "./types.js";
export { citationProblems, limitProblems, type VerifyContext, verifyQuestion } from "./verify.js";
