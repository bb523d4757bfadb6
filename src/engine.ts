import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Answerer } from "./answer/index.js";
import { extractDocx, extractPdf } from "./corpus/formats/index.js";
import type { Extractors } from "./corpus/index.js";
import { loadGlossary } from "./search/glossary.js";
import {
  buildIndex,
  type ConceptFinder,
  type CorpusIndex,
  HashedFeatureEmbeddings,
  NO_CONCEPTS,
  openIndex,
  type Progress,
  Retriever,
} from "./search/index.js";

/**
 * The question-answering engine as the rest of the program sees it: the index of a corpus, a
 * retriever and an answerer, built from a corpus folder and a data folder.
 */
export interface Engine {
  index: CorpusIndex;
  retriever: Retriever;
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

/** Opens (building or refreshing when needed) the engine over `corpusDir`, storing under `dataDir`. */
export async function openEngine(opts: {
  corpusDir: string;
  dataDir: string;
  progress?: Progress;
  rebuild?: boolean;
  /** Overrides the shipped glossary (ablations, tests of other parts). */
  concepts?: ConceptFinder;
}): Promise<Engine> {
  const concepts = opts.concepts ?? (await loadConcepts());
  const embeddings = new HashedFeatureEmbeddings(concepts);
  const options = {
    corpusDir: opts.corpusDir,
    dataDir: opts.dataDir,
    embeddings,
    extractors: EXTRACTORS,
    progress: opts.progress,
  };
  const index = opts.rebuild ? await buildIndex(options) : await openIndex(options);
  const retriever = new Retriever(index, concepts);
  return { index, retriever, answerer: new Answerer(index, retriever) };
}
