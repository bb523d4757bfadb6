/**
 * The compiled form of a glossary: a word trie for Vietnamese, French and English and a character
 * trie for Japanese. Built once; matching a passage then costs one map lookup per word (or per
 * character) plus the length of the terms actually present. No regular expression is built per call.
 */
import type { Lang } from "../text/index.js";
import { formWords, jaUnit, tokenizeLatin, type Word } from "./glossary-text.js";

/** A term found in a passage: the concept's index and the UTF-16 offsets [start, end). */
export interface RawMatch {
  readonly concept: number;
  readonly start: number;
  readonly end: number;
}

/** A form that could not be added because another concept already owns the same words. */
export interface FormConflict {
  readonly concept: number;
  readonly lang: Lang;
  readonly form: number;
  readonly owner: number;
}

/**
 * A form that can never match: no word left once function words are dropped ("de la"), or
 * punctuation between its words ("tp. hcm"), which the matcher treats as a term boundary.
 */
export interface UnusableForm {
  readonly concept: number;
  readonly lang: Lang;
  readonly form: number;
  readonly reason: "no-words" | "punctuation";
}

/** The `concept` of a match of a word that is no concept (see `addWord`). */
export const NO_CONCEPT = -1;

const LANG_BIT: Record<Lang, number> = { vi: 1, en: 2, fr: 4, ja: 8 };
const ALL_LANGS = 15;

// The concepts a word path ends, each with the languages whose forms spell it there: English
// "union" and French "union" may be two concepts, told apart by the text's language.
interface Terminal {
  concept: number;
  langs: number;
}

interface WordNode {
  // Child by exact key (letters + diacritics): used for passage words that carry diacritics.
  readonly exact: Map<string, WordNode>;
  // Children by folded key: used for passage words written without diacritics ("dan van").
  readonly byFold: Map<string, WordNode[]>;
  terminals?: Terminal[];
}

interface CharNode {
  readonly next: Map<number, CharNode>;
  terminals?: Terminal[];
}

function wordNode(): WordNode {
  return { exact: new Map(), byFold: new Map() };
}

const NO_NODES: readonly WordNode[] = [];
// Kana and CJK ideographs (and their full-width punctuation block).
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
// At most this many function words in a row inside one term ("à l'", "de la").
const MAX_SKIPPED = 2;

/** The two tries plus the insertion bookkeeping. */
export class GlossaryIndex {
  private readonly words = wordNode();
  private readonly chars: CharNode = { next: new Map() };
  readonly conflicts: FormConflict[] = [];
  readonly unusable: UnusableForm[] = [];

  /**
   * Adds a Vietnamese word that is no concept (`VI_COMPOUNDS`): it matches as `NO_CONCEPT`, so that
   * the syllables inside it are not matched alone. A word some concept lists stays that concept's.
   */
  addWord(word: string): void {
    const node = this.wordPath(word, true);
    if (typeof node === "string" || node.terminals?.some((t) => (t.langs & LANG_BIT.vi) !== 0)) return;
    node.terminals ??= [];
    node.terminals.push({ concept: NO_CONCEPT, langs: LANG_BIT.vi });
  }

  /** Adds one surface form of a concept; clashes and unusable forms are recorded, not thrown. */
  add(concept: number, lang: Lang, formIndex: number, form: string): void {
    const node = lang === "ja" ? this.charPath(form) : this.wordPath(form, lang === "vi");
    if (typeof node === "string") {
      this.unusable.push({ concept, lang, form: formIndex, reason: node });
      return;
    }
    const bit = LANG_BIT[lang];
    node.terminals ??= [];
    const owner = node.terminals.find(
      (t) => (t.langs & bit) !== 0 && t.concept !== concept && t.concept !== NO_CONCEPT,
    );
    if (owner !== undefined) {
      this.conflicts.push({ concept, lang, form: formIndex, owner: owner.concept });
      return;
    }
    const own = node.terminals.find((t) => t.concept === concept);
    if (own === undefined) node.terminals.push({ concept, langs: bit });
    else own.langs |= bit;
  }

  private wordPath(form: string, vietnamese: boolean): WordNode | UnusableForm["reason"] {
    if (tokenizeLatin(form).some((w, k) => k > 0 && w.breakBefore)) return "punctuation";
    const keys = formWords(form, vietnamese);
    if (keys.length === 0) return "no-words";
    let node = this.words;
    for (const k of keys) {
      let child = node.exact.get(k.key);
      if (child === undefined) {
        child = wordNode();
        node.exact.set(k.key, child);
        const siblings = node.byFold.get(k.fold);
        if (siblings === undefined) node.byFold.set(k.fold, [child]);
        else siblings.push(child);
      }
      node = child;
    }
    return node;
  }

  private charPath(form: string): CharNode | UnusableForm["reason"] {
    const text = form.trim();
    if (text.length === 0) return "no-words";
    let node = this.chars;
    for (let i = 0; i < text.length; i++) {
      const unit = jaUnit(text.charCodeAt(i));
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    return node;
  }

  /** Every term occurrence in `text` (overlapping ones included), for the given language or all. */
  candidates(text: string, lang: Lang | undefined): RawMatch[] {
    const out: RawMatch[] = [];
    const mask = lang === undefined ? ALL_LANGS : LANG_BIT[lang];
    if (lang !== "ja") this.wordCandidates(tokenizeLatin(text), mask, out);
    // Without a language, the char trie only runs on text that has some Japanese in it: walking it
    // over every character of a French or Vietnamese passage would cost more than the word trie.
    if (lang === "ja" || (lang === undefined && JAPANESE.test(text))) this.charCandidates(text, mask, out);
    return out;
  }

  private wordCandidates(words: readonly Word[], mask: number, out: RawMatch[]): void {
    // In text written with Vietnamese diacritics, a word without any is a different word ("quan"
    // is not "quận", "ban hành" is not "bản"): diacritic folding is only for text typed without them.
    const strict = words.some((w) => w.keys.vietnamese);
    const step = strict ? stepExact : stepFolding;
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!;
      // `consumed`: nodes reached by taking word j (a match may end there); `carried`: nodes kept
      // alive by skipping function words inside the passage's term ("mobilisation des masses").
      let consumed = step(this.words, first);
      let carried: readonly WordNode[] = NO_NODES;
      let skipRun = 0;
      for (let j = i; consumed.length + carried.length > 0; ) {
        const end = words[j]!.end;
        for (const s of consumed)
          if (s.terminals !== undefined) ends(s.terminals, mask, first.start, end, out);
        j++;
        const w = words[j];
        if (w === undefined || w.breakBefore) break;
        const next: WordNode[] = [];
        for (const s of consumed) for (const c of step(s, w)) next.push(c);
        for (const s of carried) for (const c of step(s, w)) next.push(c);
        skipRun = w.keys.skippable ? skipRun + 1 : 0;
        carried = w.keys.skippable && skipRun <= MAX_SKIPPED ? [...consumed, ...carried] : NO_NODES;
        consumed = next;
      }
    }
  }

  private charCandidates(text: string, mask: number, out: RawMatch[]): void {
    const root = this.chars.next;
    for (let i = 0; i < text.length; i++) {
      let node = root.get(jaUnit(text.charCodeAt(i)));
      let j = i + 1;
      while (node !== undefined) {
        if (node.terminals !== undefined) ends(node.terminals, mask, i, j, out);
        if (j >= text.length) break;
        node = node.next.get(jaUnit(text.charCodeAt(j)));
        j++;
      }
    }
  }
}

// The matches ending at a node, for the languages asked. Without a language, a spelling two
// concepts share across languages gives both; the earlier in the file is kept by `selectLongest`.
function ends(
  terminals: readonly Terminal[],
  mask: number,
  start: number,
  end: number,
  out: RawMatch[],
): void {
  for (const t of terminals) if ((t.langs & mask) !== 0) out.push({ concept: t.concept, start, end });
}

function stepExact(node: WordNode, w: Word): readonly WordNode[] {
  const child = node.exact.get(w.keys.key);
  return child === undefined ? NO_NODES : [child];
}

function stepFolding(node: WordNode, w: Word): readonly WordNode[] {
  return w.keys.marked ? stepExact(node, w) : (node.byFold.get(w.keys.fold) ?? NO_NODES);
}
