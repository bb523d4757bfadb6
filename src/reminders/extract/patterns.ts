import { monthNumber } from "../../text/index.js";
/**
 * How each language states a reporting duty: the verb, the period ("hằng quý", "chaque mois",
 * "毎月") and the deadline ("trước ngày 20", "by 30 June 2025", "6月10日まで"). Patterns run on
 * the sentence after NFC normalisation and full-width → ASCII folding, which keep offsets usable.
 * Dates written with numbers are day/month (Vietnamese and French order).
 */

/** The four languages duties are read in. */
export type DutyLang = "vi" | "en" | "fr" | "ja";

/** A stated period; "periodic" is a period with no length ("định kỳ", "périodiquement", "定期的に"). */
export type Period = "month" | "quarter" | "half-year" | "year" | "periodic";

/** Which month of the quarter a "day N of the … month of the quarter" deadline names. */
export type QuarterMonth = "first" | 2 | "last";

/** What a language's tables hold. */
export interface LangPatterns {
  /** A reporting verb; each match is one candidate (see `notVerb`). */
  verb: RegExp;
  /** Text right before a verb that makes it not a duty ("theo báo cáo", "đã báo cáo"). */
  notVerb: RegExp;
  periods: { period: Period; re: RegExp }[];
  /**
   * Deadlines; groups: d (day), m (month number) or mn (month name), y (year), q (quarter month).
   * A match with a month and a year but no day means "within that month".
   */
  deadlines: RegExp[];
  /** A further date right after a deadline ("trước ngày 10/6 và 10/12"); sticky, same groups. */
  more?: RegExp;
}

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const w = (source: string) => new RegExp(`${B}(?:${source})${E}`, "giu");

const EN_MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const FR_MONTHS =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

/** Month number of an English or French month name (full or abbreviated), or null. */
export function monthFromName(name: string): number | null {
  return monthNumber(name);
}

/** Reads the quarter-month phrase captured as group q, in any of the languages. */
export function quarterMonthOf(phrase: string): QuarterMonth {
  const p = phrase.toLowerCase();
  if (/đầu|thứ nhất|first|premier|最初|第1|第一/.test(p)) return "first";
  if (/thứ hai|thứ 2|giữa|second|middle|deuxième|second|第2|第二|2番目/.test(p)) return 2;
  return "last";
}

const VI_DEADLINE =
  "(?:trước|chậm nhất(?:\\s+là)?(?:\\s+vào)?|hạn chót(?:\\s+là)?|không muộn hơn|không quá)\\s+";
const VI_QUARTER =
  "(?<q>tháng\\s+(?:cuối|đầu|thứ\\s+(?:nhất|hai|ba|2|3)|giữa)\\s+(?:của\\s+)?(?:mỗi\\s+|hằng\\s+|hàng\\s+)?quý)";

// "Sơ kết 6 tháng", "tổng kết 06 tháng" name one review of a plan's first six months, not "every six
// months" ("định kỳ 6 tháng", "6 tháng một lần"), unless "định kỳ" stands just before the verb
// ("định kỳ sơ kết 6 tháng", "định kỳ báo cáo sơ kết 6 tháng").
const VI_SIX = "(?:6|06|sáu)\\s+tháng";
const VI_REVIEW = "(?<!định kỳ\\s+(?:\\p{L}+\\s+){0,2})(?:sơ|tổng)\\s+kết\\s+";
// A month with a year, no day ("vào tháng 7/2026", "trong tháng 07-2026", "chậm nhất tháng 7 năm 2026"):
// due within that month; schedule.ts reads it as the month's last day. "Trước tháng 7" (= by June)
// and "đầu/giữa tháng" are left out: they do not mean the end of the named month.
const VI_IN_MONTH =
  "(?:vào|trong|chậm nhất(?:\\s+là)?(?:\\s+(?:vào|trong))?|hạn chót(?:\\s+là)?|không muộn hơn|không quá)\\s+(?:cuối\\s+)?";

const vi: LangPatterns = {
  verb: w("báo cáo(?!\\s+viên)|sơ kết|tổng kết|gửi về|gửi lên|nộp về"),
  notVerb: /(?:theo|nghe|đã|vừa|của)\s+$/iu,
  periods: [
    {
      period: "half-year",
      re: w(
        `(?:định kỳ\\s+)?(?<!(?:ngày|trong|sau|vòng|thời hạn)\\s+)(?:${VI_SIX}\\s+một lần|(?<!${VI_REVIEW})${VI_SIX})|(?:hằng|hàng|mỗi)\\s+nửa năm|bán niên`,
      ),
    },
    {
      period: "quarter",
      re: w("(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+quý|định kỳ\\s+quý|theo quý|quý một lần"),
    },
    { period: "month", re: w("(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+tháng|định kỳ\\s+tháng|tháng một lần") },
    {
      period: "year",
      re: w("(?:định kỳ\\s+)?(?:hằng|hàng|mỗi)\\s+năm|định kỳ\\s+năm|thường niên|năm một lần"),
    },
    { period: "periodic", re: w("định kỳ|thường xuyên") },
  ],
  deadlines: [
    w(`${VI_DEADLINE}(?:ngày\\s+)?(?<d>\\d{1,2})\\s*[/.-]\\s*(?<m>\\d{1,2})(?:\\s*[/.-]\\s*(?<y>\\d{4}))?`),
    w(`${VI_DEADLINE}ngày\\s+(?<d>\\d{1,2})\\s+tháng\\s+(?<m>\\d{1,2})(?:\\s+năm\\s+(?<y>\\d{4}))?`),
    w(
      `${VI_DEADLINE}ngày\\s+(?<d>\\d{1,2})(?!\\s*[/.-]\\s*\\d)(?!\\s+tháng\\s+\\d)(?:\\s*,?\\s*(?:của\\s+)?${VI_QUARTER})?`,
    ),
    w(`${VI_IN_MONTH}tháng\\s+(?<m>\\d{1,2})(?:\\s*[/.-]\\s*|\\s+năm\\s+)(?<y>\\d{4})`),
  ],
  more: /\s*(?:và|,)\s*(?:ngày\s+)?(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?(?![\p{L}\p{N}])/iuy,
};

const EN_BY = "(?:before|by|no later than|not later than|on or before|due(?:\\s+on|\\s+by)?)\\s+";
const EN_ORD = "(?:st|nd|rd|th)?";
const EN_QUARTER =
  "(?<q>(?:the\\s+)?(?:last|final|third|first|second|middle)\\s+month\\s+of\\s+(?:the|each|every)\\s+quarter|(?:the|each)\\s+quarter's\\s+(?:last|final|first|second)\\s+month)";

const en: LangPatterns = {
  // "report" as a verb (not "the quarterly report"), or submitting/sending a report.
  verb: w(
    "(?<!(?<!\\p{L})(?:the|a|an|this|that|its|their|our|his|her)\\s+(?:(?:annual|yearly|quarterly|monthly|weekly|semi-?annual|half-yearly|periodic|final|interim|progress|summary|written|mid-year|six-month)\\s+)?)report(?:s|ing)?|(?:submit|send|deliver)(?:s|ting|ing)?\\s+(?:[\\p{L}-]+\\s+){0,3}reports?",
  ),
  notVerb: /(?:according to|per|has|have|had)\s+$/iu,
  periods: [
    {
      period: "half-year",
      re: w("semi-?annual(?:ly)?|half-yearly|biannually|twice a year|every\\s+(?:six|6)\\s+months"),
    },
    { period: "quarter", re: w("quarterly|(?:every|each)\\s+quarter") },
    { period: "month", re: w("monthly|(?:of\\s+)?(?:every|each)\\s+month") },
    { period: "year", re: w("annual(?:ly)?|yearly|(?:every|each)\\s+year") },
    { period: "periodic", re: w("periodic(?:ally)?|regularly") },
  ],
  deadlines: [
    w(`${EN_BY}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})`),
    w(
      `${EN_BY}(?:the\\s+)?(?<d>\\d{1,2})${EN_ORD}\\s+(?:of\\s+)?(?<mn>${EN_MONTHS})\\.?(?:,?\\s+(?<y>\\d{4}))?`,
    ),
    w(`${EN_BY}(?<mn>${EN_MONTHS})\\.?\\s+(?<d>\\d{1,2})${EN_ORD}(?:,?\\s+(?<y>\\d{4}))?`),
    w(`${EN_BY}(?<d>\\d{1,2})/(?<m>\\d{1,2})(?:/(?<y>\\d{4}))?`),
    w(`${EN_BY}the\\s+(?<d>\\d{1,2})${EN_ORD}(?:\\s+(?:day\\s+)?of\\s+${EN_QUARTER})?`),
  ],
  more: new RegExp(
    `\\s*(?:and|,)\\s*(?:the\\s+)?(?<d>\\d{1,2})${EN_ORD}\\s+(?:of\\s+)?(?<mn>${EN_MONTHS})\\.?(?:,?\\s+(?<y>\\d{4}))?(?![\\p{L}\\p{N}])`,
    "iuy",
  ),
};

const FR_BEFORE = "(?:avant le|au plus tard le|d['’]ici le|le ou avant le|avant)\\s+";
const FR_QUARTER =
  "(?<q>(?:du|de)\\s+(?:dernier|premier|deuxième|second|troisième)\\s+mois\\s+(?:du|de chaque)\\s+trimestre)";

const fr: LangPatterns = {
  verb: w(
    "rend(?:re|ent|ra|ront)?\\s+compte|(?:faire|fait|font|fera|feront|faisant)\\s+(?:un\\s+|le\\s+|leur\\s+)?rapport|(?:transmet(?:tre|tent)?|adress(?:er|ent)|soumet(?:tre|tent)?|envo(?:yer|ient)|remet(?:tre|tent)?|présent(?:er|ent))\\s+(?:un|le|les|leur|leurs|des)\\s+(?:[\\p{L}-]+\\s+)?rapports?|(?:faire|font|fait)\\s+le\\s+bilan",
  ),
  notVerb: /(?:\bse|\bs['’]|selon le|d['’]après le)\s*$/iu,
  periods: [
    {
      period: "half-year",
      re: w("tous les (?:six|6) mois|chaque semestre|semestriel(?:le)?(?:ment|s)?"),
    },
    { period: "quarter", re: w("chaque trimestre|tous les trimestres|trimestriel(?:le)?(?:ment|s)?") },
    { period: "month", re: w("chaque mois|tous les mois|mensuel(?:le)?(?:ment|s)?") },
    { period: "year", re: w("chaque année|tous les ans|annuel(?:le)?(?:ment|s)?") },
    { period: "periodic", re: w("périodique(?:ment|s)?|régulièrement") },
  ],
  deadlines: [
    w(`${FR_BEFORE}(?<d>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})(?:\\s*/\\s*(?<y>\\d{4}))?`),
    w(`${FR_BEFORE}(?<d>\\d{1,2})(?:er)?\\s+(?<mn>${FR_MONTHS})(?:\\s+(?<y>\\d{4}))?`),
    w(`${FR_BEFORE}(?<d>\\d{1,2})(?:er)?(?!\\s*/)(?!\\s+(?:${FR_MONTHS}))(?:\\s+${FR_QUARTER})?`),
  ],
  more: new RegExp(
    `\\s*(?:et|,)\\s*(?:le\\s+)?(?<d>\\d{1,2})(?:er)?\\s+(?<mn>${FR_MONTHS})(?:\\s+(?<y>\\d{4}))?(?![\\p{L}\\p{N}])`,
    "iuy",
  ),
};

const ja: LangPatterns = {
  verb: /報告(?!によ|では|書によ)/gu,
  notVerb: /(?:の|した)$/u,
  periods: [
    { period: "half-year", re: /半年ごと|半年毎|(?<!四)半期ごと|(?:6|六)(?:か|ヶ|カ|ケ)月ごと/gu },
    { period: "quarter", re: /四半期ごと|四半期毎|毎四半期|四半期に一度/gu },
    { period: "month", re: /毎月|月次|月ごと|月毎/gu },
    { period: "year", re: /毎年|年次|年に一度|年1回/gu },
    { period: "periodic", re: /定期的/gu },
  ],
  deadlines: [
    /(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日(?:まで|以前)/gu,
    /(?<q>四半期の(?:最終|最後の|最初の|第[12一二]の?|2番目の)月)の?(?<d>\d{1,2})日(?:まで|以前)/gu,
    /(?<!\d)(?<d>\d{1,2})日(?:まで|以前)/gu,
  ],
};

/** The pattern tables, by language. */
export const PATTERNS: Record<DutyLang, LangPatterns> = { vi, en, fr, ja };
