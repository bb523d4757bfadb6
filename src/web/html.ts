import { t } from "../i18n/index.js";
import { isLang, type Lang } from "../text/index.js";

/**
 * Server-rendered pages (the documents list): every piece of document or user text goes through
 * `esc`, so text containing `<script>` is shown as text, never run. Pages load no script at all.
 */

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The first supported language of an Accept-Language header; Vietnamese otherwise. */
export function langFrom(header: string | undefined): Lang {
  for (const part of (header ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return "vi";
}

/** Headers for every page of ours: no inline script may run, nothing is sniffed. */
export const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const;

/** A whole page: the header with the chat, documents and dashboard links, then `body` (already HTML). */
export function page(lang: Lang, title: string, body: string): string {
  const nav = [
    ["/", t(lang, "web.page.chat")],
    ["/documents", t(lang, "web.page.documents")],
    ["/dashboard", t(lang, "web.page.dashboard")],
  ]
    .map(([href, label]) => `<a href="${href}">${esc(label ?? "")}</a>`)
    .join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — cadre-bot</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header class="top"><strong>cadre-bot</strong><nav>${nav}</nav></header>
<main class="doc">
${body}
</main>
</body>
</html>
`;
}
