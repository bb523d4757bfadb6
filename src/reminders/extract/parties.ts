/**
 * Who owes a report and to whom, read from the sentence.
 *
 * Units are the grammatical subject of the sentence (or of the clause holding the verb), split into
 * the bodies it lists, each kept as written except a leading article ("Các", "les", "the"):
 * "Các huyện ủy, thị ủy, thành ủy" → [huyện ủy, thị ủy, thành ủy]. Splits are on commas and
 * "và"/"et"/"ainsi que"/"and"/"、", with three repairs that keep one body whole:
 * - a run of one-word items is one collective name ("sở, ban, ngành");
 * - a piece that only continues the previous one stays with it: "de ville et de cité" in
 *   "les comités du Parti de district, de ville et de cité", "thị xã, thành phố" after
 *   "Ủy ban nhân dân các huyện", "地区、郷、" before "市党委員会";
 * - nothing is split inside parentheses.
 * The recipient is the body after "về"/"lên"/"cho" (vi), "au"/"à la" (fr), "to" (en) or before
 * "に報告" (ja), without a "(qua …)"/"(par l'intermédiaire …)" channel.
 */
import type { DutyLang } from "./patterns.js";

interface Piece {
  start: number;
  end: number;
  /** Made of one-word items only ("sở, ban, ngành"), so another one-word item may join it. */
  words?: boolean;
}

const VI_PREDICATE =
  /(?<!\p{L})(?:báo cáo|định kỳ|hằng|hàng|mỗi|có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|tổ chức|triển khai|thực hiện|xây dựng|chỉ đạo|lãnh đạo|tiến hành|gửi|tổng hợp|sơ kết|tổng kết|rà soát|theo dõi|kiểm tra|quán triệt|cần|phải|khẩn trương|thường xuyên|trước|tham mưu|hướng dẫn|đôn đốc|căn cứ|định hướng|tăng cường|đẩy mạnh|nghiên cứu|ban hành|cụ thể hóa|được|là|hoàn thành|giám sát|đề xuất|bảo đảm|đảm bảo|tiếp tục|chuẩn bị|thống kê|cập nhật|nộp|trình|yêu cầu|giao)(?!\p{L})/u;
const FR_PREDICATE =
  /,?\s(?:doivent|doit|devront|devra|sont|est|ont|a|rend(?:ent)?|font|fait|assure(?:nt|ra|ront)?|veille(?:nt|ra|ront)?|adresse(?:nt)?|transmet(?:tent|tra|tront)?|soumet(?:tent)?|présente(?:nt)?|dirige(?:nt|ra|ront)?|poursui(?:t|vent|vra|vront)|ordonne(?:nt)?|coordonne(?:nt)?|organise(?:nt|ra|ront)?|mett(?:ent|ra|ront)|met|élabore(?:nt|ra|ront)?)(?!\p{L})/u;
const EN_PREDICATE =
  /\s(?:shall|must|will|should|are|is|have|has|reports?|submits?|sends?|coordinates?|leads?|directs?|organi[sz]es?)(?!\p{L})/u;

const LEADING_ARTICLE = /^(?:các|những|mọi|les|la|le|l['’]|des|the|all|ainsi que)\s*/iu;
const VI_LEVELS = "huyện|quận|thị xã|thành phố|xã|phường|thị trấn|đặc khu|tỉnh";
// A level, perhaps with lower-case words that narrow it ("phường ven biển"), and a piece ending in one.
const VI_LEVEL_PIECE = new RegExp(`^(?:${VI_LEVELS})(?:\\s+\\p{Ll}+)*$`, "u");
const VI_LEVEL_END = new RegExp(`(?<!\\p{L})(?:${VI_LEVELS})$`, "u");
const JA_HEAD =
  /(?:委員会|委員|部|局|課|室|庁|省|府|院|会|団|組織|機関|グループ|団体|戦線|党|政府|センター|協会|連盟|隊|署|所)$/u;

// Positions of top-level separators (outside parentheses) and the length of each.
function separators(text: string, lang: DutyLang): { at: number; length: number }[] {
  const re =
    lang === "ja"
      ? /、|及び|および|並びに/gu
      : lang === "vi"
        ? /,\s*|\s+và\s+/giu
        : lang === "fr"
          ? /,\s*(?:et\s+|ainsi que\s+)?|\s+(?:et|ainsi que)\s+/giu
          : /,\s*(?:and\s+)?|\s+and\s+/giu;
  const out: { at: number; length: number }[] = [];
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    const depth = (before.match(/[(（]/g) ?? []).length - (before.match(/[)）]/g) ?? []).length;
    if (depth === 0) out.push({ at: m.index, length: m[0].length });
  }
  return out;
}

function continues(piece: string, previous: string, lang: DutyLang): boolean {
  if (lang === "fr") return /^(?:de|du|des|d['’])(?!\p{L})/iu.test(piece);
  if (lang === "en") return /^of(?!\p{L})/iu.test(piece);
  // "xã, phường, đặc khu" after "các" or a level: the same body at each level ("công an xã, phường").
  if (lang === "vi")
    return (
      (VI_LEVEL_PIECE.test(piece) && (/(?<!\p{L})các\s/iu.test(previous) || VI_LEVEL_END.test(previous))) ||
      namePart(piece, previous)
    );
  return false;
}

/**
 * "Đào tạo" in "Sở Giáo dục và Đào tạo", "Dân vận Tỉnh ủy" in "Ban Tuyên giáo và Dân vận Tỉnh ủy":
 * a field of a body's name (first word capitalised, the next not, as Vietnamese writes the name
 * part of a body), not a body of its own, which opens with its kind ("Sở", "Báo") or is a place,
 * whose every word is capitalised ("Tuyên Hóa").
 */
function namePart(piece: string, previous: string): boolean {
  return (
    /^\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(piece) &&
    !VI_HEAD.test(piece) &&
    VI_HEAD.test(previous.replace(LEADING_ARTICLE, ""))
  );
}

/** The bodies a subject phrase lists, as written (see the file comment for the splitting rules). */
export function splitUnits(subject: string, lang: DutyLang): string[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const sep of separators(subject, lang)) {
    pieces.push({ start: from, end: sep.at });
    from = sep.at + sep.length;
  }
  pieces.push({ start: from, end: subject.length });
  const text = (p: Piece) => subject.slice(p.start, p.end).trim();
  const merged: Piece[] = [];
  let pendingJa: Piece | null = null; // Japanese modifiers wait for the head noun that follows
  for (const piece of pieces.filter((p) => text(p) !== "")) {
    const current: Piece = pendingJa ? { start: pendingJa.start, end: piece.end } : piece;
    pendingJa = null;
    const last = merged.at(-1);
    const oneWord = (p: Piece) => lang === "vi" && !/\s/.test(text(p).replace(LEADING_ARTICLE, ""));
    if (lang === "ja" && !JA_HEAD.test(text(current))) {
      pendingJa = current;
      continue;
    }
    if (last && (continues(text(current), text(last), lang) || (last.words && oneWord(current)))) {
      last.end = current.end;
      continue;
    }
    merged.push({ ...current, words: oneWord(current) });
  }
  if (pendingJa) merged.push(pendingJa);
  const units = merged.map((p) => text(p).replace(LEADING_ARTICLE, "").trim()).filter((u) => u.length > 0);
  return lang === "vi" ? shareHead(units) : units;
}

const VI_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,2}$/u;

/**
 * "Huyện ủy Minh Hóa, Tuyên Hóa, Bố Trạch": a body named once before a list of place names is the
 * body of each of them ("Huyện ủy Tuyên Hóa", …).
 */
function shareHead(units: string[]): string[] {
  const [first, ...rest] = units;
  const head = first
    ? new RegExp(`^(?:${VI_BODY})(?:\\s+\\p{Ll}+)*(?=\\s+\\p{Lu})`, "u").exec(first)?.[0]
    : undefined;
  const body = new RegExp(`^(?:${VI_BODY})(?!\\p{L})`, "u");
  if (!first || !head || rest.length === 0 || !VI_NAME.test(first.slice(head.length).trim())) return units;
  if (!rest.every((u) => VI_NAME.test(u) && !body.test(u))) return units;
  return [first, ...rest.map((u) => `${head} ${u}`)];
}

const VI_OPENING = new RegExp(`^${VI_PREDICATE.source}`, "iu");
const VI_BODY =
  "Ban|Thường trực|Thường vụ|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|Đảng đoàn|Cấp ủy|Chi bộ|Sở|Bộ|Cục|Tổng cục|Vụ|Phòng|Văn phòng|Chính phủ|Thủ tướng|Chủ tịch|Bí thư|Trung ương|Mặt trận|Liên đoàn|Hội|Đoàn|Thanh tra|Công an|Trung tâm|Kho bạc|Viện|Tòa án";
/** What opens the name of a body in a list: its kind, its level of government, or an acronym. */
const VI_HEAD = new RegExp(
  `^(?:${VI_BODY}|Báo|Đài|Trường|Bệnh viện|Ngân hàng|Bảo hiểm|Chi cục|Liên minh|Tỉnh đoàn|Đảng bộ|Cơ quan|Công ty|Tổng công ty|Hợp tác xã|Lực lượng|Đội|Hạt|Trạm|Thành phố|Thị xã|Thị trấn|Huyện|Quận|Xã(?!\\s+hội)|Phường|Tỉnh)(?!\\p{L})|^\\p{Lu}{2,}`,
  "u",
);
const VI_RECIPIENT = new RegExp(
  `^[^;.]*?(?<!\\p{L})(?:(?:gửi\\s+)?(?:về|lên|cho|tới|đến)|gửi|báo cáo)\\s+(?<r>(?:${VI_BODY})(?!\\p{L})[^(,;:.]*)`,
  "u",
);

/**
 * The subject phrase at the start of `clause`, or null when the clause opens with its verb. With
 * `beforeVerb`, the clause is the text up to the reporting verb, so all of it may be the subject.
 * With `lowerCase`, it may start in lower case (after a label: "Chế độ báo cáo: công an xã …").
 */
export function subjectOf(
  clause: string,
  lang: DutyLang,
  beforeVerb = false,
  lowerCase = false,
): string | null {
  const text = clause.trim();
  let end: number;
  if (lang === "ja") {
    end = text.search(/は(?=[、,\s]|[^\p{Script=Hiragana}])/u);
  } else if (lang === "vi") {
    // Predicates are matched in lower case only: "Ban Tổ chức Tỉnh ủy" is a name, "tổ chức" a verb.
    if (VI_OPENING.test(text)) return null;
    end = text.search(VI_PREDICATE);
  } else {
    end = text.search(lang === "fr" ? FR_PREDICATE : EN_PREDICATE);
  }
  if (end < 0 && beforeVerb && lang !== "ja") end = text.length;
  if (end <= 0) return null;
  const subject = text.slice(0, end).replace(/[\s,、]+$/u, "");
  if (
    subject.length > 200 ||
    !(lowerCase || /^[\p{Lu}\p{Script=Han}\p{Script=Katakana}]|^(?:các|les|the)\s/u.test(subject))
  ) {
    return null;
  }
  return subject;
}

const VI_RECIPIENT_STOP =
  /\s+(?:trước|để|qua|theo|định kỳ|hằng|hàng|chậm nhất|trong|vào|và|kèm|nhằm|khi|sau|tại|đồng thời|với|về)(?!\p{L})/u;
const FR_RECIPIENT_STOP =
  /\s+(?:avant|au plus tard|chaque|tous|dans|par|sur|pour|afin|selon|d['’]ici|et|le\s+\d)(?!\p{L})/u;
const EN_RECIPIENT_STOP =
  /\s+(?:by|before|on|every|each|no later|not later|through|via|quarterly|monthly|annually|within|in|about|regarding|for|and)(?!\p{L})/u;

function cut(text: string, stop: RegExp): string {
  let from = 0;
  let at = text.search(stop);
  for (;;) {
    // "Sở Nông nghiệp và Môi trường": a "và" inside a body's name does not end the body.
    const and = at >= 0 ? /^\s+và\s+/u.exec(text.slice(at)) : null;
    if (!and || !namePart(text.slice(at + and[0].length), text.slice(0, at))) break;
    from = at + and[0].length;
    const next = text.slice(from).search(stop);
    at = next < 0 ? -1 : from + next;
  }
  return (at >= 0 ? text.slice(0, at) : text).replace(/[\s,.;:]+$/u, "").trim();
}

/** The body a duty reports to, read after the verb at `verbAt`; null when the sentence names none. */
export function recipientOf(sentence: string, verbAt: number, lang: DutyLang): string | null {
  const after = sentence.slice(verbAt);
  let found: string | null = null;
  if (lang === "vi") {
    // "… về Ban Thường vụ", "gửi Sở Nội vụ", "báo cáo Ban Thường vụ": the body must start with an
    // organisation word, so "báo cáo về Kế hoạch số 12" (about the plan) names no recipient.
    const m = VI_RECIPIENT.exec(after);
    found = m?.groups?.r ? cut(m.groups.r, VI_RECIPIENT_STOP) : null;
  } else if (lang === "fr") {
    const m =
      /^[^;]*?\s(?:au|aux|à la|à l['’])(?:\s+|(?<=['’]))(?!plus tard|niveau|moins|titre|cours)(?<r>[^(,;.\s][^(,;.]*)/iu.exec(
        after,
      );
    found = m?.groups?.r ? cut(m.groups.r, FR_RECIPIENT_STOP) : null;
  } else if (lang === "en") {
    const m = /^[^;]*?\sto\s+(?:the\s+)?(?<r>\p{Lu}[^(,;.]*)/u.exec(after);
    found = m?.groups?.r ? cut(m.groups.r, EN_RECIPIENT_STOP) : null;
  } else {
    const before = sentence.slice(0, verbAt);
    const m = /(?<r>[^、。をはが,\s()（）]+?)(?:[(（][^)）]*[)）])?に$/u.exec(before);
    const raw = m?.groups?.r ?? null;
    found = raw
      ? raw.replace(/^(?:.*までに|定期的に|毎月|毎年|毎四半期|四半期ごとに|半年ごとに)/u, "")
      : null;
  }
  return found && found.length > 1 && found.length <= 120 ? found : null;
}
