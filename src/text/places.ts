import { fold } from "./fold.js";
import type { Lang } from "./lang.js";

/**
 * Vietnamese place and person names in running text of any Latin-script language ("Lạng Sơn",
 * "Quang Tri", "Thai Binh"): they say which document or locality a question is about.
 */

// A Vietnamese syllable written without diacritics or with them: optional initial consonant
// cluster, vowels, optional final consonant. English and French capitalised words mostly fail it.
const INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";
const FINAL = "(?:ch|ng|nh|c|m|n|p|t)?";
const SYLLABLE = new RegExp(`^${INITIAL}[aeiouyăâêôơư]{1,3}${FINAL}$`, "u");

/** First words of the names of bodies (folded): Ban, Bộ, Sở, Ủy ban, Hội, Đảng, Mặt trận, … */
const ORGANISATION_HEAD = new Set(
  "ban bo so uy hoi dang mat van phong cuc tong trung nha quoc chinh toa vien dai bao cong thuong".split(" "),
);

function isVietSyllable(word: string): boolean {
  return SYLLABLE.test(fold(word).replace(/đ/g, "d"));
}

/**
 * Vietnamese place names the question mentions ("Lạng Sơn", "Quang Tri", "Thai Binh"): runs of
 * two or more capitalised Vietnamese syllables, not at the start of the question. A run headed by
 * an organisation word names a body ("Bộ Chính trị", "Ban Thường vụ", "Sở Nội vụ"), not a place,
 * and is left out. Returned folded.
 */
export function placeNames(question: string, lang: Lang): string[] {
  if (lang === "ja") return [];
  const words = [...question.matchAll(/[\p{L}]+/gu)];
  const firstLetter = question.search(/\p{L}/u);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2 && !ORGANISATION_HEAD.has(fold(run[0] ?? ""))) out.push(fold(run.join(" ")));
    run = [];
  };
  let end = 0;
  for (const m of words) {
    const w = m[0];
    const at = m.index ?? 0;
    // Punctuation ends a name ("ở Thái Bình, Ban Dân vận …"), and so does a body's first word after
    // a whole name ("Thái Bình Ban Dân vận"; "Hải Phòng" stays one name).
    if (/\S/u.test(question.slice(end, at)) || (run.length >= 2 && ORGANISATION_HEAD.has(fold(w)))) flush();
    end = at + w.length;
    const capital = w[0] !== undefined && w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase();
    const first = at === firstLetter;
    if (capital && !first && w.length > 1 && w !== w.toUpperCase() && isVietSyllable(w)) run.push(w);
    else flush();
  }
  flush();
  return [...new Set(out)];
}
