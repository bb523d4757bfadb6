/**
 * Reading a glossary data file: YAML parsed with positions, each concept checked with zod, every
 * problem kept with its line so that it can be reported as "file:line: concept 'id': what is wrong"
 * to a person editing the file by hand.
 */
import { load } from "js-yaml";
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import { LANGS, type Lang } from "../text/index.js";

/** One concept of the domain: a stable id and its surface forms in each language. */
export interface Concept {
  readonly id: string;
  readonly vi: readonly string[];
  readonly en: readonly string[];
  readonly fr: readonly string[];
  readonly ja: readonly string[];
}

/** A concept as read from a file, with the lines needed to point at its forms. */
export interface LocatedConcept extends Concept {
  readonly line: number;
  /** `formLines[lang][k]` is the line of the k-th form of that language. */
  readonly formLines: Readonly<Record<Lang, readonly number[]>>;
}

const FORMS = z.array(z.string().trim().min(1)).min(1);

const CONCEPT = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  vi: FORMS,
  en: FORMS,
  fr: FORMS,
  ja: FORMS,
  // Free text for editors (sources, usage notes); not used for matching.
  note: z.string().optional(),
});

const FILE = z.strictObject({ concepts: z.array(z.unknown()).min(1) });

/** A problem in a glossary file, at a line (1-based). */
export interface Problem {
  readonly line: number;
  readonly message: string;
}

/** Result of reading a glossary file: the valid concepts and a problem for each invalid thing. */
export interface ReadResult {
  readonly concepts: LocatedConcept[];
  readonly problems: Problem[];
}

/**
 * The concepts of a glossary file that is valid throughout, read without positions; null when
 * anything in it is wrong (`readGlossaryYaml` then finds each problem and its line). js-yaml
 * builds no syntax tree: on the shipped 250 KB glossary it takes about a tenth of the positioned
 * parse (~500 ms), which every process pays at start-up.
 */
export function readValidGlossary(text: string): Concept[] | null {
  let data: unknown;
  try {
    data = load(text);
  } catch {
    return null;
  }
  const file = FILE.safeParse(data);
  if (!file.success) return null;
  const concepts: Concept[] = [];
  for (const raw of file.data.concepts) {
    const parsed = CONCEPT.safeParse(raw);
    if (!parsed.success) return null;
    const { id, vi, en, fr, ja } = parsed.data;
    concepts.push({ id, vi, en, fr, ja });
  }
  return concepts;
}

/** Parses and validates glossary YAML, keeping the line of every concept and form. */
export function readGlossaryYaml(text: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      line: e.linePos?.[0].line ?? 1,
      message: `invalid YAML: ${e.message.split("\n")[0]}`,
    }));
    return { concepts: [], problems };
  }
  const file = FILE.safeParse(doc.toJS());
  if (!file.success) {
    const message = "the file must be a map with a non-empty list 'concepts'";
    return { concepts: [], problems: [{ line: lineOf(doc.contents), message }] };
  }
  const problems: Problem[] = [];
  const concepts: LocatedConcept[] = [];
  file.data.concepts.forEach((raw, index) => {
    const node = doc.getIn(["concepts", index], true) as Node | undefined;
    const line = lineOf(node);
    const parsed = CONCEPT.safeParse(raw);
    if (!parsed.success) {
      const label = conceptLabel(raw, index);
      for (const issue of parsed.error.issues) {
        const where = issueLine(doc, index, issue, lineOf) ?? line;
        problems.push({ line: where, message: `${label}: ${describe(issue)}` });
      }
      return;
    }
    const formLines = {} as Record<Lang, number[]>;
    for (const lang of LANGS) {
      formLines[lang] = parsed.data[lang].map((_, k) =>
        lineOf(doc.getIn(["concepts", index, lang, k], true) as Node | undefined),
      );
    }
    const { id, vi, en, fr, ja } = parsed.data;
    concepts.push({ id, vi, en, fr, ja, line, formLines });
  });
  return { concepts, problems };
}

function conceptLabel(raw: unknown, index: number): string {
  const id = isRecord(raw) && typeof raw.id === "string" ? raw.id : undefined;
  return id !== undefined && id.length > 0 ? `concept '${id}'` : `concept #${index + 1}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  const [field, item] = issue.path;
  if (issue.code === "unrecognized_keys") {
    return `unknown field ${issue.keys.map((k) => `'${k}'`).join(", ")} (expected id, vi, en, fr, ja, note)`;
  }
  if (field === undefined) return "must be a map with id, vi, en, fr and ja";
  if (field === "id") {
    return issue.code === "invalid_format"
      ? "id must be kebab-case (lower-case letters, digits and '-')"
      : "id must be a non-empty string";
  }
  if (field === "note") return "note must be a string";
  if (typeof item === "number") return `${String(field)}[${item}] must be a non-empty string`;
  return `${String(field)} must be a non-empty list`;
}

// The line of the YAML node an issue is about; a missing field points at its concept.
function issueLine(
  doc: Document,
  index: number,
  issue: Issue,
  lineOf: (node: Node | null | undefined) => number,
): number | undefined {
  const base: (string | number)[] = ["concepts", index];
  if (issue.code === "unrecognized_keys") {
    const map = doc.getIn(base, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === issue.keys[0]);
      if (pair && isScalar(pair.key)) return lineOf(pair.key);
    }
    return undefined;
  }
  for (let n = issue.path.length; n >= 0; n--) {
    const path = [...base, ...issue.path.slice(0, n)].filter(
      (p): p is string | number => typeof p === "string" || typeof p === "number",
    );
    const node = doc.getIn(path, true) as Node | undefined;
    if (node?.range) return lineOf(node);
  }
  return undefined;
}
