import { fold } from "../text/index.js";

/**
 * Ordinal words that open list items ("Premièrement", "Thứ hai,", "第三に") and that questions use
 * ("nhiệm vụ thứ tư", "the fourth task", "le quatrième point"). Position n-1 holds ordinal n.
 */
const ORDINALS: Record<"vi" | "en" | "fr" | "ja", string[][]> = {
  fr: [
    ["premierement", "premier", "premiere", "1er", "1re"],
    ["deuxiemement", "deuxieme", "second", "seconde", "secondement"],
    ["troisiemement", "troisieme"],
    ["quatriemement", "quatrieme"],
    ["cinquiemement", "cinquieme"],
    ["sixiemement", "sixieme"],
    ["septiemement", "septieme"],
    ["huitiemement", "huitieme"],
    ["neuviemement", "neuvieme"],
    ["dixiemement", "dixieme"],
  ],
  en: [
    ["first", "firstly", "1st"],
    ["second", "secondly", "2nd"],
    ["third", "thirdly", "3rd"],
    ["fourth", "fourthly", "4th"],
    ["fifth", "fifthly", "5th"],
    ["sixth", "sixthly", "6th"],
    ["seventh", "seventhly", "7th"],
    ["eighth", "eighthly", "8th"],
    ["ninth", "ninthly", "9th"],
    ["tenth", "tenthly", "10th"],
  ],
  // Folded Vietnamese: "thứ nhất" → "thu nhat"; "một là" style too.
  vi: [
    ["thu nhat", "mot la"],
    ["thu hai", "hai la"],
    ["thu ba", "ba la"],
    ["thu tu", "bon la"],
    ["thu nam", "nam la"],
    ["thu sau", "sau la"],
    ["thu bay", "bay la"],
    ["thu tam", "tam la"],
    ["thu chin", "chin la"],
    ["thu muoi", "muoi la"],
  ],
  ja: [
    ["第一", "一つ目", "1つ目", "一番目", "1番目"],
    ["第二", "二つ目", "2つ目", "二番目", "2番目"],
    ["第三", "三つ目", "3つ目", "三番目", "3番目"],
    ["第四", "四つ目", "4つ目", "四番目", "4番目"],
    ["第五", "五つ目", "5つ目", "五番目", "5番目"],
    ["第六", "六つ目", "6つ目", "六番目", "6番目"],
    ["第七", "七つ目", "7つ目", "七番目", "7番目"],
    ["第八", "八つ目", "8つ目", "八番目", "8番目"],
    ["第九", "九つ目", "9つ目", "九番目", "9番目"],
    ["第十", "十", "10番目"],
  ],
};

/** The ordinal value (1–10) of a word or short phrase in any language, or null. */
export function ordinalValue(phrase: string): number | null {
  const f = fold(phrase).trim();
  for (const table of Object.values(ORDINALS)) {
    const i = table.findIndex((forms) => forms.includes(f));
    if (i >= 0) return i + 1;
  }
  return null;
}

// An item opened by an ordinal adverb: "Premièrement, …", "Thứ nhất, …", "Firstly, …", "第一に、…".
const LEADS: { re: RegExp; word: (m: RegExpMatchArray) => string }[] = [
  {
    re: /^((?:premi[eè]re|(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix)i[eè]me)ment)(?![\p{L}])/iu,
    word: (m) => m[1] ?? "",
  },
  {
    re: /^(th[ứu]\s+(?:nh[ấa]t|hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|t[áa]m|ch[íi]n|m[ưu][ờo]i))\s*[,:]/iu,
    word: (m) => m[1] ?? "",
  },
  {
    re: /^((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?)\s*,/iu,
    word: (m) => m[1] ?? "",
  },
  { re: /^(第[一二三四五六七八九十])に/u, word: (m) => m[1] ?? "" },
];

/** The ordinal that opens a paragraph used as a list item, with its label, or null. */
export function leadingOrdinal(line: string): { n: number; label: string } | null {
  for (const { re, word } of LEADS) {
    const m = line.match(re);
    if (!m) continue;
    const label = word(m);
    const n = ordinalValue(label.replace(/ly$/i, ""));
    if (n) return { n, label };
  }
  return null;
}
