import { findAssignee } from "../corpus/assignee.js";
import type { DocumentVersion } from "../corpus/index.js";
import type { Lang } from "../text/index.js";
import type { Unit } from "./source.js";
import { sentenceAt } from "./text.js";

/**
 * Bodies (cơ quan, đơn vị) named in the corpus: the one a unit opens with ("Ban Tuyên giáo Tỉnh ủy
 * chủ trì…"), those a letter is sent to ("Nơi nhận:"), and the issuer in a Vietnamese header.
 * A wrong body in a quiz is worse than none, so extraction is strict and rejects doubtful names.
 */

/** A body opening a unit, the action that follows it, and where both stand in the file. */
export interface OpeningBody {
  body: string;
  start: number;
  end: number;
  /** The rest of the unit's first sentence ("chủ trì, phối hợp với …"). */
  action: string;
  /** The unit's first sentence, from the unit's start (label included): the quote. */
  sentence: { start: number; end: number };
}

// Vietnamese body names start with one of these nouns; "Các" may lead a lower-case plural.
const VI_HEAD =
  /^(?:(?:Các|Giao)\s+)?(?:Ban|ban|Sở|sở|Ủy ban|UBND|Đảng đoàn|Đảng ủy|Ban cán sự|Văn phòng|Thanh tra|Công an|Bộ|Tòa án|Viện kiểm sát|Mặt trận|Huyện ủy|Tỉnh ủy|Thành ủy|Thị ủy|huyện ủy|tỉnh ủy|Bí thư|Chủ tịch|Trung tâm|Chi bộ|chi bộ|Liên đoàn|Hội đồng|Cục|Chi cục|Phòng|Kho bạc|Bảo hiểm|Báo \p{Lu}|Đài \p{Lu}|Hội \p{Lu})/u;
// Lower-case verbs that end a Vietnamese body name (written with diacritics: "cán" is not "cần").
const VI_VERB =
  /\s(?:chủ trì|phối hợp|chỉ đạo|lãnh đạo|tham mưu|hướng dẫn|theo dõi|tăng cường|đưa|tổ chức|xây dựng|báo cáo|bố trí|vận động|tổng hợp|gửi|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|kiểm tra|giám sát|định hướng|ban hành|rà soát|cụ thể hóa|quán triệt|đôn đốc|phân công|niêm yết|công bố|cập nhật|bảo đảm|đảm bảo|quản lý|nghiên cứu|đề xuất|tiếp tục|đẩy mạnh|nâng cao|được|là|cần|phải)(?=[\s,;:])/gu;
// A verb right after these words is a noun ("các tổ chức chính trị - xã hội").
const VI_NOUN_BEFORE = /(?:các|những|công tác|việc|và)\s$/u;
const DANGLING = /\s(?:và|các|của|với|cho|et|les|des|de|du|la|le|l'|aux|au|and|the|of)$/iu;

// "…, ainsi que les comités subordonnés, doivent …": the clause naming partners is not the action.
const CONNECTOR =
  /^(?:ainsi que|en coordination avec|en collaboration avec|avec|together with|in coordination with|cùng với|cùng)\b[^,]*,\s*/iu;

/** True when `name` looks like the full name of a body (not a cut or an overrun). */
export function isBodyName(name: string): boolean {
  const n = name.trim();
  if (n.length < 3 || n.length > 100) return false;
  if (/[\d"«»“”「」『』:;()]/u.test(n)) return false;
  if (DANGLING.test(n)) return false;
  return n.split(/\s+/u).length <= 20;
}

function viOpening(content: string): string | null {
  const head = content.match(VI_HEAD);
  if (!head) return null;
  for (const m of content.matchAll(VI_VERB)) {
    if (m.index < head[0].length) continue;
    if (VI_NOUN_BEFORE.test(content.slice(0, m.index + 1))) continue;
    return content.slice(0, m.index).replace(/^Giao\s+/u, "");
  }
  return null;
}

/** The body a unit opens with, or null when it opens with a verb or the name is doubtful. */
export function openingBody(version: DocumentVersion, unit: Unit): OpeningBody | null {
  const content = version.text.slice(unit.contentStart, unit.end);
  const name = version.lang === "vi" ? viOpening(content) : findAssignee(content, version.lang);
  if (!name || !isBodyName(name)) return null;
  const at = content.indexOf(name);
  if (at < 0) return null;
  const start = unit.contentStart + at;
  const end = start + name.length;
  const sentence = sentenceAt(version.text.slice(0, unit.end), start);
  const action = version.text
    .slice(end, sentence.end)
    .replace(/^[\s,、は]+/u, "")
    .replace(CONNECTOR, "")
    .replace(/[\s.;。；]+$/u, "");
  if (action.length < 8) return null;
  return { body: name, start, end, action, sentence: { start: unit.start, end: sentence.end } };
}

/** Bodies listed under "Nơi nhận:" / "Kính gửi:" in a Vietnamese document. */
export function recipientBodies(version: DocumentVersion): string[] {
  if (version.lang !== "vi") return [];
  const out: string[] = [];
  for (const block of version.text.matchAll(/(?:Nơi nhận|Kính gửi)\s*:\s*\n((?:\s*[-–•].*\n?)+)/gu)) {
    for (const line of (block[1] ?? "").split("\n")) {
      const name = line
        .replace(/^\s*[-–•]\s*/u, "")
        .replace(/\s*\(.*?\)\s*/gu, "")
        .replace(/[\s,;.]+$/u, "");
      if (VI_HEAD.test(name) && isBodyName(name)) out.push(name);
    }
  }
  return out;
}

const NOT_ISSUER = /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|\*|Độc lập.*)$/u;

/**
 * The issuer written in capitals at the head of a Vietnamese document ("ỦY BAN NHÂN DÂN / TỈNH
 * NGHỆ AN"), with where it stands; null when the header has none.
 */
export function headerIssuer(
  version: DocumentVersion,
  before: number,
): { name: string; start: number; end: number } | null {
  if (version.lang !== "vi") return null;
  const head = version.text.slice(0, before);
  const lines = [...head.matchAll(/^[#\s]*(.+?)\s*$/gmu)];
  const picked: { text: string; start: number; end: number }[] = [];
  for (const m of lines) {
    const text = m[1] ?? "";
    const start = m.index + m[0].indexOf(text);
    const upper = text === text.toUpperCase() && /\p{Lu}{2}/u.test(text) && !/\d/u.test(text);
    if (upper && !NOT_ISSUER.test(text)) picked.push({ text, start, end: start + text.length });
    else if (picked.length > 0) break;
  }
  const first = picked[0];
  const last = picked.at(-1);
  if (!first || !last) return null;
  return { name: viCase(picked.map((p) => p.text).join(" ")), start: first.start, end: last.end };
}

const LEVEL = new Set(["tỉnh", "huyện", "xã", "quận", "phố", "phường", "trấn"]);

/**
 * A Vietnamese name written in capitals, in the usual case: "TỈNH ỦY HÀ TĨNH" → "Tỉnh ủy Hà Tĩnh",
 * "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân tỉnh Nghệ An" (words after the level are a place).
 */
export function viCase(upper: string): string {
  const words = upper.toLowerCase().split(/\s+/u).filter(Boolean);
  let place = words.length;
  for (let i = 0; i < words.length; i++) {
    if (!LEVEL.has(words[i] ?? "")) continue;
    place = words[i + 1] === "ủy" ? i + 2 : i + 1;
    break;
  }
  return words
    .map((w, i) => (i === 0 || i >= place ? w.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : w))
    .join(" ");
}

/** Lang of a body list key, to keep distractors in the language of the question's quote. */
export type BodyPool = Map<Lang, string[]>;
