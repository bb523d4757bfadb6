import { fold, halfWidth } from "../text/index.js";
import { leadingOrdinal } from "./ordinals.js";
import type { Paragraph } from "./paragraphs.js";

/**
 * Reads the outline of a document from its paragraphs: Roman parts (`I.`, `II.`), numbered items
 * (`1.`), points (`a)`), ordinal items (`Premièrement`), chapters and articles (`Chương I`,
 * `Điều 5.`) with their clauses.
 */

export type Line =
  | { kind: "part"; label: string; title: string; p: Paragraph }
  | { kind: "chapter"; label: string; p: Paragraph }
  | { kind: "article"; n: number; title: string; p: Paragraph }
  | { kind: "item"; n: number; label: string; p: Paragraph }
  | { kind: "ordinal"; n: number; label: string; p: Paragraph }
  | { kind: "point"; p: Paragraph }
  | { kind: "bullet"; p: Paragraph }
  | { kind: "text"; p: Paragraph };

const ROMAN = /^([IVXLC]{1,6})\s*[.)/]\s*(.*)$/su;
const CHAPTER = /^(chương|chapitre|chapter)\s+([IVXLC]+|\d+)\b|^第[0-9一二三四五六七八九十]+章/iu;
const ARTICLE = /^(?:(?:điều|article)\s+(\d{1,3})\s*[.:]?\s*(.*)|第(\d{1,3})条\s*(.*))$/isu;
const ITEM = /^(\d{1,2})\s*[.)]\s*(?!\d)(.*)$/su;
const POINT = /^[a-zđ]\)\s+/u;
const BULLET = /^[-+•–*]\s+/u;

/** Classifies one paragraph by how it opens. */
export function classify(p: Paragraph): Line {
  const line = halfWidth(p.text).replace(/^(\d{1,2})．/, "$1.");
  const roman = line.match(ROMAN);
  if (roman?.[1] && isRoman(roman[1]) && (roman[2] ?? "").length > 0) {
    return { kind: "part", label: roman[1], title: roman[2] ?? "", p };
  }
  const chapter = line.match(CHAPTER);
  if (chapter) return { kind: "chapter", label: chapter[0], p };
  const article = line.match(ARTICLE);
  if (article) {
    const n = Number(article[1] ?? article[3]);
    return { kind: "article", n, title: (article[2] ?? article[4] ?? "").trim(), p };
  }
  const item = line.match(ITEM);
  if (item?.[1] && (item[2] ?? "").trim().length > 0) {
    return { kind: "item", n: Number(item[1]), label: `${item[1]}.`, p };
  }
  if (POINT.test(line)) return { kind: "point", p };
  if (BULLET.test(line)) return { kind: "bullet", p };
  const ordinal = leadingOrdinal(line);
  if (ordinal) return { kind: "ordinal", n: ordinal.n, label: ordinal.label, p };
  return { kind: "text", p };
}

function isRoman(s: string): boolean {
  return /^(X{0,3})(IX|IV|V?I{0,3})$/.test(s) && s.length > 0;
}

/** A run of consecutive items 1..n (numbered or ordinal), with what belongs to each. */
export interface ItemList {
  /** The Roman part the list sits in, if any. */
  part: { label: string; title: string } | null;
  kind: "item" | "ordinal";
  /** The list numbers the clauses of an article ("Điều 5. … 1. … 2. …"): never a task list. */
  inArticle: boolean;
  items: { n: number; label: string; start: number; end: number; first: Paragraph }[];
}

// Parts whose items are the document's tasks, and parts whose items are not.
const TASK_PART = /nhiem vu|giai phap|task|mission|tache|任務|課題|取組/u;
const PURPOSE_PART = /muc dich|yeu cau|purpose|objecti|\bbut\b|目的|要求/u;
const NOT_TASK_PART = new RegExp(
  `${PURPOSE_PART.source}|to chuc thuc hien|implementation|mise en oeuvre|実施`,
  "u",
);

/** Splits the classified lines into lists of consecutive items. */
export function itemLists(lines: Line[]): ItemList[] {
  const lists: ItemList[] = [];
  let part: ItemList["part"] = null;
  let inArticle = false;
  let current: ItemList | null = null;
  // Plain paragraphs after an item belong to it only if the list goes on after them: a closing
  // paragraph after the last task ("Le département … est chargé de …") is not part of task 10.
  let pendingEnd: number | null = null;
  const close = () => {
    if (current && current.items.length > 0) lists.push(current);
    current = null;
    pendingEnd = null;
  };
  for (const line of lines) {
    if (line.kind === "part" || line.kind === "chapter" || line.kind === "article") {
      close();
      part = line.kind === "part" ? { label: line.label, title: line.title } : null;
      inArticle = line.kind === "article";
      continue;
    }
    const list = current as ItemList | null;
    const last = list?.items.at(-1);
    if (line.kind === "item" || line.kind === "ordinal") {
      const continues = list && list.kind === line.kind && list.items.length + 1 === line.n;
      if (continues && last && pendingEnd !== null) last.end = pendingEnd;
      pendingEnd = null;
      if (!continues) {
        close();
        if (line.n !== 1) continue;
        current = { part, kind: line.kind, inArticle, items: [] };
      }
      (current as ItemList | null)?.items.push({
        n: line.n,
        label: line.label,
        start: line.p.start,
        end: line.p.end,
        first: line.p,
      });
      continue;
    }
    if (!list || !last) continue;
    if (
      pendingEnd === null &&
      (line.kind === "point" || line.kind === "bullet" || /^\p{Ll}/u.test(line.p.text))
    ) {
      last.end = line.p.end;
    } else {
      pendingEnd = line.p.end;
    }
  }
  close();
  return lists;
}

/**
 * The document's task list: the items of the part headed as tasks ("II. NHIỆM VỤ, GIẢI PHÁP"),
 * else a list outside any part, else a list in a part that is not about purposes; never the
 * items of "I. MỤC ĐÍCH, YÊU CẦU".
 */
export function chooseTaskList(lists: ItemList[]): ItemList | null {
  const title = (l: ItemList) => fold(l.part?.title ?? "");
  const longest = (candidates: ItemList[]) =>
    candidates.reduce<ItemList | null>(
      (best, l) => (!best || l.items.length > best.items.length ? l : best),
      null,
    );
  const ranks: ((l: ItemList) => boolean)[] = [
    (l) => TASK_PART.test(title(l)) && !NOT_TASK_PART.test(title(l)),
    (l) => TASK_PART.test(title(l)),
    (l) => !l.part && l.items.length >= 2,
    (l) => !!l.part && !PURPOSE_PART.test(title(l)) && l.items.length >= 2,
  ];
  const candidates = lists.filter((l) => !l.inArticle);
  for (const rank of ranks) {
    const found = longest(candidates.filter(rank));
    if (found) return found;
  }
  return null;
}
