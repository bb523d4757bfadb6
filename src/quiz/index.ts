/**
 * Quizzes about the directives (issue 6): questions generated from the corpus and verified
 * against it, curated banks imported from and exported to YAML, and the JSON of DESIGN §3.4.
 */
export { type BankError, exportBank, type ImportOptions, importBank } from "./bank.js";
export { BANKS_FOLDER, loadBanks, saveBank } from "./banks.js";
export {
  type GenerateOptions,
  type GenerateReport,
  generateQuiz,
  generateQuizReport,
} from "./generate.js";
export { toJson } from "./json.js";
export type { QuizRunnerOptions, StartRequest } from "./runner.js";
export {
  createQuizRunner,
  QuizRunner,
  type Voter,
} from "./runner-answers.js";
export { ManualQuizClock, type QuizClock, systemQuizClock } from "./runner-clock.js";
export { optionAction, type QuestionMode } from "./runner-replies.js";
export { compareStandings, type History, history, rank, type Standing, type WeakSpot } from "./scores.js";
export {
  parseStartArgs,
  parseStoredQuestion,
  QUIZ_DEFAULTS,
  type StartArgs,
  trainersFrom,
} from "./session.js";
export { LIMITS, QUIZ_KINDS, type QuizCitation, type QuizKind, type QuizQuestion } from "./types.js";
export { citationProblems, limitProblems, type VerifyContext, verifyQuestion } from "./verify.js";
