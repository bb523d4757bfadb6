import { fold } from "./fold.js";

/** The languages the bot speaks and reads. Vietnamese is the default everywhere. */
export const LANGS = ["vi", "en", "fr", "ja"] as const;
export type Lang = (typeof LANGS)[number];

/** True when `value` is one of the supported language codes. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

// Letters only Vietnamese uses (horn, breve, hook-above and dot-below vowels, đ).
const VI_LETTERS = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const JA_CHARS = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const FR_LETTERS = /[çëîïûüÿœæ]/i;

// Frequent words of each language, written without diacritics (the folded form is compared).
const WORDS: Record<"vi" | "en" | "fr", Set<string>> = {
  vi: new Set(
    "nhiem vu yeu cau gi nao la cua cac nhung duoc khong ve cho voi trong tai sao ai khi bao nhieu van ban so ngay thang nam tinh uy ban dan chi thi ke hoach quy dinh dieu khoan thu nhat hai ba tu bon nam sau bay tam chin muoi co phai lam the va hay thi".split(
      " ",
    ),
  ),
  en: new Set(
    "the what which who whom when where why how does do is are of to in and for task tasks item point document says say require requires required report reports assigned body responsible issued date did was were about with on".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les des du de que quoi quel quelle quels quelles qui quand ou pourquoi comment est sont une un et pour dans sur avec tache taches point document demande exige dit charge date publie au aux ce cette".split(
      " ",
    ),
  ),
};

/**
 * Guesses the language of a text (a question or a document). Script decides Japanese; letters
 * unique to Vietnamese decide Vietnamese; otherwise frequent words (compared folded, so
 * "nhiem vu 4 yeu cau gi" is Vietnamese) decide between vi, fr and en; `fallback` breaks ties.
 */
export function detectLang(text: string, fallback: Lang = "vi"): Lang {
  const sample = text.slice(0, 4000);
  const ja = (sample.match(new RegExp(JA_CHARS.source, "g")) ?? []).length;
  if (ja >= 2 && ja >= sample.replace(/\s/g, "").length * 0.15) return "ja";
  const viLetters = (sample.match(new RegExp(VI_LETTERS.source, "gi")) ?? []).length;
  const words = fold(sample).match(/[a-z]+/g) ?? [];
  const score = {
    vi: viLetters * 2,
    en: 0,
    fr: (sample.match(new RegExp(FR_LETTERS.source, "gi")) ?? []).length,
  };
  for (const word of words) {
    if (WORDS.vi.has(word)) score.vi += 1;
    if (WORDS.en.has(word)) score.en += 1;
    if (WORDS.fr.has(word)) score.fr += 1;
  }
  if (ja > 0 && score.vi + score.en + score.fr === 0) return "ja";
  const ranked = (Object.entries(score) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return fallback;
  if (second && second[1] === best[1])
    return best[0] === fallback || second[0] === fallback ? fallback : best[0];
  return best[0];
}
