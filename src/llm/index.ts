/**
 * The optional language model (issue 7): LangChain chat clients for `LLM=openai|ollama`, prompts
 * from `prompts/`, answers that explain the quoted passages and never go beyond them, query
 * rewriting across the corpus's languages, and quiz rephrasing checked by the quiz verifier.
 */
export { LANGUAGE_LABELS, ModelAnswerer, type ModelAnswererDeps } from "./answerer.js";
export { type LlmOptions, type LlmParts, prepareLanguageModel, withLanguageModel } from "./engine.js";
export { type CheckedReply, checkReply, MAX_ANSWER_CHARS, NO_ANSWER, type Rejection } from "./guard.js";
export {
  createChatModel,
  DEFAULT_LLM_MODELS,
  DEFAULT_LLM_TIMEOUT_MS,
  type LanguageModel,
  LLM_RETRIES,
  type LlmSettings,
  LlmTimeoutError,
  withDeadline,
} from "./model.js";
export { defuse, formatPassages, MAX_PASSAGES, passagesFor } from "./passages.js";
export {
  loadPrompts,
  PROMPT_PLACEHOLDERS,
  PROMPTS_DIR,
  type Prompt,
  PromptError,
  type PromptName,
  type Prompts,
  renderPrompt,
} from "./prompts.js";
export { type RephraseReport, rephraseQuiz, rephraseWithSettings } from "./quiz.js";
export { corpusLanguages, parseRewrites, QueryRewriter, RewritingRetriever } from "./rewrite.js";
