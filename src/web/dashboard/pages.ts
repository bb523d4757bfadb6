/**
 * The dashboard's HTML: the "off" page, the login form, and the shell the browser script
 * (`public/app.js`) fills from the JSON API. Only phrases from `locales/` are written here, escaped;
 * names and titles from config or users reach the page as JSON and are set with `textContent`.
 */
import { t } from "../../i18n/index.js";
import { BOARD_STATES } from "../../reminders/index.js";
import { LANGS, type Lang } from "../../text/index.js";

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The phrases the browser script uses, with their {placeholders} left for it to fill.
const CLIENT_KEYS = [
  "title",
  "today",
  "updated",
  "refresh",
  "unit",
  "due",
  "overdueDays",
  "reportedOn",
  "extendedTo",
  "reason",
  "source",
  "sourceTask",
  "legend",
  "summaryTitle",
  "lateUnits",
  "noLateUnits",
  "historyTitle",
  "historyHint",
  "historyEmpty",
  "close",
  "deadline",
  "occurrence",
  "calendarTitle",
  "calendarHint",
  "calendarEmpty",
  "unitsDue",
  "weekdays",
  "empty",
  "loadError",
  ...BOARD_STATES.map((s) => `state.${s}`),
  ...["new-year", "tet", "hung-kings", "reunification", "labour", "national", "extra"].map(
    (h) => `holiday.${h}`,
  ),
];

/** The phrases of `lang` the browser script needs, keyed without the `dashboard.` prefix. */
export function clientLabels(lang: Lang): Record<string, string> {
  return Object.fromEntries(CLIENT_KEYS.map((k) => [k, t(lang, `dashboard.${k}`)]));
}

function page(lang: Lang, base: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(base)}/style.css">
</head>
${body}
</html>
`;
}

function langLinks(lang: Lang, base: string): string {
  const links = LANGS.map((l) =>
    l === lang
      ? `<strong>${l.toUpperCase()}</strong>`
      : `<a href="${escapeHtml(base)}/?lang=${l}" hreflang="${l}">${l.toUpperCase()}</a>`,
  );
  return `<nav class="langs" aria-label="${escapeHtml(t(lang, "dashboard.language"))}">${links.join(" ")}</nav>`;
}

/** The page shown when `WEB_ADMIN_TOKEN` is not set. */
export function offPage(lang: Lang, base: string): string {
  const title = t(lang, "dashboard.offTitle");
  return page(
    lang,
    base,
    title,
    `<body class="narrow">${langLinks(lang, base)}<main><h1>${escapeHtml(title)}</h1>
<p class="notice" role="status">${escapeHtml(t(lang, "dashboard.off"))}</p></main></body>`,
  );
}

/** The login form; `wrong` adds the "wrong token" message. */
export function loginPage(lang: Lang, base: string, wrong: boolean): string {
  const title = t(lang, "dashboard.loginTitle");
  const error = wrong
    ? `<p class="error" role="alert">${escapeHtml(t(lang, "dashboard.wrongToken"))}</p>`
    : "";
  return page(
    lang,
    base,
    title,
    `<body class="narrow">${langLinks(lang, base)}<main><h1>${escapeHtml(title)}</h1>${error}
<form method="post" action="${escapeHtml(base)}/login?lang=${lang}" class="login">
<p>${escapeHtml(t(lang, "dashboard.loginHint"))}</p>
<label for="token">${escapeHtml(t(lang, "dashboard.tokenLabel"))}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">${escapeHtml(t(lang, "dashboard.loginButton"))}</button>
</form></main></body>`,
  );
}

/** The dashboard shell: header, empty regions, the phrases as JSON, and the script. */
export function appPage(lang: Lang, base: string): string {
  const title = t(lang, "dashboard.title");
  // JSON inside <script type="application/json">: only "<" could end the element early.
  const labels = JSON.stringify(clientLabels(lang)).replace(/</g, "\\u003c");
  const b = escapeHtml(base);
  return page(
    lang,
    base,
    title,
    `<body data-base="${b}">
<header class="top"><h1>${escapeHtml(title)}</h1><p id="today"></p>
<div class="actions">
<button type="button" id="refresh">${escapeHtml(t(lang, "dashboard.refresh"))}</button>
<a class="button" id="csv" href="${b}/export.csv?lang=${lang}" download>${escapeHtml(t(lang, "dashboard.exportCsv"))}</a>
<form method="post" action="${b}/logout?lang=${lang}"><button type="submit">${escapeHtml(t(lang, "dashboard.logout"))}</button></form>
${langLinks(lang, base)}</div></header>
<main>
<section id="summary" aria-live="polite"></section>
<section id="boards"></section>
<section id="calendar"></section>
</main>
<dialog id="history"><div class="dialog-head"><h2 id="history-title"></h2>
<button type="button" id="history-close">${escapeHtml(t(lang, "dashboard.close"))}</button></div>
<div id="history-body"></div></dialog>
<script type="application/json" id="labels">${labels}</script>
<script type="module" src="${b}/app.js"></script>
</body>`,
  );
}
