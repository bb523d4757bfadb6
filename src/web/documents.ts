import type { FastifyPluginAsync } from "fastify";
import type { Document } from "../corpus/index.js";
import { t } from "../i18n/index.js";
import type { CorpusIndex } from "../search/index.js";
import { formatDate, type Lang } from "../text/index.js";
import { esc, langFrom, PAGE_HEADERS, page } from "./html.js";

/**
 * The documents pages: `/documents` lists the indexed documents (number, date, issuer, language
 * versions, task list) and what the index could not read with the reason; `/document?id=…` shows a
 * document's tasks, each under an anchor (`#v0-task-4`) holding the task's exact text.
 */

const link = (doc: Document, anchor = "") => `/document?id=${encodeURIComponent(doc.id)}${anchor}`;

/** A task's text cut to its first line, for the list (the full text is on the document page). */
function firstLine(text: string, max = 140): string {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function meta(doc: Document, lang: Lang): string {
  const rows: [string, string | null][] = [
    [t(lang, "web.docs.date"), doc.date ? formatDate(doc.date, lang) : null],
    [t(lang, "web.docs.issuer"), doc.issuer],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null)
    .map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`)
    .join("");
}

function listItem(doc: Document, lang: Lang): string {
  const versions = doc.versions
    .map((v, i) => `<li><a href="${esc(link(doc, `#v${i}`))}">${esc(v.lang)} — ${esc(v.file)}</a></li>`)
    .join("");
  const first = doc.versions[0];
  const tasks = (first?.tasks ?? [])
    .map(
      (task) =>
        `<li><a href="${esc(link(doc, `#v0-task-${task.n}`))}">${esc(t(lang, "web.docs.task", { n: task.n }))}</a> ${esc(firstLine(task.text))}</li>`,
    )
    .join("");
  return `<article class="card">
<h2><a href="${esc(link(doc))}">${esc(doc.number ?? doc.id)}</a></h2>
<p class="title">${esc(doc.title)}</p>
<dl>${meta(doc, lang)}</dl>
<h3>${esc(t(lang, "web.docs.versions"))}</h3><ul>${versions}</ul>
<h3>${esc(t(lang, "web.docs.tasks", { n: first?.tasks.length ?? 0 }))}</h3>${tasks ? `<ol class="tasks">${tasks}</ol>` : `<p>${esc(t(lang, "web.docs.noTasks"))}</p>`}
</article>`;
}

/** The list page's HTML. */
export function documentsPage(index: CorpusIndex, lang: Lang): string {
  const docs = index.documents.map((d) => listItem(d, lang)).join("\n");
  const errors = index.errors
    .map(
      (e) =>
        `<li><code>${esc(e.file)}</code> — <span class="reason">${esc(e.message)}</span> (${esc(e.code)})</li>`,
    )
    .join("");
  const title = t(lang, "web.docs.title", { n: index.documents.length });
  const body = `<h1>${esc(title)}</h1>
${docs || `<p>${esc(t(lang, "web.docs.empty"))}</p>`}
<section id="errors"><h2>${esc(t(lang, "web.docs.errors", { n: index.errors.length }))}</h2>
${errors ? `<ul class="errors">${errors}</ul>` : `<p>${esc(t(lang, "web.docs.noErrors"))}</p>`}
</section>`;
  return page(lang, title, body);
}

/** One document's page: each language version with its tasks, each task under its own anchor. */
export function documentPage(doc: Document, lang: Lang): string {
  const versions = doc.versions
    .map((v, i) => {
      const tasks = v.tasks
        .map(
          (task) => `<section class="task" id="v${i}-task-${task.n}">
<h3>${esc(t(lang, "web.docs.task", { n: task.n }))} <small>(${esc(task.label)})</small></h3>
${task.assignee ? `<p class="assignee">${esc(t(lang, "web.docs.assignee"))}: ${esc(task.assignee)}</p>` : ""}
<pre class="text">${esc(task.text)}</pre>
</section>`,
        )
        .join("\n");
      return `<section class="version" id="v${i}" lang="${esc(v.lang)}">
<h2>${esc(v.lang)} — ${esc(v.file)}</h2>
<p class="title">${esc(v.title)}</p>
${tasks || `<p>${esc(t(lang, "web.docs.noTasks"))}</p>`}
</section>`;
    })
    .join("\n");
  const body = `<p><a href="/documents">← ${esc(t(lang, "web.page.documents"))}</a></p>
<h1>${esc(doc.number ?? doc.id)}</h1>
<p class="title">${esc(doc.title)}</p>
<dl>${meta(doc, lang)}</dl>
${versions}`;
  return page(lang, doc.number ?? doc.title, body);
}

/** The documents routes, reading the index at each request. */
export function documentsRoutes(index: () => CorpusIndex): FastifyPluginAsync {
  return async (app) => {
    app.get("/documents", async (req, reply) => {
      const lang = langFrom(req.headers["accept-language"]);
      return reply.headers(PAGE_HEADERS).type("text/html; charset=utf-8").send(documentsPage(index(), lang));
    });
    app.get("/document", async (req, reply) => {
      const lang = langFrom(req.headers["accept-language"]);
      const id = (req.query as { id?: unknown }).id;
      const doc = typeof id === "string" ? index().documents.find((d) => d.id === id) : undefined;
      if (!doc) {
        const html = page(lang, "404", `<h1>${esc(t(lang, "web.docs.notFound"))}</h1>`);
        return reply.code(404).headers(PAGE_HEADERS).type("text/html; charset=utf-8").send(html);
      }
      return reply.headers(PAGE_HEADERS).type("text/html; charset=utf-8").send(documentPage(doc, lang));
    });
  };
}
