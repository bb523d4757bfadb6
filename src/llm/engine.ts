import { type ConceptFinder, type CorpusIndex, type RetrievalTuning, Retriever } from "../search/index.js";
import { ModelAnswerer } from "./answerer.js";
import { createChatModel, type LanguageModel, type LlmSettings } from "./model.js";
import { loadPrompts, type Prompts } from "./prompts.js";
import { corpusLanguages, QueryRewriter, RewritingRetriever } from "./rewrite.js";

/** What `openEngine` hands over when a model is configured. */
export interface LlmParts {
  index: CorpusIndex;
  concepts: ConceptFinder;
  tuning: RetrievalTuning;
  vectors: boolean;
  log?: (line: string) => void;
}

/** Options for tests and tools: a model or prompts already made, rewriting off. */
export interface LlmOptions {
  model?: LanguageModel;
  prompts?: Prompts;
  /** False: no query rewrite before retrieval (default true). */
  rewrite?: boolean;
}

/**
 * Checks the model settings and prompts (a `ConfigError` or `PromptError` stops start-up before any
 * indexing work), and returns what builds the engine's retriever and answerer once the index is open.
 */
export function prepareLanguageModel(
  settings: LlmSettings & LlmOptions,
): (parts: LlmParts) => { retriever: RewritingRetriever; answerer: ModelAnswerer } {
  const prompts = settings.prompts ?? loadPrompts();
  const model = settings.model ?? createChatModel(settings);
  return (parts) => withLanguageModel(parts, { ...settings, prompts, model });
}

/**
 * The retriever and answerer of an engine with a language model: retrieval with query rewriting,
 * the model answerer over the extractive one.
 */
export function withLanguageModel(
  parts: LlmParts,
  opts: LlmOptions & { model: LanguageModel; prompts: Prompts },
): { retriever: RewritingRetriever; answerer: ModelAnswerer } {
  const { prompts, model } = opts;
  const { index, concepts, tuning, vectors, log } = parts;
  const languages = opts.rewrite === false ? [] : corpusLanguages(index);
  const rewriter = new QueryRewriter(model, prompts.rewrite, languages, log);
  const retriever = new RewritingRetriever(rewriter, index, concepts, tuning, vectors);
  const related = new Retriever(index, concepts, tuning, vectors);
  return { retriever, answerer: new ModelAnswerer({ index, retriever, related, model, prompts, log }) };
}
