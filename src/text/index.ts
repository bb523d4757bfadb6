export { type DateMatch, findDates, formatDate, monthNumber } from "./dates.js";
export { docKey, docToken, findDocNumbers, type NumberMatch } from "./docnumber.js";
export { findPercentages, statesMoney, statesShare } from "./figures.js";
export { fold, foldedPattern, halfWidth, plainQuotes, squash } from "./fold.js";
export { detectLang, isLang, LANGS, type Lang } from "./lang.js";
export { placeNames } from "./places.js";
