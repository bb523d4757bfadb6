// The web chat page: a room of the bot's group chat. Every text that comes from users or documents
// is put in the page with textContent, never as HTML. No build step: plain browser JavaScript.

const LANGS = ["vi", "en", "fr", "ja"];
const $ = (id) => document.getElementById(id);

/** The page language: the browser's first supported language, Vietnamese otherwise. */
const lang =
  (navigator.languages || [navigator.language])
    .map((l) => String(l).slice(0, 2).toLowerCase())
    .find((l) => LANGS.includes(l)) || "vi";
document.documentElement.lang = lang;

let phrases = {};
const say = (key, vars = {}) =>
  (phrases[key] || key).replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));

/** A random id for this browser, kept across visits (getRandomValues works without HTTPS too). */
function userId() {
  let id = localStorage.getItem("cadre.user");
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("cadre.user", id);
  }
  return id;
}

const me = { user: userId(), name: "", room: "" };
let events = null;

async function loadPhrases() {
  const res = await fetch(`/api/phrases?lang=${lang}`);
  if (!res.ok) return;
  phrases = (await res.json()).phrases;
  document.title = say("title");
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = say(el.dataset.t);
  for (const el of document.querySelectorAll("[data-tp]")) el.placeholder = say(el.dataset.tp);
}

function showStatus(text) {
  const el = $("status");
  el.textContent = text || "";
  el.hidden = !text;
}

/** POSTs JSON to the API; shows the server's error (Vietnamese first) and returns null on failure. */
async function post(path, body) {
  try {
    const res = await fetch(`/api/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, room: me.room, user: me.user, name: me.name, lang }),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      showStatus(data.error || `HTTP ${res.status}`);
      return null;
    }
    showStatus("");
    return data;
  } catch {
    showStatus(say("offline"));
    return null;
  }
}

const el = (tag, cls, text) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
};

function countdown(node, seconds) {
  let left = seconds;
  const show = () => {
    node.textContent = left > 0 ? say("countdown", { s: left }) : say("timeUp");
  };
  show();
  const timer = setInterval(() => {
    left -= 1;
    show();
    if (left <= 0) clearInterval(timer);
  }, 1000);
}

/** One message of the room as a list item. */
function render(m) {
  const key = `${m.epoch}.${m.id}`;
  if (document.querySelector(`[data-id="${key}"]`)) return;
  const li = el("li", `msg ${m.kind}${m.mine ? " mine" : ""}${m.private ? " private" : ""}`);
  li.dataset.id = key;
  const from = el(
    "div",
    "from",
    m.kind === "bot" ? say("bot") : m.mine ? `${m.name} (${say("you")})` : m.name,
  );
  if (m.private) from.append(el("span", "note", say("privateNote")));
  li.append(from, el("p", "text", m.text));
  if (m.lang) li.lang = m.lang;
  for (const s of m.sources || []) li.append(el("p", "source", s));
  if (m.countdown) countdown(li.appendChild(el("p", "countdown")), m.countdown);
  if (m.buttons?.length) {
    const row = el("div", "buttons");
    for (const b of m.buttons) {
      const button = el("button", "", b.label);
      button.type = "button";
      button.dataset.action = b.action;
      button.addEventListener("click", () => post("action", { action: b.action }));
      row.append(button);
    }
    li.append(row);
  }
  const list = $("messages");
  list.append(li);
  li.scrollIntoView({ block: "end" });
}

async function loadUnits() {
  const res = await fetch(`/api/units?room=${encodeURIComponent(me.room)}`);
  if (!res.ok) return;
  const { units } = await res.json();
  const select = $("unit");
  select.replaceChildren(el("option", "", say("unitNone")));
  select.firstChild.value = "";
  for (const u of units) {
    const option = el("option", "", u.name);
    option.value = u.id;
    option.selected = u.linked;
    select.append(option);
  }
}

async function enter(name, room) {
  me.name = name.trim();
  me.room = room.trim().toLowerCase() || "chung";
  const joined = await post("join", {});
  if (!joined) return;
  me.room = joined.room;
  localStorage.setItem("cadre.name", me.name);
  localStorage.setItem("cadre.room", me.room);
  $("who").textContent = me.name;
  $("roomName").textContent = me.room;
  $("join").hidden = true;
  $("chat").hidden = false;
  $("messages").replaceChildren();
  events?.close();
  events = new EventSource(`/api/events?room=${encodeURIComponent(me.room)}&user=${me.user}`);
  events.onmessage = (e) => render(JSON.parse(e.data));
  events.onerror = () => showStatus(say("offline"));
  events.onopen = () => showStatus("");
  document.body.dataset.room = me.room;
  await loadUnits();
  $("text").focus();
}

$("join").addEventListener("submit", (e) => {
  e.preventDefault();
  enter($("name").value, $("room").value);
});

$("composer").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("text");
  const text = input.value;
  if (!text.trim()) return;
  if (await post("message", { text })) input.value = "";
});

$("unitForm").addEventListener("submit", async (e) => {
  e.preventDefault();
  const unit = $("unit").value;
  if (unit && (await post("unit", { unit }))) await loadUnits();
});

$("change").addEventListener("click", () => {
  events?.close();
  events = null;
  $("chat").hidden = true;
  $("join").hidden = false;
});

// Prefill before the first await, so nothing typed meanwhile is overwritten.
const params = new URLSearchParams(location.search);
const savedName = localStorage.getItem("cadre.name") || "";
$("name").value ||= savedName;
$("room").value = params.get("room") || localStorage.getItem("cadre.room") || $("room").value || "chung";
await loadPhrases();
if (savedName && $("join").hidden === false && !me.name) await enter(savedName, $("room").value);
