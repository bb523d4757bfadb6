// The dashboard in the browser: fetches the board and the calendar from the JSON API and draws them.
// Every name and title is set as text (textContent / append of strings), never parsed as HTML.
const base = document.body.dataset.base ?? "";
const lang = document.documentElement.lang || "vi";
const L = JSON.parse(document.getElementById("labels")?.textContent ?? "{}");
const ZONE = "Asia/Ho_Chi_Minh";
const ICONS = {
  missing: "✗",
  late: "!",
  "extension-requested": "◔",
  extended: "↻",
  pending: "○",
  "on-time": "✓",
};
const ORDER = ["missing", "late", "extension-requested", "pending", "extended", "on-time"];
const $ = (id) => document.getElementById(id);

/** A phrase with its {placeholders} filled. */
function tr(key, vars = {}) {
  return (L[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** An element; strings among the children become text nodes. */
function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) e.append(kid);
  return e;
}

const day = (iso) => {
  const [y, m, d] = iso.split("-");
  return lang === "ja" ? `${y}/${m}/${d}` : `${d}/${m}/${y}`;
};
const localDay = (instant) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(instant));
const localTime = (instant) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(
    new Date(instant),
  );
const weekdayIndex = (iso) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
const worstOf = (counts) => ORDER.find((s) => counts[s] > 0) ?? "pending";

async function getJson(path) {
  const sep = path.includes("?") ? "&" : "?";
  const res = await fetch(`${base}${path}${sep}lang=${lang}`, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) window.location.reload(); // the session ended: show the login form
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  return body;
}

/** A status: icon, word and detail, so it never depends on colour alone. */
function badge(state, detail) {
  return el(
    "span",
    { class: `st st-${state}` },
    el("span", { class: "icon", "aria-hidden": "true", text: ICONS[state] }),
    el("span", { class: "label", text: tr(`state.${state}`) }),
    detail ? el("span", { class: "detail", text: detail }) : null,
  );
}

function detailOf(row) {
  if (row.state === "missing") return tr("overdueDays", { days: row.daysOverdue });
  if (row.reportedAt) return tr("reportedOn", { date: day(localDay(row.reportedAt)) });
  if (row.state === "extended") return tr("extendedTo", { date: day(row.due) });
  if (row.extensionReason) return tr("reason", { reason: row.extensionReason });
  return null;
}

function summary(board) {
  // Who is late, one line per unit (most days overdue first), naming each report it owes.
  const late = new Map();
  for (const d of board.deadlines) {
    for (const u of d.units.filter((x) => x.worst === "missing")) {
      const entry = late.get(u.id) ?? { name: u.name, days: 0, owes: [] };
      entry.days = Math.max(entry.days, u.daysOverdue);
      entry.owes.push(`${d.title} (${tr("overdueDays", { days: u.daysOverdue })})`);
      late.set(u.id, entry);
    }
  }
  const units = [...late.values()].sort((a, b) => b.days - a.days || a.name.localeCompare(b.name, "vi"));
  const totals = Object.fromEntries(ORDER.map((s) => [s, 0]));
  for (const d of board.deadlines) for (const s of ORDER) totals[s] += d.counts[s];
  const alert =
    units.length > 0
      ? el(
          "div",
          { class: "alert", role: "alert" },
          el("p", { text: tr("lateUnits", { n: units.length }) }),
          el(
            "ul",
            {},
            units.map((u) =>
              el(
                "li",
                {},
                el("strong", { text: u.name }),
                el("span", { class: "owes", text: u.owes.join(" · ") }),
              ),
            ),
          ),
        )
      : el("p", { class: "all-good", text: tr("noLateUnits") });
  return [
    alert,
    el(
      "ul",
      { class: "legend", "aria-label": tr("legend") },
      ORDER.map((s) => el("li", {}, badge(s, String(totals[s])))),
    ),
    el("p", { class: "hint", text: tr("historyHint") }),
  ];
}

function deadlineSection(d) {
  const src = d.docNumber
    ? d.task !== null
      ? tr("sourceTask", { doc: d.docNumber, task: d.task })
      : tr("source", { doc: d.docNumber })
    : null;
  const head = el(
    "tr",
    {},
    el("th", { class: "unit", scope: "col", text: tr("unit") }),
    d.columns.map((c) =>
      el(
        "th",
        { scope: "col" },
        el("span", { class: "occ", text: `${tr("occurrence")} ${day(c.occurrence)}` }),
        el("span", { class: "due", text: tr("due", { date: day(c.due) }) }),
      ),
    ),
  );
  const rows = d.units.map((u) =>
    el(
      "tr",
      { class: `worst-${u.worst}`, "data-unit": u.id },
      el(
        "th",
        { class: "unit", scope: "row" },
        el("button", { type: "button", class: "unit-link", onclick: () => showHistory(u.id) }, u.name),
      ),
      u.cells.map((c, i) =>
        el("td", { "data-occurrence": d.columns[i].occurrence }, c ? badge(c.state, detailOf(c)) : "—"),
      ),
    ),
  );
  return el(
    "section",
    { class: "deadline", "data-deadline": d.id },
    el("h2", { text: d.title }),
    src ? el("p", { class: "src", text: src }) : null,
    el(
      "div",
      { class: "grid-wrap" },
      el("table", { class: "grid" }, el("thead", {}, head), el("tbody", {}, rows)),
    ),
  );
}

async function showHistory(unitId) {
  const dialog = $("history");
  $("history-title").textContent = "…";
  $("history-body").replaceChildren();
  dialog.dataset.state = "loading";
  dialog.setAttribute("aria-busy", "true");
  dialog.showModal();
  try {
    const data = await getJson(`/api/units/${encodeURIComponent(unitId)}`);
    $("history-title").textContent = tr("historyTitle", { unit: data.unit.name });
    if (data.rows.length === 0)
      return $("history-body").replaceChildren(el("p", { text: tr("historyEmpty") }));
    const head = el(
      "tr",
      {},
      ["deadline", "occurrence"].map((k) => el("th", { text: tr(k) })),
      el("th", {}),
    );
    const rows = data.rows.map((r) =>
      el(
        "tr",
        {},
        el("td", { text: r.title }),
        el("td", { text: `${day(r.occurrence)} · ${tr("due", { date: day(r.due) })}` }),
        el("td", {}, badge(r.state, detailOf(r))),
      ),
    );
    $("history-body").replaceChildren(
      el("table", { class: "history" }, el("thead", {}, head), el("tbody", {}, rows)),
    );
  } catch (e) {
    $("history-body").replaceChildren(
      el("p", { class: "error", text: tr("loadError", { error: e.message }) }),
    );
  } finally {
    dialog.dataset.state = "ready";
    dialog.removeAttribute("aria-busy");
  }
}

function calendarSection(days) {
  const names = tr("weekdays").split(",");
  const months = new Map();
  for (const d of days) months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
  const grids = [...months].map(([ym, list]) =>
    el(
      "div",
      { class: "month" },
      el("h3", { text: lang === "ja" ? ym.replace("-", "/") : `${ym.slice(5)}/${ym.slice(0, 4)}` }),
      el(
        "div",
        { class: "days" },
        names.map((n) => el("span", { class: "wd", text: n })),
        Array.from({ length: weekdayIndex(list[0].date) }, () => el("span", { class: "blank" })),
        list.map((d) => {
          const holiday = d.holiday ? tr(`holiday.${d.holiday.code}`) : null;
          const cls = ["day", d.weekend && "weekend", holiday && "holiday", d.due.length > 0 && "has-due"];
          return el(
            "div",
            { class: cls.filter(Boolean).join(" "), title: holiday ?? d.due.map((x) => x.title).join("\n") },
            el("span", { class: "num", text: String(Number(d.date.slice(8))) }),
            holiday ? el("span", { class: "hol", text: holiday }) : null,
            d.due.map((x) =>
              el("span", {
                class: `chip st-${worstOf(x.counts)}`,
                text: `${ICONS[worstOf(x.counts)]} ${x.units}`,
              }),
            ),
          );
        }),
      ),
    ),
  );
  const dueDays = days.filter((d) => d.due.length > 0);
  const agenda = dueDays.flatMap((d) =>
    d.due.map((x) =>
      el(
        "li",
        {},
        el("strong", { text: `${day(d.date)} (${names[weekdayIndex(d.date)]})` }),
        ` ${x.title} — ${tr("unitsDue", { n: x.units })} `,
        ORDER.filter((s) => x.counts[s] > 0).map((s) => badge(s, String(x.counts[s]))),
      ),
    ),
  );
  return [
    el("h2", { text: tr("calendarTitle") }),
    el("p", { class: "hint", text: tr("calendarHint") }),
    agenda.length > 0 ? el("ol", { class: "agenda" }, agenda) : el("p", { text: tr("calendarEmpty") }),
    el("div", { class: "months" }, grids),
  ];
}

async function load() {
  document.body.dataset.state = "loading";
  try {
    const [board, calendar] = await Promise.all([getJson("/api/board"), getJson("/api/calendar?days=90")]);
    $("today").textContent =
      `${tr("today", { date: day(localDay(board.now)) })} · ${tr("updated", { time: localTime(board.now) })}`;
    $("summary").replaceChildren(...summary(board));
    $("boards").replaceChildren(
      ...(board.deadlines.length > 0
        ? board.deadlines.map(deadlineSection)
        : [el("p", { text: tr("empty") })]),
    );
    $("calendar").replaceChildren(...calendarSection(calendar.days));
    document.body.dataset.state = "ready";
  } catch (e) {
    $("summary").replaceChildren(
      el("p", { class: "error", role: "alert", text: tr("loadError", { error: e.message }) }),
    );
    document.body.dataset.state = "error";
  }
}

$("refresh")?.addEventListener("click", load);
$("history-close")?.addEventListener("click", () => $("history").close());
load();
