/**
 * The multilingual domain glossary: the offline bridge between Vietnamese, English, French and
 * Japanese in retrieval (DESIGN §5). A passage or a question is reduced to the language-independent
 * concept ids it mentions ("khiếu nại", "plainte", "complaint", "苦情" → `complaint`), and a query can
 * be expanded into the other languages' terms. The data lives in `glossary/domain.yaml`.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { LANGS, type Lang } from "../text/index.js";
import { VI_COMPOUNDS } from "./glossary-compounds.js";
import { GlossaryIndex, NO_CONCEPT, type RawMatch } from "./glossary-index.js";
import {
  type Concept,
  type LocatedConcept,
  type Problem,
  readGlossaryYaml,
  readValidGlossary,
} from "./glossary-schema.js";

export type { Concept } from "./glossary-schema.js";

/**
 * Changed whenever the same forms come to match other text (2: a name's capitalised "La" is kept;
 * 3: an overlapping match with a word of its own is kept; 4: a preposition leading a form of one
 * other word is kept; 5: common Vietnamese compounds hide their syllables, see VI_COMPOUNDS; 6: a
 * percent sign is a word, and a figure's decimal point or comma does not end it; 7: a date is one word, see DATE_KEYS).
 */
const MATCHING = 7;

/** A concept mentioned in a text, at UTF-16 offsets [start, end) of that text. */
export interface ConceptMatch {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Thrown when a glossary cannot be used; `problems` lists each one as "file:line: …". */
export class GlossaryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid glossary:\n${problems.join("\n")}`);
    this.name = "GlossaryError";
  }
}

/** Result of `parseGlossary`: a glossary, or every problem found. */
export type GlossaryResult =
  | { readonly ok: true; readonly glossary: Glossary }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * A compiled glossary. Build it once (start-up), then call `conceptsIn` on every passage and
 * question: matching is a trie walk, with no per-call pattern building.
 */
export class Glossary {
  private readonly byId: ReadonlyMap<string, Concept>;
  private hash: string | undefined;

  private constructor(
    private readonly concepts: readonly Concept[],
    private readonly index: GlossaryIndex,
  ) {
    this.byId = new Map(concepts.map((c) => [c.id, c]));
  }

  /** Builds a glossary from concepts already in memory; throws GlossaryError on clashes. */
  static fromConcepts(concepts: readonly Concept[]): Glossary {
    const built = Glossary.compile(unlocated(concepts), []);
    if (built instanceof Glossary) return built;
    throw new GlossaryError(format(built, "<concepts>"));
  }

  /**
   * A hash of the concepts, their forms and the way forms match (MATCHING): vectors built with other
   * concepts are not reused.
   */
  get fingerprint(): string {
    this.hash ??= createHash("sha1")
      .update(
        JSON.stringify([MATCHING, VI_COMPOUNDS, ...this.concepts.map((c) => [c.id, c.vi, c.en, c.fr, c.ja])]),
      )
      .digest("hex")
      .slice(0, 10);
    return this.hash;
  }

  /** Number of concepts. */
  get size(): number {
    return this.concepts.length;
  }

  /** All concept ids, in file order. */
  ids(): string[] {
    return this.concepts.map((c) => c.id);
  }

  /** The concept with this id, if any. */
  concept(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  /**
   * The concepts mentioned in `text`, in text order. Longest terms win and matches never overlap.
   * Latin scripts match whole words, case-insensitively, with or without diacritics ("dan van" =
   * "dân vận", "reforme" = "réforme"); Japanese matches by substring. Without `lang`, the forms of
   * all four languages are tried. A common Vietnamese word that no concept lists (VI_COMPOUNDS)
   * holds no concept, and hides the syllables inside it.
   */
  conceptsIn(text: string, lang?: Lang): ConceptMatch[] {
    const chosen = selectLongest(this.index.candidates(text, lang), text).filter(
      (m) => m.concept !== NO_CONCEPT,
    );
    return chosen.map((m) => ({ id: this.concepts[m.concept]!.id, start: m.start, end: m.end }));
  }

  /** The distinct concept ids mentioned in `text`, in order of first mention. */
  idsIn(text: string, lang?: Lang): string[] {
    return [...new Set(this.conceptsIn(text, lang).map((m) => m.id))];
  }

  /** The surface forms of a concept in one language (to expand a query); empty for an unknown id. */
  termsFor(id: string, lang: Lang): string[] {
    return [...(this.byId.get(id)?.[lang] ?? [])];
  }

  /**
   * Checks ids and forms across concepts and builds the index; returns every problem (those already
   * found while reading included) when there is any. Used by `parseGlossary` and `fromConcepts`.
   */
  static compile(concepts: readonly LocatedConcept[], found: readonly Problem[]): Glossary | Problem[] {
    const problems = [...found, ...duplicateIds(concepts)];
    const index = new GlossaryIndex();
    concepts.forEach((c, k) => {
      for (const lang of LANGS) {
        c[lang].forEach((form, f) => {
          index.add(k, lang, f, form);
        });
      }
    });
    for (const word of VI_COMPOUNDS) index.addWord(word);
    for (const u of index.unusable) {
      const c = concepts[u.concept]!;
      const why = u.reason === "punctuation" ? "has punctuation between its words" : "has no word to match";
      const message = `concept '${c.id}': ${u.lang} form "${c[u.lang][u.form]}" ${why}`;
      problems.push({ line: c.formLines[u.lang][u.form]!, message });
    }
    for (const x of index.conflicts) {
      const c = concepts[x.concept]!;
      const owner = concepts[x.owner]!;
      const message =
        `concept '${c.id}': ${x.lang} form "${c[x.lang][x.form]}" ` +
        `already belongs to concept '${owner.id}' (line ${owner.line})`;
      problems.push({ line: c.formLines[x.lang][x.form]!, message });
    }
    if (problems.length > 0) return problems;
    return new Glossary(
      concepts.map(({ id, vi, en, fr, ja }) => ({ id, vi, en, fr, ja })),
      index,
    );
  }
}

/** Parses glossary YAML (`source` names the file in messages); problems are returned, not thrown. */
export function parseGlossary(text: string, source: string): GlossaryResult {
  // A valid file is read the quick way; any problem is found again, with its line, by the slow one.
  const valid = readValidGlossary(text);
  const quick = valid && Glossary.compile(unlocated(valid), []);
  if (quick instanceof Glossary) return { ok: true, glossary: quick };
  const read = readGlossaryYaml(text);
  const built = Glossary.compile(read.concepts, read.problems);
  return built instanceof Glossary
    ? { ok: true, glossary: built }
    : { ok: false, errors: format(built, source) };
}

/** Reads and compiles a glossary file at start-up; throws GlossaryError naming each bad line. */
export async function loadGlossary(path: string): Promise<Glossary> {
  const result = parseGlossary(await readFile(path, "utf8"), path);
  if (!result.ok) throw new GlossaryError(result.errors);
  return result.glossary;
}

// "file:line: message", in line order (a stable sort keeps same-line problems in finding order).
function format(problems: readonly Problem[], source: string): string[] {
  return [...problems].sort((a, b) => a.line - b.line).map((p) => `${source}:${p.line}: ${p.message}`);
}

function duplicateIds(concepts: readonly LocatedConcept[]): Problem[] {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const c of concepts) {
    const seen = firstLine.get(c.id);
    if (seen === undefined) firstLine.set(c.id, c.line);
    else problems.push({ line: c.line, message: `concept '${c.id}': duplicate id (first at line ${seen})` });
  }
  return problems;
}

/** Concepts without a file: their "lines" are their positions in the list (1-based). */
function unlocated(concepts: readonly Concept[]): LocatedConcept[] {
  return concepts.map((c, k) => ({ ...c, line: k + 1, formLines: sameLine(c, k + 1) }));
}

function sameLine(c: Concept, line: number): Record<Lang, number[]> {
  return {
    vi: c.vi.map(() => line),
    en: c.en.map(() => line),
    fr: c.fr.map(() => line),
    ja: c.ja.map(() => line),
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

// Longest first, then leftmost; a candidate overlapping an already chosen one is dropped. Then a
// dropped one that neither holds nor is held by a kept one, and has words no chosen one covers, is
// added back: "lịch tiếp công dân" is the schedule and citizen reception, while in "ủy ban nhân dân
// quận" the militia ("dân quân") has no word of its own beside the People's Committee and the district.
function selectLongest(candidates: RawMatch[], text: string): RawMatch[] {
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const chosen: RawMatch[] = [];
  const dropped: RawMatch[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) {
      dropped.push(c);
      continue;
    }
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  const ownWord = (c: RawMatch) => {
    for (let i = c.start; i < c.end; i++) if (taken[i] === 0 && WORD_CHAR.test(text[i] ?? "")) return true;
    return false;
  };
  for (const c of dropped) {
    const nests = (o: RawMatch) =>
      (o.start <= c.start && c.end <= o.end) || (c.start <= o.start && o.end <= c.end);
    if (ownWord(c) && !chosen.some(nests)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
