/**
 * Reporting duties found in directives: `extractDuties(text)` → rule, quote, units, recipient.
 * Pure text processing; the rules it returns are the calendar's `Rule` (see ../calendar).
 */
export { type Duty, type ExtractOptions, extractDuties } from "./duties.js";
export { splitUnits } from "./parties.js";
export type { DutyLang } from "./patterns.js";
export { type Sentence, splitSentences } from "./sentences.js";
