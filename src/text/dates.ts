import { fold } from "./fold.js";

/** A calendar date found in text: ISO form plus where it stands. */
export interface DateMatch {
  iso: string;
  start: number;
  end: number;
}

const FR_MONTHS = [
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];
const EN_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Each pattern yields (day, month, year) from its groups; months may be names.
const PATTERNS: { re: RegExp; pick: (g: string[]) => [number, number, number] | null }[] = [
  // ngày 22 tháng 02 năm 2024 (also folded: ngay 22 thang 02 nam 2024)
  {
    re: /ng[aà]y\s+(\d{1,2})\s+th[aá]ng\s+(\d{1,2})\s+n[aă]m\s+(\d{4})/giu,
    pick: (g) => [Number(g[1]), Number(g[2]), Number(g[3])],
  },
  // 2024年2月22日
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu,
    pick: (g) => [Number(g[3]), Number(g[2]), Number(g[1])],
  },
  // 2024-02-22
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, pick: (g) => [Number(g[3]), Number(g[2]), Number(g[1])] },
  // 22/02/2024, 22-02-2024, 22.02.2024 (day first, as in Vietnam and France)
  {
    re: /(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])/g,
    pick: (g) => [Number(g[1]), Number(g[2]), Number(g[3])],
  },
  // 22 février 2024, 1er mars 2024, 22 February 2024
  {
    re: /(?<!\d)(\d{1,2})(?:er)?\s+([a-zA-Zéèûô]+)\s+(\d{4})(?!\d)/gu,
    pick: (g) => {
      const m = monthNumber(g[2] ?? "");
      return m ? [Number(g[1]), m, Number(g[3])] : null;
    },
  },
  // February 22, 2024
  {
    re: /([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})(?!\d)/g,
    pick: (g) => {
      const m = monthNumber(g[1] ?? "");
      return m ? [Number(g[2]), m, Number(g[3])] : null;
    },
  },
];

/** The month (1–12) a French or English month name (or English abbreviation) names, or null. */
export function monthNumber(word: string): number | null {
  const w = fold(word);
  const fr = FR_MONTHS.indexOf(w);
  if (fr >= 0) return fr + 1;
  const en = EN_MONTHS.findIndex(
    (name) => name === w || (w.length >= 3 && name.startsWith(w) && w !== "mar"),
  );
  if (en >= 0) return en + 1;
  return w === "mar" ? 3 : null;
}

/** Every full date (day, month and year) in `text`, in order, in any notation the corpus uses. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { re, pick } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const parts = pick([...m].map((g) => g ?? ""));
      const value = parts ? iso(parts[2], parts[1], parts[0]) : null;
      if (!value) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ iso: value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Formats an ISO date the way each language writes it (22/02/2024, 2024年2月22日, …). */
export function formatDate(isoDate: string, lang: "vi" | "en" | "fr" | "ja"): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  if (lang === "ja") return `${y}年${m}月${d}日`;
  if (lang === "en") return `${d} ${EN_MONTHS[m - 1]?.replace(/^./, (c) => c.toUpperCase())} ${y}`;
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}
