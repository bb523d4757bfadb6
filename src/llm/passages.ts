import type { Answer, Citation } from "../answer/index.js";
import { trimQuote } from "../answer/index.js";
import type { Hit, RetrievalResult } from "../search/index.js";

/**
 * The passages a model answers from: the extractive answer's own citations first (a task or
 * article resolved exactly), then the retriever's other confident hits. Each is the citation the
 * user will see, so what the model reads is exactly what is quoted under its answer.
 */

/** Most passages given to the model. */
export const MAX_PASSAGES = 4;

/** Longest passage text given to the model (and quoted), in characters. */
export const MAX_PASSAGE_CHARS = 1200;

/** The numbered passages ([1] is the first) for a found extractive answer. */
export function passagesFor(answer: Answer, result: RetrievalResult | null): Citation[] {
  const out: Citation[] = [...answer.citations];
  for (const hit of result?.hits ?? []) {
    if (out.length >= MAX_PASSAGES) break;
    if (!hit.accepted) continue;
    const c = hitCitation(hit);
    // The same task or article in another language version tells the model nothing new.
    const same = (o: Citation) =>
      (o.file === c.file && (o.quote.includes(c.quote) || c.quote.includes(o.quote))) ||
      (o.docId === c.docId && o.section !== "" && o.section === c.section);
    if (!out.some(same)) out.push(c);
  }
  return out.slice(0, MAX_PASSAGES);
}

function hitCitation(hit: Hit): Citation {
  const { doc, version, passage } = hit.entry;
  return {
    docId: doc.id,
    docNumber: doc.number,
    title: doc.title,
    date: doc.date,
    task: passage.task,
    section: passage.section,
    lang: version.lang,
    file: version.file,
    quote: trimQuote(passage.text, MAX_PASSAGE_CHARS).quote,
  };
}

/**
 * The passages as the prompt shows them: numbered and delimited, each with its document number,
 * task (or section), date and language. Delimiter look-alikes inside the text are defused, so a
 * document cannot close its passage and speak outside it.
 */
export function formatPassages(passages: Citation[]): string {
  return passages
    .map((c, i) => {
      const attrs = [
        `n="${i + 1}"`,
        `doc="${attr(c.docNumber ?? c.title)}"`,
        c.task !== null ? `task="${c.task}"` : c.section ? `section="${attr(c.section)}"` : null,
        c.date ? `date="${c.date}"` : null,
        `lang="${c.lang}"`,
      ].filter(Boolean);
      return `<passage ${attrs.join(" ")}>\n[${i + 1}] ${defuse(c.quote)}\n</passage>`;
    })
    .join("\n");
}

/** Data inserted in a prompt: tags that look like the prompt's own delimiters lose their brackets. */
export function defuse(text: string): string {
  return text.replace(/<\s*\/?\s*(passages?|question)\b[^>]*>/gi, (m) => m.replace(/[<>]/g, ""));
}

const attr = (text: string) => defuse(text).replace(/["<>]/g, "'");
