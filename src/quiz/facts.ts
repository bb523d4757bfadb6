import type { ConceptFinder } from "../search/index.js";
import type { Lang } from "../text/index.js";
import { findDates } from "../text/index.js";
import { type OpeningBody, openingBody, recipientBodies } from "./bodies.js";
import { type CitedFact, citedFacts } from "./citations.js";
import { type Figure, findFigures } from "./figures.js";
import { findSlogans, type Slogan } from "./slogans.js";
import type { Source, Unit } from "./source.js";
import { norm } from "./text.js";

/**
 * The facts of the whole corpus, read once per quiz: per document the bodies its units open with,
 * its slogans, figures and cited documents; across documents the pools distractors come from
 * (always in the language of the version a question quotes).
 */

/** The facts of one document version. */
export interface SourceFacts {
  openings: { unit: Unit; opening: OpeningBody }[];
  slogans: Slogan[];
  figures: Figure[];
  cited: CitedFact[];
}

/** Corpus-wide facts and pools. */
export interface Facts {
  of: Map<Source, SourceFacts>;
  /** Bodies tasks are assigned to, and those documents are sent to. */
  bodies: Map<Lang, string[]>;
  /** Bodies that issue documents (of the corpus, or cited by it). */
  issuers: Map<Lang, string[]>;
  slogans: Map<Lang, Slogan[]>;
  /** Figures by language, to borrow plausible wrong values from other passages. */
  figures: Map<Lang, Figure[]>;
  /** Every date written in the corpus (ISO). */
  dates: string[];
  /** Glossary concepts so common in the corpus's units that asking about them says nothing. */
  common: Set<string>;
  /** Cited documents whose date the corpus states in two different ways: never asked. */
  conflicting: Set<string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]) {
  map.set(key, [...(map.get(key) ?? []), ...values]);
}

/** Reads the facts of every source. */
export function readFacts(sources: Source[], concepts: ConceptFinder): Facts {
  const facts: Facts = {
    of: new Map(),
    bodies: new Map(),
    issuers: new Map(),
    slogans: new Map(),
    figures: new Map(),
    dates: [],
    conflicting: new Set(),
    common: new Set(),
  };
  const citedDates = new Map<string, string[]>();
  for (const s of sources) {
    const v = s.version;
    const units = [...s.tasks, ...s.clauses, ...s.items];
    const openings = units.flatMap((unit) => {
      const opening = openingBody(v, unit);
      return opening ? [{ unit, opening }] : [];
    });
    // Only what the parser kept as content: no footers, related-article lists or captions of menus.
    const content = (x: { start: number; end: number }) =>
      v.passages.some((p) => x.start >= p.start && x.end <= p.end);
    const cited = citedFacts(v).filter((c) => content(c.clause));
    const own = v.issuer && v.lang !== "vi" ? [v.issuer] : [];
    push(facts.bodies, v.lang, ...openings.map((o) => o.opening.body), ...recipientBodies(v));
    push(facts.issuers, v.lang, ...own, ...cited.flatMap((c) => (c.issuer ? [c.issuer.name] : [])));
    const slogans = findSlogans(v).filter(content);
    push(facts.slogans, v.lang, ...slogans);
    const quoted = (x: { start: number; end: number }) =>
      slogans.some((q) => x.start >= q.start && x.end <= q.end);
    const figures = findFigures(v).filter((f) => content(f) && !quoted(f));
    push(facts.figures, v.lang, ...figures);
    facts.dates.push(...findDates(v.text).map((d) => d.iso));
    facts.of.set(s, { openings, slogans, figures, cited });
  }
  // Every language version of every document counts for conflicts, not only the versions asked.
  for (const version of sources.flatMap((s) => s.doc.versions)) {
    for (const c of citedFacts(version)) if (c.date) push(citedDates, c.key, c.date.iso);
  }
  for (const [key, isos] of citedDates) if (new Set(isos).size > 1) facts.conflicting.add(key);
  for (const pool of [facts.bodies, facts.issuers]) {
    for (const [lang, names] of pool) {
      const seen = new Set<string>();
      pool.set(
        lang,
        names.filter((n) => n.length <= 100 && !seen.has(norm(n)) && seen.add(norm(n))),
      );
    }
  }
  facts.dates = [...new Set(facts.dates)].sort();
  facts.common = commonConcepts(sources, concepts);
  return facts;
}

// A concept named in more than a quarter of all units (tasks, clauses, items) is common.
function commonConcepts(sources: Source[], concepts: ConceptFinder): Set<string> {
  const counts = new Map<string, number>();
  let units = 0;
  for (const s of sources) {
    for (const u of [...s.tasks, ...s.clauses, ...s.items]) {
      units++;
      for (const id of new Set(concepts.conceptsIn(u.text, s.version.lang).map((m) => m.id))) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  return new Set([...counts].filter(([, n]) => n > units / 4).map(([id]) => id));
}
