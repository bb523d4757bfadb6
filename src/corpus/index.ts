export { ordinalValue } from "./ordinals.js";
export { type FrontMatter, hashBytes, PARSER_VERSION, parseVersion } from "./parse.js";
export { preamble } from "./preamble.js";
export {
  CORPUS_EXTENSIONS,
  type CorpusFile,
  type Extractor,
  type Extractors,
  groupDocuments,
  groupOf,
  listCorpus,
  readVersion,
} from "./read.js";
export type { Article, Document, DocumentVersion, Passage, ReadError, Task } from "./types.js";
