import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Answerer } from "./answer/index.js";
import { extractDocx, extractPdf } from "./corpus/formats/index.js";
import type { Extractors } from "./corpus/index.js";
import { type LlmOptions, type LlmSettings, prepareLanguageModel } from "./llm/index.js";
import type { NamedEmbeddings } from "./search/embeddings-checked.js";
import { createEmbeddings, type EmbeddingSettings } from "./search/embeddings-factory.js";
import { loadGlossary } from "./search/glossary.js";
import {
  type ConceptFinder,
  type CorpusIndex,
  DEFAULT_TUNING,
  type IndexSummary,
  NO_CONCEPTS,
  openIndex,
  type Progress,
  type RetrievalTuning,
  Retriever,
  refreshIndex,
} from "./search/index.js";

/**
 * The question-answering engine as the rest of the program sees it: the index of a corpus, a
 * retriever and an answerer, built from a corpus folder and a data folder.
 */
export interface Engine {
  index: CorpusIndex;
  retriever: Retriever;
  /** The extractive `Answerer`, or with LLM set the model answerer (a subclass, same `ask()`). */
  answerer: Answerer;
}

/** The shipped glossary (`glossary/domain.yaml`); users extend it in place. */
export const GLOSSARY_PATH = fileURLToPath(new URL("../glossary/domain.yaml", import.meta.url));

/** PDF and DOCX readers for the corpus. */
export const EXTRACTORS: Extractors = { pdf: extractPdf, docx: extractDocx };

/** Loads the domain glossary, or none when the file is absent. */
export async function loadConcepts(path = GLOSSARY_PATH): Promise<ConceptFinder> {
  return existsSync(path) ? loadGlossary(path) : NO_CONCEPTS;
}

/** The embedding model of these settings (default: the offline one over `concepts`). */
function embeddingsOf(given: EmbeddingSettings | NamedEmbeddings | undefined, concepts: ConceptFinder) {
  return given && "embedQuery" in given ? given : createEmbeddings(given, { concepts });
}

/**
 * Brings the index of `corpusDir` up to date under `dataDir` (`cadre index`) and says what it
 * holds; only what changed is read when the index allows it.
 */
export async function indexCorpus(opts: {
  corpusDir: string;
  dataDir: string;
  progress?: Progress;
  embeddings?: EmbeddingSettings | NamedEmbeddings;
  log?: (line: string) => void;
}): Promise<IndexSummary> {
  const embeddings = embeddingsOf(opts.embeddings, await loadConcepts());
  return refreshIndex({ ...opts, embeddings, extractors: EXTRACTORS });
}

/** Opens (building or refreshing when needed) the engine over `corpusDir`, storing under `dataDir`. */
export async function openEngine(opts: {
  corpusDir: string;
  dataDir: string;
  progress?: Progress;
  /** Overrides the shipped glossary (ablations, tests of other parts). */
  concepts?: ConceptFinder;
  /** Overrides fusion weights and the refusal threshold (tuning runs). */
  tuning?: Partial<RetrievalTuning>;
  /** False leaves the vector index out of retrieval (the ablation in bench/). */
  vectors?: boolean;
  /** The EMBEDDINGS* settings (default: the offline embedding), or a model already made. */
  embeddings?: EmbeddingSettings | NamedEmbeddings;
  /** Where notices for the operator go (default: stderr). */
  log?: (line: string) => void;
  /** The LLM* settings; without `LLM` the offline answerer, unchanged. */
  llm?: LlmSettings & LlmOptions;
}): Promise<Engine> {
  const withModel = opts.llm?.LLM ? prepareLanguageModel(opts.llm) : null;
  const concepts = opts.concepts ?? (await loadConcepts());
  const embeddings = embeddingsOf(opts.embeddings, concepts);
  const options = {
    corpusDir: opts.corpusDir,
    dataDir: opts.dataDir,
    embeddings,
    extractors: EXTRACTORS,
    progress: opts.progress,
    log: opts.log,
  };
  const index = await openIndex(options);
  if (withModel) {
    const tuning = { ...DEFAULT_TUNING, ...opts.tuning };
    return { index, ...withModel({ index, concepts, tuning, vectors: opts.vectors ?? true, log: opts.log }) };
  }
  const retriever = new Retriever(
    index,
    concepts,
    { ...DEFAULT_TUNING, ...opts.tuning },
    opts.vectors ?? true,
  );
  return { index, retriever, answerer: new Answerer(index, retriever) };
}
