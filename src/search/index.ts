export { type ConceptFinder, NO_CONCEPTS } from "./concepts.js";
export {
  buildIndex,
  CorpusIndex,
  type IndexOptions,
  type IndexSummary,
  isStale,
  loadIndex,
  type Manifest,
  openIndex,
  type Progress,
  refreshIndex,
} from "./corpus-index.js";
export { HashedFeatureEmbeddings } from "./embeddings.js";
export type { Entry } from "./entries.js";
export { sharesStem } from "./lexical.js";
export {
  DEFAULT_TUNING,
  type Hit,
  type RetrievalResult,
  type RetrievalTuning,
  Retriever,
  type SearchQuery,
} from "./retrieve.js";
export { tokenize } from "./tokenize.js";
