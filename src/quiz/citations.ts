import type { DocumentVersion } from "../corpus/index.js";
import { type DateMatch, docKey, findDates, findDocNumbers } from "../text/index.js";

/**
 * Facts a document states about another one it cites: "la décision n° 23-QD/TW du 30 juillet 2021
 * du Bureau politique", "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị",
 * "2021年7月30日付政治局決定第23-QD/TW号". Only a date or issuer written right next to the number
 * is taken, so the pairing is never a guess.
 */

/** A span of the file. */
export interface Span {
  start: number;
  end: number;
}

/** What one mention of a cited document states. */
export interface CitedFact {
  number: string;
  key: string;
  at: Span;
  date: (DateMatch & { iso: string }) | null;
  issuer: (Span & { name: string }) | null;
  /** The clause holding the mention: the quote. */
  clause: Span;
}

const BETWEEN_NUMBER_AND_DATE = /^[\s,]*(?:du|ngày|ngay|dated|of|en date du)?[\s,]*$/iu;
const JA_DATE_BEFORE = /^付[^、。「」]{0,20}第$/u;
const JA_TYPES = /(?:決定|結論|指令|指示|決議|計画|規定|規則|公文|通知|通達|議定)第$/u;
const FR_ISSUER =
  /^\s*(?:du|de la|de l'|des|de)\s+(\p{Lu}[^«»"“”,;()\n.]*?)(?=\s*(?:[«"“,;(.\n]|$|\s(?:portant|relati|sur|visant|concernant|pour|afin)))/u;
const VI_ISSUER =
  /^\s*của\s+(\p{Lu}[^"“”,;()\n.]*?)(?=\s*(?:["“,;(.\n]|$|\s(?:về|ban hành|quy định|hướng dẫn)\s))/u;

/** Every cited document mention in `version` with the date and issuer stated next to it. */
export function citedFacts(version: DocumentVersion): CitedFact[] {
  const own = version.number ? docKey(version.number) : null;
  const text = version.text;
  const dates = findDates(text);
  const out: CitedFact[] = [];
  for (const n of findDocNumbers(text)) {
    if (n.key === own) continue;
    let date: DateMatch | null = null;
    let issuer: CitedFact["issuer"] = null;
    if (version.lang === "ja") {
      const before = text.slice(Math.max(0, n.start - 40), n.start);
      date = dates.find((d) => d.end <= n.start && JA_DATE_BEFORE.test(text.slice(d.end, n.start))) ?? null;
      if (date && JA_TYPES.test(before)) {
        const between = text.slice(date.end + 1, n.start).replace(JA_TYPES, "");
        if (between.length >= 2 && between.length <= 15) {
          issuer = { name: between, start: date.end + 1, end: date.end + 1 + between.length };
        }
      }
    } else {
      date =
        dates.find((d) => d.start >= n.end && BETWEEN_NUMBER_AND_DATE.test(text.slice(n.end, d.start))) ??
        null;
      const after = date ? date.end : n.end;
      const m = text.slice(after, after + 160).match(version.lang === "vi" ? VI_ISSUER : FR_ISSUER);
      const name = m?.[1]?.trim();
      if (m && name && name.split(/\s+/u).length <= 8) {
        const start = after + m[0].indexOf(name);
        issuer = { name, start, end: start + name.length };
      }
    }
    const from = Math.min(n.start, date?.start ?? n.start, issuer?.start ?? n.start);
    const to = Math.max(n.end, date?.end ?? n.end, issuer?.end ?? n.end);
    out.push({
      number: n.text,
      key: n.key,
      at: { start: n.start, end: n.end },
      date,
      issuer,
      clause: clauseAround(text, from, to),
    });
  }
  return out;
}

const OPENERS: Record<string, string> = { "«": "»", "「": "」", "“": "”", "(": ")", "（": "）" };

/**
 * The clause around [from, to): back to the previous ; 。 line break or comma (at most 90
 * characters), forward past any quoted title to the next ; 。 comma, full stop or line break (at
 * most 220).
 */
export function clauseAround(text: string, from: number, to: number): Span {
  let start = from;
  while (start > 0 && from - start < 90 && !/[;；。\n,、]/u.test(text[start - 1] ?? "")) start--;
  if (from - start >= 90) start = text.indexOf(" ", start) + 1 || start;
  let end = to;
  const closing: string[] = [];
  while (end < text.length && end - to < 220) {
    const c = text[end] ?? "";
    if (closing.length > 0 && c === closing.at(-1)) closing.pop();
    else if (OPENERS[c]) closing.push(OPENERS[c]);
    else if (
      closing.length === 0 &&
      (/[;；。\n,、]/u.test(c) || (c === "." && /\s/u.test(text[end + 1] ?? " ")))
    )
      break;
    end++;
  }
  if (closing.length > 0 || end - to >= 220) end = to;
  const slice = text.slice(start, end);
  return { start: start + (slice.length - slice.trimStart().length), end: start + slice.trimEnd().length };
}
