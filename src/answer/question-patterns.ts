import { ordinalValue } from "../corpus/index.js";

/**
 * The patterns `parseQuestion` reads a question with, on its folded text (lower case, no diacritics)
 * or, for Japanese, on the original: task and article references, and the intents beyond a search.
 */

/** Kanji digits, one to nine, at their value's position (less one). */
const KANJI_DIGITS = "一二三四五六七八九";

/** The value of a kanji numeral up to 99 ("三", "十三", "二十"), or null. */
function kanjiValue(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s.length === 0 || (!m[2] && m[1] && m[3])) return null;
  const digit = (c: string | undefined) => (c ? KANJI_DIGITS.indexOf(c) + 1 : 0);
  return m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]) : digit(m[1] ?? m[3]);
}

/** The value of a task number as matched: digits, a kanji numeral, a spelt or ordinal word. */
export const num = (s: string | undefined): number | null => {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  return kanjiValue(s) ?? SPELT[s] ?? (s === "最初" ? 1 : ordinalValue(s));
};

/** A kanji numeral up to 99, whole: "十三" is thirteen, not the "三" at its end. */
const KANJI = "[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]";

export const LAST = [
  /\b(?:nhiem vu|muc|diem|noi dung)\s+cuoi(?:\s+cung)?\b/u,
  /\b(?:last|final)\s+(?:(?:key|main)\s+)?(?:task|item|point|duty)\b/u,
  /\b(?:derniere|dernier)\s+(?:tache|point|mission)\b|\b(?:tache|point|mission)\s+(?:derniere|dernier)\b/u,
];
export const JA_LAST = /最後の(?:任務|タスク|項目|課題)/u;

// Task references, tried in order on the folded question (Japanese on the original).
export const TASK_PATTERNS: RegExp[] = [
  /\b(?:nhiem vu|nv|muc|diem|y|noi dung)\s*(?:so\s*)?(?:thu\s*)?(\d{1,2})\b/u,
  /\b(?:nhiem vu|muc|diem|y|noi dung)\s+(thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi))\b/u,
  /\b(?:task|item|point|duty|mission|tache|taches)\s*(?:no\.?|n°|n o|number|numero|#)?\s*(\d{1,2})\b/u,
  /\b(first|opening|initial|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|premier|premiere|deuxieme|second|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|\d{1,2}(?:st|nd|rd|th|e|eme|ème))\s+(?:(?:des|of|key|main|les|the)\s+){0,2}(?:tasks?|items?|points?|duty|duties|missions?|taches?)\b/u,
  /\b(premierement|deuxiemement|troisiemement|quatriemement|cinquiemement|sixiemement|septiemement|huitiemement|neuviemement|dixiemement)\b/u,
  // A number spelt out after the noun: "point six", "la tâche trois", "nhiệm vụ sáu là gì". In
  // Vietnamese only before the end or a question word: "nhiệm vụ năm 2025", "nhiệm vụ bà con" are not.
  /\b(?:task|item|point|duty|mission|tache|taches)\s+(?:no\.?\s+|number\s+|numero\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix)\b(?!['-])/u,
  /\b(?:nhiem vu|nv|muc|diem|noi dung)\s+(mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)(?=\s*(?:$|[?.,!:]|(?:la|noi|yeu cau|co|gom|ve|cua|trong|giao|do|thi)\b))/u,
  // The first item by position: "việc cần làm đầu tiên", "điều đầu tiên", "the first thing … asks for".
  /\b(?:nhiem vu|viec|dieu|muc|diem|noi dung|giai phap|yeu cau|buoc)\b(?:\s+[a-z]+){0,3}?\s+(dau tien)\b/u,
  /\b(?:viec|dieu|giai phap|yeu cau|buoc)\s+(thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi))\b/u,
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme)\s+(?:(?:des|of|key|main|les|the)\s+){0,2}(?:things?|steps?|requirements?|measures?|actions?|priority|priorities|solutions?|chose|choses|mesures?|exigences?|priorites?|chantiers?|axes?|volets?)\b/u,
];
/** The first item by its place on the list: "what comes first on the list", "đứng đầu danh sách", "en tête de liste". */
export const FIRST_LISTED =
  /\b(?:comes?|is|are|listed|appears?|stands?|placed|put)\s+(?:at\s+the\s+)?(?:first|top)\s+(?:on|in|of)\s+(?:the\s+|its\s+|this\s+)?(?:list|task list|agenda)\b|\b(?:top|head) of the (?:task )?list\b|\bfirst (?:on|in) (?:the|its) list\b|\bdung dau (?:danh sach|cac nhiem vu|trong danh sach)\b|\b(?:neu|liet ke|ghi|xep)\s+(?:o\s+)?(?:dau tien|truoc tien|dau danh sach)\b|\ben tete (?:de (?:la )?liste|des taches)\b|\b(?:vient|figure|arrive|apparait)\s+en (?:premier|tete)\b|\bpremiere? de la liste\b/u;
export const JA_FIRST_LISTED =
  /(?:リスト|一覧|任務|項目)の(?:最初|先頭|一番目|トップ)|一番(?:目|最初)に(?:挙げ|記載|書か)/u;
/** Numbers spelt out after a task noun, and "đầu tiên" (first), by value. */
const SPELT: Record<string, number> = {
  ...Object.fromEntries(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].map((w, i) => [w, i + 1]),
  ),
  ...Object.fromEntries(
    ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"].map((w, i) => [w, i + 1]),
  ),
  une: 1,
  ...Object.fromEntries(
    ["mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"].map((w, i) => [w, i + 1]),
  ),
  tu: 4,
  "dau tien": 1,
  opening: 1,
  initial: 1,
};
export const JA_TASK: RegExp[] = [
  new RegExp(String.raw`(?:タスク|任務|項目|課題|ポイント)\s*(?:第)?\s*(\d{1,2}|${KANJI})`, "u"),
  new RegExp(String.raw`第\s*(\d{1,2}|${KANJI})\s*(?:項|番|の任務|任務|のタスク)(?!\s*第)`, "u"),
  new RegExp(String.raw`(\d{1,2}|${KANJI})\s*(?:番目|つ目)`, "u"),
  new RegExp(String.raw`(?:任務|課題|タスク|項目)の\s*第\s*(\d{1,2}|${KANJI})(?!\s*[条章節])`, "u"),
  new RegExp(String.raw`第\s*(\d{1,2}|${KANJI})\s*の[^、。？?]{0,8}?(?:任務|課題|タスク|項目)`, "u"),
  /(最初)(?:の|に)[^、。？?]{0,12}?(?:任務|課題|タスク|項目|こと|取り組み|求め)/u,
];
export const ARTICLE_PATTERNS: { re: RegExp; article: number; clause: number | null }[] = [
  {
    re: /\b(?:khoan|clause|paragraph|paragraphe|alinea)\s+(\d{1,2})\s+(?:cua\s+|of\s+|de\s+l'?\s*)?(?:dieu|article)\s+(\d{1,3})\b/u,
    article: 2,
    clause: 1,
  },
  {
    re: /\b(?:dieu|article)\s+(\d{1,3})\b(?:\s*,?\s*(?:khoan|clause|paragraph|paragraphe|alinea)\s+(\d{1,2}))?/u,
    article: 1,
    clause: 2,
  },
  { re: /第\s*(\d{1,3})\s*条(?:\s*第\s*(\d{1,2})\s*項)?/u, article: 1, clause: 2 },
];
export const DATE_INTENT =
  /\b(ngay nao|khi nao|bao gio|ngay ban hanh|ban hanh ngay|ban hanh khi|thoi gian ban hanh|thoi han|han chot|truoc ngay nao|when|what date|which date|what day|which day|dated|deadline|by when|quand|quelle date|a quelle date|date de|quel jour|date limite|jusqu'a quand|delai)\b|いつ|日付|何日|何年|期限/u;
export const ISSUER_INTENT =
  /\b(ai ky|ai ban hanh|co quan nao ban hanh|do ai|ai da ban hanh|who issued|who signed|issued by|signed by|qui a publie|qui a signe|signe par|publie par|emis par)\b|誰が(?:発行|署名)|発行者|署名者/u;
// Questions about a document's legal basis ("Quy định 08 được ban hành căn cứ quy định nào?", "which
// decree is the plan based on?") and its purpose ("chỉ thị này nhằm mục đích gì?"): each needs a
// document word next to the basis or purpose words, so "theo nghị định số mấy" about a measure is not one.
// A document number as typed ("1470-CV/TU", "18/ct-ubnd") stands where a document word would.
const TYPED_NUMBER = "\\d{1,5}[-/][A-Za-zĐđ]+(?:[-/][A-Za-zĐđ]+)*";
const KIND_WORDS = `van ban|chi thi|ke hoach|quy dinh|cong van|nghi quyet|quyet dinh|huong dan|de an|directive|plan|regulation|document|letter|instruction|reglement|lettre|${TYPED_NUMBER}`;
export const BASIS_INTENT = new RegExp(
  [
    `\\b(?:${KIND_WORDS}|no)\\b[^?]{0,80}?\\b(?:can cu|dua tren|dua vao|tren co so|de thuc hien|nham thuc hien|thuc hien theo)(?: vao| theo)?(?: (?:nhung|cac))?(?: (?:${KIND_WORDS}|co so|luat|nghi dinh|thong tu|ket luan|chuong trinh|chu truong))? (?:nao|gi|dau|so may)\\b`,
    "\\b(?:can cu|co so) phap ly\\b|\\bcan cu (?:de )?ban hanh\\b",
    `\\b(?:legal basis|basis)\\b.{0,30}\\b(?:of|for)\\b.{0,40}\\b(?:${KIND_WORDS})\\b`,
    `\\b(?:${KIND_WORDS}|it)\\b.{0,80}\\b(?:based on|pursuant to|implements?|implementing|issued under|grounded in|follows? up on)\\b.{0,40}\\b(?:which|what)\\b`,
    `\\b(?:which|what)\\b.{0,60}\\b(?:${KIND_WORDS}|it)\\b.{0,40}\\b(?:based on|pursuant to|implement|implementing|follow up on)\\b`,
    "\\b(?:fondement|base juridique|base legale)\\b",
    `\\b(?:${KIND_WORDS})\\b.{0,80}\\b(?:fonde|fondee|base|basee|s'appuie|repose|en application|met en oeuvre|applique)\\b.{0,30}\\b(?:quel|quelle|quels|quelles|quoi)\\b`,
    `^(?=.*\\b(?:${KIND_WORDS})\\b).*\\b(?:quel|quelle|quels|quelles|sur quoi)\\b.{0,80}\\b(?:fonde|fondee|s'appuie|repose|met(?:-il|-elle)? en oeuvre|en application de)\\b`,
  ].join("|"),
  "u",
);
export const JA_BASIS =
  /根拠|(?:に基づ|を踏まえ|を実施するため|を受けて)[^。]{0,12}(?:どの|何)|(?:どの|何の)(?:文書|規定|決議|指示|決定|法令|法律|政令)[^。]{0,20}(?:基づ|実施|受け)/u;
export const PURPOSE_INTENT = new RegExp(
  [
    `\\bmuc dich(?: chinh| chung)?(?: cua)? (?:${KIND_WORDS}|nay|do)\\b`,
    `\\b(?:${KIND_WORDS})\\b[^?]{0,60}?\\b(?:nham|voi|co) muc dich\\b`,
    `\\b(?:${KIND_WORDS})\\b[^?]{0,60}?\\bnham (?:muc dich )?(?:gi|lam gi|de lam gi)\\b`,
    `\\b(?:purpose|aim|aims|goal|objective)s? of (?:the |this |that )?(?:[a-z-]+ ){0,4}(?:${KIND_WORDS})\\b`,
    `\\b(?:${KIND_WORDS})\\b.{0,60}\\b(?:for what purpose|what (?:is it|does it) aim)`,
    `\\b(?:but|objectif|finalite)s? (?:principal |general )?(?:de la |du |de ce |de cette |de l')(?:[a-z-]+ ){0,4}(?:${KIND_WORDS})\\b`,
  ].join("|"),
  "u",
);
export const JA_PURPOSE = new RegExp(
  `(?:指示|計画|規定|文書|公文|${TYPED_NUMBER})[^。？?]{0,20}(?:目的|ねらい|狙い)`,
  "u",
);
export const DOC_WORD =
  /\b(?:van ban|chi thi|ke hoach|quy dinh|quyet dinh|nghi quyet|ket luan|cong van|huong dan|de an|document|directive|plan|decision|resolution|letter|lettre|decision|projet|project)\s+(?:so\s+|no\.?\s*|n°\s*)?(\d{1,5}(?:[-/][A-Za-z]{1,6})?)\b/u;
