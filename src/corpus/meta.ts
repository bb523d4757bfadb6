import type { Lang } from "../text/index.js";
import { findDates, findDocNumbers, fold } from "../text/index.js";
import type { Paragraph } from "./paragraphs.js";

/**
 * Infers a document's own number, date, issuer and title from its opening. A document cites many
 * numbers; its own is the one in a Vietnamese header line ("Số: 05-CT/TU") or the object of an
 * issuing verb in the opening sentence ("a publié le document n° 1470-CV/TU", "文書1470-CV/TU号を
 * 発行し", "ban hành Công văn số …"), never a number introduced as something to implement.
 */

export interface Meta {
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string;
  identity: { start: number; end: number } | null;
}

const HEADER_NUMBER = /^(số|so|no\.?|n°)\s*:?\s*/iu;
const ISSUED =
  /(a publié|a promulgué|a émis|a adopté|vient de publier|a signé|ban hành|đã ban hành|issued|has issued|published|発行し|発出し|公布し)/iu;
const DOC_TYPES_VI =
  /^(chỉ thị|kế hoạch|quy định|quyết định|nghị quyết|kết luận|công văn|hướng dẫn|thông báo|chương trình|đề án|quy chế|thông tri|báo cáo)$/iu;
const ISSUER_LINE =
  /^(tỉnh ủy|huyện ủy|thành ủy|thị ủy|đảng ủy|ban|ủy ban|ubnd|hội đồng|bộ|sở|văn phòng|ban thường vụ|ban chấp hành)\b/iu;
const NUMBER_SUFFIX_ISSUERS: [RegExp, Record<Lang, string>][] = [
  [
    /-TU$/,
    { vi: "Tỉnh ủy", en: "Provincial Party Committee", fr: "Comité provincial du Parti", ja: "省党委員会" },
  ],
  [/-TW$/, { vi: "Trung ương", en: "Central Committee", fr: "Comité central", ja: "中央" }],
  [
    /-HU$/,
    { vi: "Huyện ủy", en: "District Party Committee", fr: "Comité de district du Parti", ja: "県党委員会" },
  ],
  [/-UBND$/, { vi: "Ủy ban nhân dân", en: "People's Committee", fr: "Comité populaire", ja: "人民委員会" }],
  [/-TTG$/, { vi: "Thủ tướng Chính phủ", en: "Prime Minister", fr: "Premier ministre", ja: "首相" }],
  [/-CP$/, { vi: "Chính phủ", en: "Government", fr: "Gouvernement", ja: "政府" }],
];

/** Reads the metadata of one file from its first paragraphs. */
export function inferMeta(paragraphs: Paragraph[], lang: Lang, source: string): Meta {
  const head = paragraphs.slice(0, 12);
  let number: string | null = null;
  let identity: Meta["identity"] = null;

  // 1. Vietnamese header: "Số: 05-CT/TU" on a line of its own (or before the place and date).
  for (const p of head) {
    const m = p.text.match(HEADER_NUMBER);
    if (!m) continue;
    const found = findDocNumbers(p.text).find((n) => n.start <= m[0].length + 2);
    if (found) {
      number = found.text;
      identity = { start: p.start, end: p.end };
      break;
    }
  }
  // 2. The opening sentence names the document it is about with an issuing verb.
  if (!number) {
    for (const p of head.slice(0, 3)) {
      const opening = p.text.slice(0, 700);
      const verb = opening.match(ISSUED);
      if (!verb || verb.index === undefined) continue;
      const near = findDocNumbers(opening).find((n) => Math.abs(n.start - (verb.index ?? 0)) < 80);
      if (near) {
        number = near.text;
        identity = { start: p.start, end: p.start + sentenceEnd(p.text, near.end) };
        break;
      }
    }
  }

  const date = inferDate(head, number, identity);
  if (!identity && date) identity = date.where;
  if (identity && date && !(date.where.start >= identity.start && date.where.end <= identity.end)) {
    identity = {
      start: Math.min(identity.start, date.where.start),
      end: Math.max(identity.end, date.where.end),
    };
  }
  return {
    number,
    date: date?.iso ?? null,
    issuer: inferIssuer(head, lang, number),
    title: inferTitle(head, lang, source),
    identity,
  };
}

function sentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const m = rest.match(/[.。!?](\s|$)/u);
  return m?.index !== undefined ? from + m.index + 1 : text.length;
}

function inferDate(head: Paragraph[], number: string | null, identity: Meta["identity"]) {
  // A date that belongs to a cited document ("n° 23-QD/TW du 30 juillet 2021") is not ours.
  const candidates = head.slice(0, 6).flatMap((p) =>
    findDates(p.text)
      .filter((d) => {
        const before = p.text.slice(Math.max(0, d.start - 40), d.start);
        const cited = findDocNumbers(before).some((n) => n.text !== number);
        return !cited;
      })
      .map((d) => ({ iso: d.iso, where: { start: p.start + d.start, end: p.start + d.end }, p })),
  );
  if (identity) {
    const inside = candidates.find(
      (c) => c.where.start >= identity.start - 200 && c.where.end <= identity.end + 200,
    );
    if (inside) return inside;
  }
  // Without an own number, only a date in the first lines (a dateline) dates the document.
  return candidates.find((c) => head.indexOf(c.p) <= 3) ?? null;
}

function inferIssuer(head: Paragraph[], lang: Lang, number: string | null): string | null {
  const capsLine = (text: string | undefined) =>
    !!text && text.length < 60 && /\p{L}/u.test(text) && text === text.toUpperCase();
  for (const [i, p] of head.slice(0, 4).entries()) {
    if (!capsLine(p.text) || !ISSUER_LINE.test(p.text)) continue;
    // A header's issuer often runs over two lines: "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN".
    const next = head[i + 1]?.text;
    const continues = capsLine(next) && !/^(số|so|cộng hòa|cộng hoà|đảng cộng sản)\b/iu.test(next ?? "");
    return continues ? `${p.text} ${next}` : p.text;
  }
  const first = head[0]?.text ?? "";
  if (lang === "fr") {
    const m = first.match(/,\s*((?:le|la|les)\s[^,]{5,120}?)\s+a (?:publié|promulgué|émis|adopté|signé)/iu);
    if (m?.[1]) return m[1];
  }
  if (lang === "ja") {
    const m = first.match(/^[^、]*日、([^、]{2,40}?)は/u);
    if (m?.[1]) return m[1];
  }
  if (lang === "en") {
    const m = first.match(/,\s*(the\s[^,]{5,120}?)\s+(?:issued|has issued|published)/iu);
    if (m?.[1]) return m[1];
  }
  if (number) {
    const key = fold(number).toUpperCase().replace(/\//g, "-");
    const hit = NUMBER_SUFFIX_ISSUERS.find(([re]) => re.test(key));
    if (hit) return hit[1][lang];
  }
  return null;
}

function inferTitle(head: Paragraph[], lang: Lang, _source: string): string {
  // Vietnamese: the line after the document type ("CHỈ THỊ" / "về tăng cường …").
  for (let i = 0; i < head.length - 1; i++) {
    const p = head[i];
    const next = head[i + 1];
    if (p && next && DOC_TYPES_VI.test(p.text.trim())) {
      const type = p.text.trim();
      return `${type.charAt(0)}${type.slice(1).toLowerCase()} ${next.text.trim()}`.slice(0, 240);
    }
  }
  const first = head[0]?.text ?? "";
  if (lang === "fr") {
    const m = first.match(/(relati(?:f|ve) à .+?)(?:,\s*signé|, et envoyé|\.\s|$)/u);
    if (m?.[1]) return m[1].slice(0, 240);
  }
  if (lang === "ja") {
    const m = first.match(/(「[^」]+」[^、。]{0,40}に関する)/u);
    if (m?.[1]) return m[1];
  }
  // An article: its headline is a short line without final punctuation among the first lines.
  const headline = head
    .slice(0, 4)
    .find((p) => p.text.length >= 20 && p.text.length <= 160 && !/[.;:。]$/.test(p.text));
  if (headline) return headline.text;
  const sentence = first.match(/^.{10,200}?[.。](\s|$)/u)?.[0] ?? first.slice(0, 160);
  return sentence.trim();
}
