import { type Answer, Answerer, type Conversation, parseQuestion, sourceLine } from "../answer/index.js";
import { t } from "../i18n/index.js";
import type { CorpusIndex, RetrievalResult, Retriever } from "../search/index.js";
import type { Lang } from "../text/index.js";
import { checkReply } from "./guard.js";
import type { LanguageModel } from "./model.js";
import { defuse, formatPassages, passagesFor } from "./passages.js";
import { type Prompts, renderPrompt } from "./prompts.js";

/** Language names as the prompts give them to the model. */
export const LANGUAGE_LABELS: Record<Lang, string> = {
  vi: "Vietnamese (tiếng Việt)",
  en: "English",
  fr: "French (français)",
  ja: "Japanese (日本語)",
};

/** What the model answerer is built from. */
export interface ModelAnswererDeps {
  index: CorpusIndex;
  /** The extractive path's retriever (with query rewriting when the engine has a model). */
  retriever: Retriever;
  /**
   * The retriever for the other passages given to the model (default: `retriever`). Without
   * rewriting, so that a question makes at most two model calls: one rewrite, one answer.
   */
  related?: Retriever;
  model: LanguageModel;
  prompts: Prompts;
  /** Where failures go for the operator (never to the user). Default: stderr. */
  log?: (line: string) => void;
}

/**
 * Answers with a language model, never beyond the sources (issue 7). The extractive path runs
 * first; when it refuses, the model is not asked. Otherwise the model explains the top passages in
 * the asker's language, citing them by number; its reply goes through `checkReply`, and anything
 * that fails (timeout, error, empty, no valid citation) gives the extractive answer instead.
 * Citations that were not given are removed and the answer is marked unreliable.
 */
export class ModelAnswerer extends Answerer {
  private readonly log: (line: string) => void;

  constructor(private readonly deps: ModelAnswererDeps) {
    super(deps.index, deps.retriever);
    this.log = deps.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Same contract as `Answerer.ask`: the extractive answer (the fallback) is made first. */
  override async ask(
    question: string,
    opts: { lang?: Lang; conversation?: Conversation } = {},
  ): Promise<Answer> {
    const extractive = await super.ask(question, opts);
    if (!extractive.found || extractive.citations.length === 0) return extractive;
    try {
      return await this.explain(extractive);
    } catch (error) {
      this.fellBack((error as Error).message || String(error));
      return extractive;
    }
  }

  private async explain(extractive: Answer): Promise<Answer> {
    const { lang } = extractive;
    const passages = passagesFor(extractive, await this.related(extractive));
    const prompt = renderPrompt(this.deps.prompts.answer, {
      lang: LANGUAGE_LABELS[lang],
      question: defuse(extractive.question),
      passages: formatPassages(passages),
      count: passages.length,
    });
    const reply = await this.deps.model.complete(prompt.system, prompt.user);
    const checked = checkReply(reply, passages.length);
    if ("rejected" in checked) {
      this.fellBack(checked.rejected);
      return extractive;
    }
    const citations = checked.cited.map((n) => passages[n - 1]).filter((c) => c !== undefined);
    const lines = [checked.text];
    if (checked.unreliable) lines.push(t(lang, "llm.unreliable"));
    lines.push("");
    citations.forEach((c, i) => {
      lines.push(`[${i + 1}] «${c.quote}»`, sourceLine(c, lang));
    });
    return { ...extractive, answer: lines.join("\n"), citations };
  }

  /** Other passages that hold the question, within the documents it names; none when search fails. */
  private async related(extractive: Answer): Promise<RetrievalResult | null> {
    const named = parseQuestion(extractive.question, extractive.lang).docRefs.length > 0;
    const docIds = named ? new Set(extractive.citations.map((c) => c.docId)) : null;
    return (this.deps.related ?? this.deps.retriever)
      .search({ text: extractive.question, lang: extractive.lang, docIds })
      .catch(() => null);
  }

  private fellBack(why: string): void {
    const { provider, model } = this.deps.model;
    this.log(`llm: ${provider}/${model}: extractive answer shown instead (${why})`);
  }
}
