export { Answerer, sourceLine } from "./answer.js";
export { type Intent, type ParsedQuestion, parseQuestion } from "./question.js";
export { focusQuote, MAX_QUOTE, trimQuote } from "./quote.js";
export type { Answer, Citation, Conversation } from "./types.js";
export { docLabel, versionsFor } from "./versions.js";
