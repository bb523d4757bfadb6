import type { DocumentVersion } from "../corpus/index.js";
import { fold } from "../text/index.js";

/**
 * Quoted mottos, models, movements and styles: «Le peuple sait, le peuple débat…», "Dân vận khéo",
 * 「国民に奉仕する友好的な政府」モデル. A quotation counts only when a cue word names what it is
 * (devise, mô hình, モデル…); a quoted document title or event name is not a slogan.
 */

/** What a quoted text is, by the cue word next to it. */
export type Cue = "motto" | "model" | "movement" | "style" | "theme";

/** A quoted slogan: the text inside the quotation marks and its offsets. */
export interface Slogan {
  text: string;
  start: number;
  end: number;
  cue: Cue;
}

const QUOTES = /«\s*([^«»]{2,160}?)\s*»|“([^“”]{2,160}?)”|"([^"\n]{2,160}?)"|「([^「」]{2,160}?)」/gu;

// Cue words before the quotation (folded Latin text), allowing a few words in between
// ("modèles et exemples réussis de « … »").
const BEFORE: [RegExp, Cue][] = [
  [/\b(?:devise|motto|phuong cham)\b(?:\s+[\p{L}'’]+){0,2}\s*:?\s*$/u, "motto"],
  [/\b(?:modeles?|models?|mo hinh|dien hinh)\b(?:\s*,?\s+[\p{L}'’]+){0,4}\s*:?\s*$/u, "model"],
  [/\b(?:mouvement|movement|phong trao)\b(?:\s+[\p{L}'’]+){0,4}\s*$/u, "movement"],
  [/\b(?:style|phong cach)\b(?:\s+[\p{L}'’]+){0,2}\s*$/u, "style"],
  [/\b(?:theme|chu de)\b(?:\s+[\p{L}'’]+){0,2}\s*:?\s*$/u, "theme"],
];
// Japanese puts the cue after the quotation: 「…」モデル, 「…」の模範運動, 「…」というモットー.
const AFTER_JA: [RegExp, Cue][] = [
  [/^(?:という|の)?(?:モットー|標語)/u, "motto"],
  [/^(?:という|の)?(?:成功)?モデル/u, "model"],
  [/^(?:という|の)?(?:模範)?運動/u, "movement"],
  [/^(?:という|の)?スタイル/u, "style"],
  [/^(?:という|の)?テーマ/u, "theme"],
];
const LIST_GAP = /^\s*(?:,|、|et|và|and)?\s*$/u;

/** The slogans quoted in `version`, with the cue that names each. */
export function findSlogans(version: DocumentVersion): Slogan[] {
  const text = version.text;
  const found: (Omit<Slogan, "cue"> & { cue: Cue | null; from: number; to: number })[] = [];
  for (const m of text.matchAll(QUOTES)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
    const start = m.index + m[0].indexOf(inner);
    const to = m.index + m[0].length;
    let cue: Cue | null;
    if (version.lang === "ja") {
      const after = text.slice(to, to + 8);
      cue = AFTER_JA.find(([re]) => re.test(after))?.[1] ?? null;
    } else {
      const before = fold(text.slice(Math.max(0, m.index - 60), m.index)).replace(/[’]/gu, "'");
      cue = BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
    }
    found.push({ text: inner, start, end: start + inner.length, cue, from: m.index, to });
  }
  // A list of quotations shares one cue: devise « A », « B » et « C »; 「A」「B」というモットー.
  const linked = (i: number) => {
    const a = found[i];
    const b = found[i + 1];
    return a && b ? LIST_GAP.test(text.slice(a.to, b.from)) : false;
  };
  for (let i = 1; i < found.length; i++) {
    const item = found[i]!;
    if (!item.cue && linked(i - 1)) item.cue = found[i - 1]!.cue;
  }
  for (let i = found.length - 2; i >= 0; i--) {
    const item = found[i]!;
    if (!item.cue && linked(i)) item.cue = found[i + 1]!.cue;
  }
  return found.flatMap(({ text: inner, start, end, cue }) =>
    cue && /\p{L}/u.test(inner) ? [{ text: inner, start, end, cue }] : [],
  );
}
