export { hashBytes, parseVersion, type FrontMatter } from "./parse.js";
export { type CorpusFile, CORPUS_EXTENSIONS, type Extractor, type Extractors, groupDocuments, listCorpus, readVersion } from "./read.js";
export { ordinalValue } from "./ordinals.js";
export type { Article, Document, DocumentVersion, Passage, ReadError, Task } from "./types.js";
