/**
 * A rule in plain words, for chat messages (vi first) and for the `rule` field of the JSON contract
 * (DESIGN §3.3 prints the English form, e.g. "quarterly, before the 20th of the quarter's last month").
 */
import type { Lang } from "../../text/index.js";
import type { Rule } from "./recurrence.js";
import { dateParts } from "./zone.js";

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

type DayMonth = { day: number; month: number };

const dayMonth: Record<Lang, (d: DayMonth) => string> = {
  vi: (d) => `${d.day}/${d.month}`,
  en: (d) => `${d.day} ${EN_MONTHS[d.month - 1]}`,
  fr: (d) => `${d.day === 1 ? "1er" : d.day} ${FR_MONTHS[d.month - 1]}`,
  ja: (d) => `${d.month}月${d.day}日`,
};

function fullDate(iso: string, lang: Lang): string {
  const { y, m, d } = dateParts(iso);
  if (lang === "ja") return `${y}年${m}月${d}日`;
  if (lang === "vi") return `${d}/${m}/${y}`;
  return `${dayMonth[lang]({ day: d, month: m })} ${y}`;
}

function joined(items: string[], lang: Lang): string {
  const and = { vi: " và ", en: " and ", fr: " et ", ja: "と" }[lang];
  return items.join(and);
}

type QuarterMonth = "first" | "last" | 1 | 2 | 3;
const quarterMonthIndex = (m: QuarterMonth): 1 | 2 | 3 => (m === "first" ? 1 : m === "last" ? 3 : m);

const PERIOD = {
  vi: { month: "hằng tháng", quarter: "hằng quý", "half-year": "định kỳ 6 tháng", year: "hằng năm" },
  en: { month: "monthly", quarter: "quarterly", "half-year": "every six months", year: "annually" },
  fr: {
    month: "chaque mois",
    quarter: "chaque trimestre",
    "half-year": "tous les six mois",
    year: "chaque année",
  },
  ja: { month: "毎月", quarter: "四半期ごと", "half-year": "半年ごと", year: "毎年" },
} as const;

function vi(rule: Rule): string {
  switch (rule.kind) {
    case "once":
      return `một lần, trước ngày ${fullDate(rule.date, "vi")}`;
    case "monthly":
      return rule.day >= 29
        ? `hằng tháng, trước ngày ${rule.day} (tháng ngắn hơn: ngày cuối tháng)`
        : `hằng tháng, trước ngày ${rule.day}`;
    case "quarterly": {
      const which = { 1: "tháng đầu quý", 2: "tháng thứ hai của quý", 3: "tháng cuối quý" }[
        quarterMonthIndex(rule.month)
      ];
      return `hằng quý, trước ngày ${rule.day} của ${which}`;
    }
    case "semiannual":
      return `định kỳ 6 tháng, trước ngày ${joined(rule.dates.map(dayMonth.vi), "vi")}`;
    case "annual":
      return `hằng năm, trước ngày ${dayMonth.vi(rule)}`;
    case "cron":
      return `theo lịch cron "${rule.expr}"`;
    case "periodic":
      return rule.every
        ? `${PERIOD.vi[rule.every]}, không nêu ngày cụ thể`
        : "định kỳ, không nêu thời hạn cụ thể";
  }
}

function en(rule: Rule): string {
  switch (rule.kind) {
    case "once":
      return `once, before ${fullDate(rule.date, "en")}`;
    case "monthly":
      return rule.day >= 29
        ? `monthly, before the ${ordinal(rule.day)} (the last day in shorter months)`
        : `monthly, before the ${ordinal(rule.day)}`;
    case "quarterly": {
      const which = { 1: "first", 2: "second", 3: "last" }[quarterMonthIndex(rule.month)];
      return `quarterly, before the ${ordinal(rule.day)} of the quarter's ${which} month`;
    }
    case "semiannual":
      return `every six months, before ${joined(rule.dates.map(dayMonth.en), "en")}`;
    case "annual":
      return `annually, before ${dayMonth.en(rule)}`;
    case "cron":
      return `on the cron schedule "${rule.expr}"`;
    case "periodic":
      return rule.every ? `${PERIOD.en[rule.every]}, no date stated` : "periodically, no date stated";
  }
}

function fr(rule: Rule): string {
  switch (rule.kind) {
    case "once":
      return `une fois, avant le ${fullDate(rule.date, "fr")}`;
    case "monthly":
      return `chaque mois, avant le ${rule.day === 1 ? "1er" : rule.day}`;
    case "quarterly": {
      const which = { 1: "premier", 2: "deuxième", 3: "dernier" }[quarterMonthIndex(rule.month)];
      return `chaque trimestre, avant le ${rule.day === 1 ? "1er" : rule.day} du ${which} mois du trimestre`;
    }
    case "semiannual":
      return `tous les six mois, avant le ${joined(rule.dates.map(dayMonth.fr), "fr")}`;
    case "annual":
      return `chaque année, avant le ${dayMonth.fr(rule)}`;
    case "cron":
      return `selon le calendrier cron « ${rule.expr} »`;
    case "periodic":
      return rule.every
        ? `${PERIOD.fr[rule.every]}, sans date précisée`
        : "périodiquement, sans date précisée";
  }
}

function ja(rule: Rule): string {
  switch (rule.kind) {
    case "once":
      return `1回、${fullDate(rule.date, "ja")}まで`;
    case "monthly":
      return `毎月${rule.day}日まで`;
    case "quarterly": {
      const which = { 1: "最初の月", 2: "2番目の月", 3: "最終月" }[quarterMonthIndex(rule.month)];
      return `四半期ごと、四半期の${which}の${rule.day}日まで`;
    }
    case "semiannual":
      return `半年ごと、${joined(rule.dates.map(dayMonth.ja), "ja")}まで`;
    case "annual":
      return `毎年${dayMonth.ja(rule)}まで`;
    case "cron":
      return `cronスケジュール「${rule.expr}」`;
    case "periodic":
      return rule.every ? `${PERIOD.ja[rule.every]}(期日の定めなし)` : "定期的(期日の定めなし)";
  }
}

/**
 * The rule in plain words. Use `en` for the JSON contract's `rule` field and the user's language in chat:
 * describeRule({kind: "quarterly", day: 20, month: "last"}, "en") →
 * "quarterly, before the 20th of the quarter's last month".
 */
export function describeRule(rule: Rule, lang: Lang = "vi"): string {
  return { vi, en, fr, ja }[lang](rule);
}
