import type { Document, DocumentVersion, Passage } from "../corpus/index.js";
import { t } from "../i18n/index.js";
import type { CorpusIndex, Hit, RetrievalResult, Retriever } from "../search/index.js";
import { docKey, findDocNumbers, formatDate, type Lang } from "../text/index.js";
import { DocumentFinder } from "./documents.js";
import { asksQuantity, namesFit, statesFigure, statesTime, yearsFit } from "./fit.js";
import { basisSpan, purposeSpan } from "./parts.js";
import { LAST_TASK, type ParsedQuestion, parseQuestion } from "./question.js";
import { focusQuote, MAX_TASK_QUOTE, trimQuote } from "./quote.js";
import type { Answer, Citation, Conversation } from "./types.js";
import { docLabel, versionsFor } from "./versions.js";

/**
 * Turns a question into an answer, offline and extractively: a task, article or document fact is
 * resolved exactly from the structure; anything else is searched, and quoted only when the best
 * passage holds enough of the question. Every quote is a slice of a corpus file.
 */
export class Answerer {
  private readonly docs: DocumentFinder;

  constructor(
    private readonly index: CorpusIndex,
    private readonly retriever: Retriever,
  ) {
    this.docs = new DocumentFinder(index, retriever);
  }

  /** Answers `question`; `conversation` (updated in place) carries the document discussed. */
  async ask(question: string, opts: { lang?: Lang; conversation?: Conversation } = {}): Promise<Answer> {
    const q = parseQuestion(question, opts.lang);
    const conv = opts.conversation ?? { docId: null };
    if (q.text.length === 0) return this.refuse(q, t(q.lang, "answer.emptyQuestion"));
    const named = this.docs.named(q);
    if (named.missing) {
      const cited = this.docs.citing(named.missing);
      // Passages citing a document the corpus lacks can state what is known of it, never its content
      // ("what does 23-QĐ/TW say?" stays unanswered): its date and issuer ("When was project 08-DA/TU
      // issued?"), and a figure of a local one asked with the place of the document reporting on it
      // ("Cao Bằng mở bao nhiêu hội nghị để phổ biến đề án 08-DA/TU?").
      const places = q.intent === "search" && asksQuantity(q.text) ? this.docs.cues(q).names : [];
      const sources =
        q.intent === "date" || q.intent === "issuer"
          ? cited
          : places.length > 0
            ? cited.filter((d) => namesFit(places, d))
            : [];
      if (sources.length > 0) {
        const answer = await this.search(q, sources, docKey(named.missing));
        if (!answer.found) return this.notInCorpus(q, named.missing);
        conv.docId = answer.citations[0]?.docId ?? conv.docId;
        return answer;
      }
      // "task 5 of the text on 08-DA/TU": a document the corpus lacks, but articles about it hold tasks.
      const citing = cited.filter((d) => d.versions.some((v) => v.tasks.length >= (q.task ?? 0)));
      if (q.intent !== "task" || !q.task || citing.length === 0) return this.notInCorpus(q, named.missing);
      named.docs.push(...citing);
    }
    const context = conv.docId ? this.docs.byId(conv.docId) : undefined;
    const answer = await this.route(q, named.docs, context);
    const first = answer.citations[0];
    if (first) conv.docId = first.docId;
    else if (named.docs.length === 1) conv.docId = named.docs[0]?.id ?? conv.docId;
    return answer;
  }

  private async route(q: ParsedQuestion, named: Document[], context: Document | undefined): Promise<Answer> {
    const only = named.length === 1 ? named[0] : undefined;
    if (q.intent === "task" && q.task)
      return this.task(q, q.task, only ?? this.docs.forTask(q, q.task, context));
    if (q.intent === "article" && q.article) return this.article(q, only ?? context);
    // "The Quảng Bình plan", "chỉ thị của Hà Tĩnh": a place and kind that describe one document name it.
    const meant = only ?? (named.length === 0 ? this.docs.described(q) : undefined);
    if ((q.intent === "date" || q.intent === "issuer") && meant && this.docs.asksOnlyAbout(q, meant))
      return this.fact(q, meant);
    if ((q.intent === "basis" || q.intent === "purpose") && meant) {
      const part = this.part(q, meant);
      if (part) return part;
    }
    return this.search(q, named.length > 0 || !meant ? named : [meant]);
  }

  private task(q: ParsedQuestion, asked: number, doc: Document | undefined): Answer {
    if (!doc) return this.refuse(q, t(q.lang, "answer.noTaskDoc", { n: asked === LAST_TASK ? "…" : asked }));
    const versions = versionsFor(doc, q.lang);
    const max = Math.max(...doc.versions.map((v) => v.tasks.length));
    if (max === 0) return this.refuse(q, t(q.lang, "answer.noTasks", { doc: docLabel(doc) }), doc);
    const n = asked === LAST_TASK ? max : asked;
    const version = versions.find((v) => v.tasks.length >= n);
    const task = version?.tasks[n - 1];
    if (!version || !task) {
      const vars = { doc: docLabel(doc), max, n, number: doc.number ?? "" };
      return this.refuse(q, t(q.lang, "answer.noSuchTask", vars), doc);
    }
    const passage = version.passages.find((p) => p.kind === "task" && p.task === n);
    const { quote, trimmed } = trimQuote(task.text, MAX_TASK_QUOTE);
    const header = t(q.lang, "answer.task", { n, doc: docLabel(doc), date: this.dateSuffix(doc, q.lang) });
    const cite = this.citation(doc, version, passage, quote, n, task.label);
    return this.found(q, header, [cite], trimmed);
  }

  private article(q: ParsedQuestion, doc: Document | undefined): Answer {
    const ref = q.article;
    if (!ref) return this.refuse(q, t(q.lang, "answer.notFound"));
    const holder =
      doc ?? this.index.documents.find((d) => d.versions.some((v) => v.articles.some((a) => a.n === ref.n)));
    const section = ref.clause ? `Điều ${ref.n}.${ref.clause}` : `Điều ${ref.n}`;
    if (!holder) return this.refuse(q, t(q.lang, "answer.notFound"));
    for (const version of versionsFor(holder, q.lang)) {
      const article = version.articles.find((a) => a.n === ref.n);
      const part = ref.clause ? article?.clauses[ref.clause - 1] : article;
      if (!article || !part) continue;
      const { quote, trimmed } = trimQuote(part.text, MAX_TASK_QUOTE);
      const label = ref.clause ? `Khoản ${ref.clause} Điều ${ref.n}` : `Điều ${ref.n}`;
      const header = t(q.lang, "answer.article", {
        section: label,
        doc: docLabel(holder),
        date: this.dateSuffix(holder, q.lang),
      });
      const passage = version.passages.find((p) => p.section === section) ?? null;
      return this.found(
        q,
        header,
        [this.citation(holder, version, passage ?? undefined, quote, null, section)],
        trimmed,
      );
    }
    return this.refuse(q, t(q.lang, "answer.noSuchArticle", { doc: docLabel(holder), section }), holder);
  }

  /** Date or issuer of a named document, quoting where the text states it. */
  private fact(q: ParsedQuestion, doc: Document): Answer {
    const version = versionsFor(doc, q.lang).find((v) => v.identity) ?? versionsFor(doc, q.lang)[0];
    if (!version) return this.refuse(q, t(q.lang, "answer.notFound"));
    const label = docLabel(doc);
    const line =
      q.intent === "date"
        ? doc.date
          ? t(q.lang, "answer.date", { doc: label, date: formatDate(doc.date, q.lang) })
          : null
        : doc.issuer
          ? t(q.lang, "answer.issuer", { doc: label, issuer: doc.issuer })
          : null;
    if (!line || !version.identity) return this.refuse(q, t(q.lang, "answer.noDate", { doc: label }), doc);
    const stated = version.text.slice(version.identity.start, version.identity.end);
    const { quote } = trimQuote(stated, 600);
    return this.found(q, line, [this.citation(doc, version, undefined, quote, null, "")], false);
  }

  /** The legal basis or the purpose of a document, quoted from its preamble or its purpose section. */
  private part(q: ParsedQuestion, doc: Document): Answer | null {
    for (const version of versionsFor(doc, q.lang)) {
      const span = q.intent === "basis" ? basisSpan(doc, version) : purposeSpan(version);
      if (!span) continue;
      const { quote, trimmed } = trimQuote(version.text.slice(span.start, span.end), MAX_TASK_QUOTE);
      const vars = { doc: docLabel(doc), date: this.dateSuffix(doc, q.lang) };
      const header = t(q.lang, q.intent === "basis" ? "answer.basis" : "answer.purpose", vars);
      const cite = this.citation(doc, version, span.passage, quote, null, span.passage.section);
      return this.found(q, header, [cite], trimmed);
    }
    return null;
  }

  /** Searches (within `named` documents when given); with `mentions`, only passages naming that number. */
  private async search(q: ParsedQuestion, named: Document[], mentions?: string): Promise<Answer> {
    const docIds = named.length > 0 ? new Set(named.map((d) => d.id)) : null;
    const result = await this.retriever.search({ text: q.text, lang: q.lang, docIds });
    // The best hit that holds enough of the question and can answer it (places, figures).
    const { names } = this.docs.cues(q);
    const quantity = asksQuantity(q.text);
    const fitting = result.hits.filter(
      (h) =>
        h.accepted &&
        namesFit(names, h.entry.doc) &&
        yearsFit(q.text, h.entry.doc) &&
        (!quantity || statesFigure(h.entry.passage, q.text)) &&
        (!mentions || findDocNumbers(h.entry.passage.text).some((n) => n.key === mentions)),
    );
    // "When …?" prefers, among the passages that hold the question, one that states a time.
    const best =
      (q.intent === "date" ? fitting.find((h) => statesTime(h.entry.passage.text)) : undefined) ?? fitting[0];
    if (!best) {
      const closest = result.hits.slice(0, 2).map((h) => this.hitCitation(h, result, q.lang));
      const text = [t(q.lang, "answer.notFound")];
      if (closest[0])
        text.push("", t(q.lang, "answer.closest"), `«${closest[0].quote}»`, sourceLine(closest[0], q.lang));
      return { question: q.text, lang: q.lang, found: false, answer: text.join("\n"), citations: closest };
    }
    const cite = this.hitCitation(best, result, q.lang);
    const doc = best.entry.doc;
    const header = t(q.lang, "answer.found", { doc: docLabel(doc), date: this.dateSuffix(doc, q.lang) });
    return this.found(q, header, [cite], cite.quote.length < best.entry.passage.text.length);
  }

  /** The citation for a search hit, switched to the asker's language version of a task when one exists. */
  private hitCitation(hit: Hit, result: RetrievalResult, lang: Lang): Citation {
    const { doc, version, passage } = hit.entry;
    if (passage.kind === "task" && passage.task && version.lang !== lang) {
      const mine = doc.versions.find((v) => v.lang === lang && v.tasks.length >= (passage.task ?? 0));
      const other = mine?.passages.find((p) => p.kind === "task" && p.task === passage.task);
      if (mine && other)
        return this.citation(doc, mine, other, trimQuote(other.text).quote, other.task, other.section);
    }
    // The question's words, and its concepts in the passage's language ("dàn xếp mâu thuẫn" → "hòa giải").
    const { quote } = focusQuote(passage.text, result.focus, undefined, result.termsByLang.get(version.lang));
    return this.citation(doc, version, passage, quote, passage.task, passage.section);
  }

  private citation(
    doc: Document,
    version: DocumentVersion,
    passage: Passage | undefined,
    quote: string,
    task: number | null,
    section: string,
  ): Citation {
    return {
      docId: doc.id,
      docNumber: doc.number,
      title: doc.title,
      date: doc.date,
      task,
      section: section || passage?.section || "",
      lang: version.lang,
      file: version.file,
      quote,
    };
  }

  private dateSuffix(doc: Document, lang: Lang): string {
    return doc.date ? ` (${formatDate(doc.date, lang)})` : "";
  }

  private found(q: ParsedQuestion, header: string, citations: Citation[], trimmed: boolean): Answer {
    const c = citations[0];
    const lines = [header];
    if (c) {
      lines.push(`«${c.quote}»`);
      if (trimmed) lines.push(t(q.lang, "answer.trimmed", { file: c.file }));
      if (c.lang !== q.lang) {
        lines.push(
          t(q.lang, "answer.otherLang", {
            langName: t(c.lang, "langName"),
            askedLang: t(q.lang, "langName"),
          }),
        );
      }
      lines.push(sourceLine(c, q.lang));
    }
    return { question: q.text, lang: q.lang, found: true, answer: lines.join("\n"), citations };
  }

  private refuse(q: ParsedQuestion, text: string, _doc?: Document): Answer {
    return { question: q.text, lang: q.lang, found: false, answer: text, citations: [] };
  }

  private notInCorpus(q: ParsedQuestion, number: string): Answer {
    const citing = this.docs.citing(number);
    const lines = [t(q.lang, "answer.docNotInCorpus", { number })];
    if (citing.length > 0) lines.push(t(q.lang, "answer.citedBy", { docs: citing.map(docLabel).join(", ") }));
    return { question: q.text, lang: q.lang, found: false, answer: lines.join(" "), citations: [] };
  }
}

export { parseQuestion };

/** The line naming a citation's source under a quote: "Nguồn: 1470-CV/TU · nhiệm vụ 4 · ngày … · file". */
export function sourceLine(c: Citation, lang: Lang): string {
  const parts = [
    c.docNumber,
    c.task ? `${t(lang, "answer.taskWord")} ${c.task}` : c.section || null,
    c.date ? `${t(lang, "answer.dateWord")} ${formatDate(c.date, lang)}` : null,
    c.file,
  ].filter(Boolean);
  return t(lang, "answer.citation", { parts: parts.join(" · ") });
}
