import type { DocumentVersion } from "../corpus/index.js";
import { findDates, findDocNumbers, monthNumber } from "../text/index.js";
import type { Random } from "./random.js";

/**
 * Figures stated in the text — percentages ("74,34 %", "95,5%") and counts ("4 930 conférences",
 * "ít nhất 01 ngày") — and plausible wrong values written the same way. Years, dates, document
 * numbers, ordinals ("93e") and list labels are not figures.
 */

/** A figure as written, its value and how it is written. */
export interface Figure {
  raw: string;
  value: number;
  start: number;
  end: number;
  percent: boolean;
  /** Digits after the decimal separator. */
  decimals: number;
  decimalSep: string;
  groupSep: string;
  /** Width of a zero-padded integer ("01" → 2), else 0. */
  pad: number;
  /** The text between the number and "%" (" " or ""). */
  percentGap: string;
}

const NUMBER =
  /(?<![\p{L}\p{N}/.,°-])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:([.,])(\d{1,3}))?(?:(\s?)%|(?=\s+\p{L}))(?![\p{N}/-])/gu;
const NOT_BEFORE =
  /(?:điều|khoản|mục|số|n°|no\.?|nhiệm vụ|tâche|task|article|point|第|chương|khóa|lần thứ)\s*$/iu;

/** The figures of `version`, in text order. */
export function findFigures(version: DocumentVersion): Figure[] {
  const text = version.text;
  const taken = [...findDates(text), ...findDocNumbers(text)];
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [raw, whole = "", dsep = "", dec = "", gap] = m;
    const start = m.index;
    const end = start + raw.length;
    if (taken.some((s) => start < s.end && end > s.start)) continue;
    if (NOT_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const percent = gap !== undefined;
    const groupSep = whole.match(/[ \u00a0.]/u)?.[0] ?? "";
    const intValue = Number(whole.replace(/[ \u00a0.]/gu, ""));
    // Years and list labels at the start of a line are not quiz figures.
    if (!percent && !groupSep && intValue >= 1900 && intValue <= 2100) continue;
    if (/(^|\n)\s*$/u.test(text.slice(Math.max(0, start - 4), start))) continue;
    // "21 décembre" is a day of the month, not a figure.
    const next = text.slice(end).match(/^\s+([\p{L}]+)/u)?.[1];
    if (!percent && next && monthNumber(next) !== null) continue;
    out.push({
      raw: raw.trimEnd(),
      value: intValue + (dec ? Number(`0.${dec}`) : 0),
      start,
      end: start + raw.trimEnd().length,
      percent,
      decimals: dec.length,
      decimalSep: dsep,
      groupSep,
      pad: !percent && /^0\d/u.test(whole) ? whole.length : 0,
      percentGap: gap ?? "",
    });
  }
  return out;
}

/** `value` written the way `like` is written. */
export function formatLike(like: Figure, value: number): string {
  const fixed = value.toFixed(like.decimals);
  const [int = "0", dec = ""] = fixed.split(".");
  let digits = like.pad ? int.padStart(like.pad, "0") : int;
  if (like.groupSep && digits.length > 3) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/gu, like.groupSep);
  const number = dec ? `${digits}${like.decimalSep || "."}${dec}` : digits;
  return like.percent ? `${number}${like.percentGap}%` : number;
}

/** Wrong values close to `fig`, written like it, that `exclude` (the quoted sentence) does not hold. */
export function nearbyValues(
  fig: Figure,
  rng: Random,
  count: number,
  exclude: (s: string) => boolean,
): string[] {
  const v = fig.value;
  const step = fig.decimals > 0 ? 10 ** -fig.decimals : 1;
  const digits = String(Math.trunc(v));
  // Reversed digits ("47" for "74") only when no leading zero would vanish ("001" is not "100").
  const swapped = digits.endsWith("0") ? v : Number([...digits].reverse().join("")) + (v - Math.trunc(v));
  const ideas = fig.percent
    ? [v + 10, v - 10, v + 5, v - 5, swapped, v + 3 * step * (fig.decimals ? 10 : 1), v - 2]
    : v <= 12
      ? [v + 1, v - 1, v + 2, v * 2, v + 3]
      : [
          v * 2,
          Math.round(v / 2),
          Math.round(v * 1.5),
          Math.round(v * 0.75),
          v + 10 ** Math.floor(Math.log10(v)),
        ];
  const seen = new Set([formatLike(fig, v)]);
  const out: string[] = [];
  for (const idea of rng.shuffle(ideas)) {
    const value = fig.decimals ? Math.round(idea / step) * step : Math.round(idea);
    if (value <= 0 || (fig.percent && value > 100)) continue;
    const text = formatLike(fig, value);
    if (seen.has(text) || exclude(text)) continue;
    seen.add(text);
    out.push(text);
    if (out.length >= count) break;
  }
  return out;
}
