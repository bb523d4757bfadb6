import type { Document } from "../corpus/index.js";
import { type CorpusIndex, type Retriever, tokenize } from "../search/index.js";
import { docKey, fold } from "../text/index.js";
import { headNames, kindFits, namesFit } from "./fit.js";
import type { ParsedQuestion } from "./question.js";

/**
 * Which documents a question means: those it names by number ("1470-CV/TU", "chỉ thị 05"), the one
 * its place and kind describe ("the Quảng Bình plan"), the one a bare "task N" means, and those
 * citing a document the corpus lacks. Lookups by number and citation are indexed once per corpus.
 */
export class DocumentFinder {
  private lookup: {
    documents: readonly Document[];
    byNumber: Map<string, Document>;
    citedBy: Map<string, Document[]>;
  } | null = null;
  /** The places and kinds read from each question (see `cues`). */
  private readonly read = new WeakMap<ParsedQuestion, { names: string[]; kinds: string[] }>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly retriever: Retriever,
  ) {}

  /**
   * The places and kinds of document a question names ("the Hà Tĩnh directive": hà tĩnh, directive),
   * read once per question: each lookup walks the glossary.
   */
  cues(q: ParsedQuestion): { names: string[]; kinds: string[] } {
    let found = this.read.get(q);
    if (!found) {
      found = {
        names: this.retriever.placesIn(q.text, q.lang),
        kinds: this.retriever.kindsIn(q.text, q.lang),
      };
      this.read.set(q, found);
    }
    return found;
  }

  /** The document with this id. */
  byId(id: string): Document | undefined {
    return this.index.documents.find((d) => d.id === id);
  }

  /** Documents whose text cites `number` (by key: "23-QĐ/TW" = "23-QD/TW"). */
  citing(number: string): Document[] {
    return this.keys().citedBy.get(docKey(number)) ?? [];
  }

  /**
   * The documents among `docs` that fit the place and the kind of document the question names ("the
   * Hà Tĩnh directive", "カオバン省の記事"); each that no document fits is ignored.
   */
  fitting(q: ParsedQuestion, docs: Document[]): Document[] {
    const { names, kinds } = this.cues(q);
    const narrow = (pool: Document[], fits: (d: Document) => boolean) =>
      pool.some(fits) ? pool.filter(fits) : pool;
    // The document a place names is the one it heads (cheap, cached); else one that mentions it.
    const placed = narrow(
      narrow(docs, (d) => names.length > 0 && headNames(names, d)),
      (d) => names.length > 0 && namesFit(names, d),
    );
    return narrow(placed, (d) => kinds.length > 0 && kindFits(kinds, d));
  }

  /** The one document the question's place and kind of document describe, if they describe one. */
  described(
    q: ParsedQuestion,
    docs: Document[] = this.index.documents,
    pool = this.fitting(q, docs),
  ): Document | undefined {
    const { names, kinds } = this.cues(q);
    return names.length + kinds.length > 0 && pool.length === 1 ? pool[0] : undefined;
  }

  /**
   * True when a date/issuer question is about the document itself ("when was 1470-CV/TU issued?",
   * "when did the Nghe An People's Committee issue plan 112/KH-UBND?") rather than about something in
   * it ("by when must the quarterly report be sent?"): besides document words and words naming the
   * document (its title, issuer, identity line), at most one word is left.
   */
  asksOnlyAbout(q: ParsedQuestion, doc: Document): boolean {
    const DOC_WORDS =
      /^(van|ban|chi|thi|ke|hoach|quy|dinh|cong|nghi|quyet|ket|luan|huong|dan|hanh|ky|duoc|cua|nao|ubnd|hdnd|tinh|huyen|uy|thuong|vu|document|directive|letter|plan|official|lettre|officielle|publie|signe|emis|issued|signed|published|文書|発行|署名|公布|指示|計画|規定|公文|決定|決議|結論|出さ|出し|出され|発出|発表|公表|制定|日付)$/u;
    const naming = this.retriever.namingWords([doc.id], true);
    const rest = tokenize(q.text, q.lang, { question: true })
      .words.filter((w) => !w.includes("_"))
      .map(fold)
      .filter((w) => !DOC_WORDS.test(w) && !naming.has(w));
    return q.docRefs.length <= 1 && new Set(rest).size <= 1;
  }

  /** Documents the question names by number, or the number it names that the corpus lacks. */
  named(q: ParsedQuestion): { docs: Document[]; missing?: string } {
    const docs: Document[] = [];
    for (const ref of q.docRefs) {
      const doc = this.keys().byNumber.get(ref.key);
      if (doc) docs.push(doc);
    }
    if (q.docRefs.length > 0 && docs.length === 0) return { docs, missing: q.docRefs[0]?.text ?? "" };
    if (docs.length === 0 && q.docHint) {
      const hinted = this.index.documents.filter(
        (d) => d.number && docKey(d.number).startsWith(`${q.docHint}-`),
      );
      if (hinted.length === 1) docs.push(...hinted);
    }
    return { docs };
  }

  /** The document a bare "task N" means: the one discussed, else the best match that has task N. */
  forTask(
    q: ParsedQuestion,
    n: number,
    context: Document | undefined,
    among: Document[] = [],
  ): Document | undefined {
    if (context?.versions.some((v) => v.tasks.length >= n)) return context;
    const { names } = this.cues(q);
    const withTasks = (among.length > 0 ? among : this.index.documents).filter((d) =>
      d.versions.some((v) => v.tasks.length > 0),
    );
    const pool = this.fitting(q, withTasks);
    const described = this.described(q, withTasks, pool);
    if (described) return described;
    // The rest of the question ("…of the article on Cao Bang") says which document is meant; when
    // it clearly means one without task N, that document answers ("it has tasks 1–5").
    const relevance = this.retriever.documentRelevance(q.text, q.lang, pool);
    const [first, second] = [...relevance.values()].sort((a, b) => b - a);
    const meant = pool.filter(
      (d) => (relevance.get(d.id) ?? 0) === first && (names.length === 0 || namesFit(names, d)),
    );
    if (first !== undefined && first > 0 && first > (second ?? 0) && meant.length === 1) return meant[0];
    const candidates = pool.filter((d) => d.versions.some((v) => v.tasks.length >= n));
    const score = (d: Document) => [
      relevance.get(d.id) ?? 0,
      d.number ? 1 : 0,
      d.versions.some((v) => v.lang === q.lang) ? 1 : 0,
      Math.max(...d.versions.map((v) => v.tasks.length)),
      d.date ? Date.parse(d.date) : 0,
    ];
    return candidates.sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      for (let i = 0; i < x.length; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
      return 0;
    })[0];
  }

  /** The documents by number key, and the documents citing each number key (built on first use). */
  private keys(): NonNullable<DocumentFinder["lookup"]> {
    const documents = this.index.documents;
    if (this.lookup?.documents !== documents) {
      const byNumber = new Map<string, Document>();
      const citedBy = new Map<string, Document[]>();
      for (const d of documents) {
        if (d.number && !byNumber.has(docKey(d.number))) byNumber.set(docKey(d.number), d);
        const cited = new Set(d.versions.flatMap((v) => v.cites.map(docKey)));
        for (const key of cited) citedBy.set(key, [...(citedBy.get(key) ?? []), d]);
      }
      this.lookup = { documents, byNumber, citedBy };
    }
    return this.lookup;
  }
}
