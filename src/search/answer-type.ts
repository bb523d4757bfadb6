import type { Passage } from "../corpus/index.js";
import { findDates, findDocNumbers, fold } from "../text/index.js";

/**
 * The kind of answer a question wants, and whether a passage can give it: "how many / what share"
 * wants a figure, "when / by what date / how long" a date, a time rule or a duration. The answerer
 * quotes no passage without the figure a "how many" asks for; retrieval's decision counts a passage
 * that gives the wanted kind as evidence that it answers (decide.ts, `answerType`).
 */

const QUANTITY =
  /\b(bao nhieu|may|ty le|muc|how many|how much|what percentage|what share|what rate|what proportion|what figure|combien|quel (?:est le |etait le )?(?:taux|montant|pourcentage|nombre|chiffre)|quelle (?:est la )?(?:part|proportion|somme))\b|何(?:人|件|％|%|パーセント|割|億|万|個|回)|いくら|どれくらい|どのくらい/u;

/** True when the question asks for a number ("bao nhiêu", "how many", "combien", "何％"). */
export function asksQuantity(question: string): boolean {
  return QUANTITY.test(fold(question));
}

/**
 * True when the passage states a figure: digits other than its list label ("3."), the document
 * numbers and dates it cites, and the years the question itself names.
 */
export function statesFigure(passage: Passage, question: string): boolean {
  let text = passage.text.replace(/^\s*(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s/u, " ");
  for (const n of findDocNumbers(text)) text = text.split(n.text).join(" ");
  for (const d of findDates(text).reverse()) text = `${text.slice(0, d.start)} ${text.slice(d.end)}`;
  const years = new Set(question.match(/\b(?:19|20)\d{2}\b/g) ?? []);
  const numbers = text.match(/\d+(?:[.,]\d+)?/g) ?? [];
  return numbers.some((n) => !years.has(n)) || NUMBER_WORDS.test(fold(text));
}

/**
 * Counts written as words ("seize collectifs", "twelve communes", "hai lần", "三回"). Vietnamese
 * counts need a classifier after them ("một số" is "some", not a count); "một"/"one" are left out.
 */
const NUMBER_WORDS =
  /\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen)s?\b|\b(?:hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan) (?:lan|nguoi|tap the|ca nhan|xa|huyen|ngay|thang|nam|mo hinh|hoi nghi|ho)\b|[二三四五六七八九十百千万]+(?:人|件|回|つ|か所|名|団体)/u;

const TIME_WORDS =
  /\b(ngay \d|thang \d|nam \d{4}|hang (thang|quy|nam)|dinh ky|truoc ngay|quy [1-4i]|6 thang|before|by the|quarterly|monthly|annually|every|avant le|chaque|trimestriel|annuel)\b|\d{1,2}月|\d{4}年|毎(月|年|四半期)/u;

/** True when a passage states a date or a time rule ("trước ngày 25", "hằng quý", "2024年2月22日"). */
export function statesTime(text: string): boolean {
  return findDates(text).length > 0 || TIME_WORDS.test(fold(text));
}

const TIME_QUESTION =
  /\b(ngay nao|hom nao|khi nao|bao gio|bao lau|thoi han|han chot|truoc ngay nao|when|what date|which date|what day|which day|deadline|by when|how long|how soon|within how|quand|quelle date|quel jour|date limite|jusqu'a quand|combien de temps|dans quel delai|delai)\b|いつ|日付|何日|何年|期限|どのくらいの期間|どれくらいの期間/u;

/** True when the question asks for a date, a deadline or a duration ("khi nào", "how long", "いつ"). */
export function asksTime(question: string): boolean {
  return TIME_QUESTION.test(fold(question).replace(/[’']/g, "'"));
}

/**
 * 1 when the question asks for a figure or a time and the passage states one, else 0 (a question
 * asking neither gets 0: the feature only speaks for passages that give what was asked).
 */
export function answerTypeFit(question: string, passage: Passage): number {
  if (asksQuantity(question) && statesFigure(passage, question)) return 1;
  if (asksTime(question) && (statesTime(passage.text) || statesFigure(passage, question))) return 1;
  return 0;
}
