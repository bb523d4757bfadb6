import type {
  ConceptFinder,
  CorpusIndex,
  RetrievalResult,
  RetrievalTuning,
  SearchQuery,
} from "../search/index.js";
import { Retriever } from "../search/index.js";
import { LANGS, type Lang } from "../text/index.js";
import { LANGUAGE_LABELS } from "./answerer.js";
import type { LanguageModel } from "./model.js";
import { defuse } from "./passages.js";
import { type Prompt, renderPrompt } from "./prompts.js";

/**
 * Query rewriting (issue 7, item 4): with a model, a question the offline retrieval cannot answer
 * with confidence is translated, in one call, into the corpus's other languages, and searched again
 * in each. Rewrites are cached (a bounded LRU); a failed rewrite is logged and changes nothing.
 */

/** Most questions whose rewrites are kept. */
export const REWRITE_CACHE_SIZE = 500;

/** Turns a question into the corpus's languages; the result maps a language to the question in it. */
export class QueryRewriter {
  private readonly cache = new Map<string, Map<Lang, string>>();

  constructor(
    private readonly model: LanguageModel,
    private readonly prompt: Prompt,
    /** The languages to rewrite into (the corpus's). */
    private readonly languages: Lang[],
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly size = REWRITE_CACHE_SIZE,
  ) {}

  /** The question in each other corpus language; empty when there is none or the model fails. */
  async rewrite(question: string, lang: Lang): Promise<Map<Lang, string>> {
    const targets = this.languages.filter((l) => l !== lang);
    if (targets.length === 0) return new Map();
    const key = `${lang}\u0000${question}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Touch: the most recently used entry moves to the end of the map's order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let reply: string;
    try {
      const prompt = renderPrompt(this.prompt, {
        lang: LANGUAGE_LABELS[lang],
        question: defuse(question),
        languages: targets.map((l) => `${l} (${LANGUAGE_LABELS[l]})`).join(", "),
      });
      reply = await this.model.complete(prompt.system, prompt.user);
    } catch (error) {
      this.log(
        `llm: query rewrite failed, searching with the question as asked (${(error as Error).message})`,
      );
      return new Map();
    }
    const out = parseRewrites(reply, targets, question);
    this.cache.set(key, out);
    if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value ?? "");
    return out;
  }
}

/** "fr: …" lines for the wanted languages; anything else (and overlong lines) is ignored. */
export function parseRewrites(reply: string, wanted: Lang[], question: string): Map<Lang, string> {
  const out = new Map<Lang, string>();
  for (const line of reply.split(/\r?\n/)) {
    const m = line.trim().match(/^[-*\s]*([a-z]{2})\s*[:：]\s*(.+)$/i);
    const lang = m?.[1]?.toLowerCase() as Lang | undefined;
    const text = m?.[2]?.trim();
    if (!lang || !text || !wanted.includes(lang) || out.has(lang)) continue;
    // A rewrite much shorter or longer than the question is not a translation of it.
    if (text.length > Math.max(300, question.length * 4) || words(text) * 3 < words(question)) continue;
    out.set(lang, text);
  }
  return out;
}

/** Words of a text; Japanese, written without spaces, counts a word per two characters. */
function words(text: string): number {
  const spaced = text.split(/\s+/).filter(Boolean).length;
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return spaced + Math.floor(cjk / 2);
}

/**
 * The retriever with a rewriter: a search that is not confident is tried again with the question
 * in each other corpus language, and the first confident result is used.
 */
export class RewritingRetriever extends Retriever {
  constructor(
    private readonly rewriter: QueryRewriter,
    index: CorpusIndex,
    concepts: ConceptFinder,
    tuning: RetrievalTuning,
    useVectors: boolean,
  ) {
    super(index, concepts, tuning, useVectors);
  }

  override async search(q: SearchQuery, k = 5): Promise<RetrievalResult> {
    const first = await super.search(q, k);
    if (first.confident) return first;
    for (const [lang, text] of await this.rewriter.rewrite(q.text, q.lang)) {
      const again = await super.search({ ...q, text, lang }, k);
      if (again.confident) return again;
    }
    return first;
  }
}

/** The languages a corpus is written in. */
export function corpusLanguages(index: CorpusIndex): Lang[] {
  const present = new Set(index.documents.flatMap((d) => d.versions.map((v) => v.lang)));
  return LANGS.filter((l) => present.has(l));
}
