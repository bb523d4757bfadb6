import type { Document, Passage } from "../corpus/index.js";
import {
  detectLang,
  findDates,
  findDocNumbers,
  fold,
  foldedPattern,
  statesMoney,
  statesShare,
} from "../text/index.js";

export { placeNames } from "../text/index.js";

/**
 * Checks that a retrieved passage can answer the question at all, beyond sharing its words:
 * a question that names a place must be about a document that mentions that place, and a question
 * that asks "how many / how much" must be answered by a passage that states a figure. A passage that
 * fails is not quoted as the answer (the corpus "does not hold it" is then the honest reply).
 */

/** True when every place the question names appears somewhere in the document (any version). */
export function namesFit(names: string[], doc: Document): boolean {
  if (names.length === 0) return true;
  // Asked of every document of the corpus: the text is scanned as written, not folded first.
  return names.every((n) => {
    const pattern = patternOf(n);
    return doc.versions.some(
      (v) => pattern.test(v.title) || pattern.test(v.issuer ?? "") || pattern.test(v.text),
    );
  });
}

const patterns = new Map<string, RegExp>();

function patternOf(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern) {
    if (patterns.size > 1000) patterns.clear();
    pattern = foldedPattern(name);
    patterns.set(name, pattern);
  }
  return pattern;
}

/** Characters at the head of a version where it names its issuer and place ("TỈNH ỦY HÀ TĨNH"). */
const HEAD = 800;
const heads = new WeakMap<Document, string>();

/**
 * True when every place the question names is in the document's head (title, issuer, opening lines
 * of any version): "the Hà Tĩnh directive" is the one Hà Tĩnh issued, not one that cites it. Cached
 * per document, since it is asked of every document of the corpus.
 */
export function headNames(names: string[], doc: Document): boolean {
  if (names.length === 0) return true;
  let head = heads.get(doc);
  if (head === undefined) {
    head = squashFold(
      doc.versions.map((v) => `${v.title} ${v.issuer ?? ""} ${v.text.slice(0, HEAD)}`).join(" "),
    );
    heads.set(doc, head);
  }
  return names.every((n) => head.includes(n));
}

function squashFold(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, " ");
}

const QUANTITY =
  /\b(bao nhieu|ty le|muc|how many|how much|what percentage|what share|what rate|what proportion|what figure|combien|quel (?:est le |etait le )?(?:taux|montant|pourcentage|nombre|chiffre)|quelle (?:est la )?(?:part|proportion|somme))\b|何(?:人|件|％|%|パーセント|割|億|万|個|回)|いくら|どれくらい|どのくらい/u;

/** True when the question asks for a number ("bao nhiêu", "how many", "combien", "何％"). */
export function asksQuantity(question: string): boolean {
  const folded = fold(question);
  return QUANTITY.test(folded) || ASKS_FINE.test(folded) || asksHowMany(question);
}

/**
 * Questions asking what a fine is ("what's the fine for…", "mức phạt bao nhiêu", "quelle amende",
 * "罰金は"): a sum of money, which a passage that only says the offender "is dealt with strictly"
 * does not give.
 */
const ASKS_FINE =
  /\b(what(?:'s| is| are) the fines?(?! print)|how (?:much|big|large) (?:is )?(?:the |a )?fine|(?:muc )?phat bao nhieu|muc phat (?:la )?(?:bao nhieu|the nao)|quelle (?:est l'|sera l')?amende|montant de l'amende)\b|罰金|過料|反則金/u;

/**
 * "mấy" asks how many ("mấy hội nghị?") unless another question word asks the question ("mấy kẻ xúi
 * dân … thì cơ quan nào xử lý?": those people). "máy" (a machine) is not it; "may" typed without
 * diacritics is, in a Vietnamese question only (not the English "may").
 */
function asksHowMany(question: string): boolean {
  const lower = question.normalize("NFC").toLowerCase();
  const m = /(?:^|[^\p{L}])(mấy|may)(?![\p{L}\p{M}])/u.exec(lower);
  if (!m) return false;
  if (m[1] === "may" && detectLang(question, "vi") !== "vi") return false;
  return !/\b(?:nao|ai|gi|sao|dau)\b/u.test(fold(lower.slice(m.index + m[0].length)));
}

/** Questions asking for a sum of money ("bao nhiêu tiền", "how much funding", "quel montant", "いくら"). */
const ASKS_MONEY =
  /\b(bao nhieu (?:tien|kinh phi|ngan sach|von)|(?:kinh phi|ngan sach|so tien|von) (?:la )?bao nhieu|how much (?:money|funding|budget|support money)|what (?:budget|amount of money|sum)|combien d'argent|quel (?:montant|budget)|quelle somme)\b|いくら|金額|予算はどれ|費用はどれ/u;
/** Questions asking for a share ("bao nhiêu phần trăm", "what percentage", "quel taux", "何％"). */
const ASKS_SHARE =
  /\b(phan tram|ty le|what (?:percentage|share|proportion|rate)|quel (?:pourcentage|taux)|quelle (?:part|proportion))\b|何(?:％|%|パーセント|割)|割合/u;
/**
 * True when the passage states the kind of figure the question asks for: a sum of money when it
 * asks "how much money", a share when it asks "what percentage", otherwise any figure (see
 * `statesAnyFigure`). A passage on the same subject that states no such figure cannot answer it.
 */
export function statesFigure(passage: Passage, question: string): boolean {
  const asked = fold(question);
  const text = fold(passage.text);
  if ((ASKS_MONEY.test(asked) || ASKS_FINE.test(asked)) && !statesMoney(text)) return false;
  if (ASKS_SHARE.test(asked) && !statesShare(text)) return false;
  return statesAnyFigure(passage, question);
}

/**
 * True when the passage states a figure: digits other than its list label ("3."), the document
 * numbers and dates it cites, and the years the question itself names.
 */
function statesAnyFigure(passage: Passage, question: string): boolean {
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

/** The type code of a document number for each glossary kind ("05-CT/TU" is a directive). */
const KIND_CODES: Record<string, string[]> = {
  directive: ["ct"],
  plan: ["kh"],
  regulation: ["qdi", "qd"],
  decision: ["qd"],
  "official-letter": ["cv"],
  resolution: ["nq"],
  conclusion: ["kl"],
  project: ["da"],
};

/**
 * True when the document's number says it is of one of these kinds (glossary ids: directive, plan,
 * …), read from the type code after the serial ("112/KH-UBND" is a plan, "08-QĐi/TU" a regulation).
 */
export function kindFits(kinds: string[], doc: Document): boolean {
  const code = /^[\d/]+[-/]\s*([\p{L}]+)/u.exec(doc.number ?? "")?.[1];
  if (!code) return false;
  const folded = fold(code).replace(/đ/g, "d");
  return kinds.some((k) => KIND_CODES[k]?.includes(folded));
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * True when every year the question names ("in 2026", "2026年") appears somewhere in the document
 * (any version, its date included): a document that never mentions the year cannot say what
 * happened or is planned in it.
 */
export function yearsFit(question: string, doc: Document): boolean {
  const years = question.match(YEAR) ?? [];
  if (years.length === 0) return true;
  const text = doc.versions.map((v) => `${v.title} ${v.text}`).join(" ");
  return years.every((y) => text.includes(y) || doc.date?.startsWith(y));
}
