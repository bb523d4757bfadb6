/**
 * The committee's reporting dashboard: a Fastify plugin the web server registers under
 * `/dashboard`. Routes (relative): `/` (the page: off, login form or dashboard), `POST /login`,
 * `POST /logout`, `/app.js` and `/style.css`, `/api/board`, `/api/units/:id`, `/api/calendar`,
 * `/export.csv`. Off without a token; with one, every data route needs it (cookie or bearer).
 */
import { readFile } from "node:fs/promises";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { t } from "../../i18n/index.js";
import type { HolidayOptions } from "../../reminders/calendar/index.js";
import { boardRows, boardWindow, deadlineBoard, dueCalendar, unitHistory } from "../../reminders/index.js";
import type { Store } from "../../store/index.js";
import type { Lang } from "../../text/index.js";
import { accessOf, clearCookie, sessionCookie } from "./auth.js";
import { statusCsv } from "./csv.js";
import { appPage, loginPage, offPage } from "./pages.js";
import { EXAMPLES, parseQuery, type Query, requestLang } from "./query.js";

/** What the dashboard needs: the reminders store, a clock, and the admin token (undefined = off). */
export interface DashboardOptions {
  store: Store;
  now: () => Date;
  token: string | undefined;
  /** The deployment's decreed days off and swapped working days, as the reminder dispatcher has them. */
  holidays?: HolidayOptions;
}

const PUBLIC = new URL("./public/", import.meta.url);
const ASSETS: Record<string, string> = {
  "app.js": "text/javascript; charset=utf-8",
  "style.css": "text/css; charset=utf-8",
};

// Pages load only their own script and style; nothing may frame them.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header("content-security-policy", CSP)
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer")
    .header("cache-control", "no-store");
}

/** The dashboard's routes, relative to the prefix the server registers them under. */
export function dashboardRoutes(opts: DashboardOptions): FastifyPluginAsync {
  const { store, now, token } = opts;
  const holidays = opts.holidays ?? {};
  return async (app) => {
    const base = app.prefix;
    const cookiePath = base || "/";
    // The login form posts url-encoded; parse it here unless the server already does (e.g. @fastify/formbody).
    if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) {
      app.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string" },
        (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    }
    const langOf = (req: FastifyRequest): Lang => requestLang(req.query, req.headers["accept-language"]);
    const fail = (reply: FastifyReply, code: number, error: string, message: string) =>
      secure(reply).code(code).send({ error, message });

    /** Checks access for a data route; sends the refusal and returns false when there is none. */
    function allowed(req: FastifyRequest, reply: FastifyReply): boolean {
      const lang = langOf(req);
      if (!token) {
        fail(reply, 403, "dashboard-off", t(lang, "dashboard.off"));
        return false;
      }
      const access = accessOf(req.headers, token);
      if (access === "ok") return true;
      reply.header("www-authenticate", 'Bearer realm="cadre-dashboard"');
      const key = access === "wrong" ? "dashboard.wrongToken" : "dashboard.needToken";
      fail(reply, 401, "unauthorized", t(lang, key));
      return false;
    }

    /** The parsed query, or null after a 400 naming the bad field and a valid example. */
    function queryOf(req: FastifyRequest, reply: FastifyReply): Query | null {
      const parsed = parseQuery(req.query);
      if (parsed.ok) return parsed.query;
      const message = t(langOf(req), "dashboard.badQuery", {
        field: parsed.field,
        example: EXAMPLES[parsed.field],
      });
      fail(reply, 400, "bad-query", message);
      return null;
    }

    /** False after a 404 when the query names a deadline the store does not have. */
    function deadlineKnown(req: FastifyRequest, reply: FastifyReply, q: Query): boolean {
      if (!q.deadline || store.deadlines.get(q.deadline)) return true;
      fail(reply, 404, "no-such-deadline", t(langOf(req), "dashboard.noSuchDeadline", { id: q.deadline }));
      return false;
    }

    app.get("/", async (req, reply) => {
      const lang = langOf(req);
      secure(reply).type("text/html; charset=utf-8");
      if (!token) return offPage(lang, base);
      if (accessOf(req.headers, token) !== "ok") return loginPage(lang, base, false);
      return appPage(lang, base);
    });

    app.post("/login", async (req, reply) => {
      const lang = langOf(req);
      secure(reply).type("text/html; charset=utf-8");
      if (!token) return reply.code(403).send(offPage(lang, base));
      const given = (req.body as { token?: unknown } | null)?.token;
      if (typeof given !== "string" || accessOf({ authorization: `Bearer ${given}` }, token) !== "ok") {
        return reply.code(401).send(loginPage(lang, base, true));
      }
      return reply
        .header("set-cookie", sessionCookie(token, cookiePath))
        .redirect(`${base}/?lang=${lang}`, 303);
    });

    app.post("/logout", async (req, reply) =>
      secure(reply)
        .header("set-cookie", clearCookie(cookiePath))
        .redirect(`${base}/?lang=${langOf(req)}`, 303),
    );

    for (const [name, type] of Object.entries(ASSETS)) {
      const file = new URL(name, PUBLIC);
      app.get(`/${name}`, async (_req, reply) =>
        reply
          .type(type)
          .header("cache-control", "no-cache")
          .send(await readFile(file)),
      );
    }

    app.get("/api/board", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      const q = queryOf(req, reply);
      if (!q || !deadlineKnown(req, reply, q)) return reply;
      const at = now();
      const o = { ...holidays, ...q, deadlineId: q.deadline };
      return secure(reply).send({
        now: at.toISOString(),
        ...boardWindow(at, o),
        deadlines: deadlineBoard(store, at, o),
      });
    });

    app.get<{ Params: { id: string } }>("/api/units/:id", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      const q = queryOf(req, reply);
      if (!q) return reply;
      const unit = store.units.get(req.params.id);
      if (!unit)
        return fail(
          reply,
          404,
          "no-such-unit",
          t(langOf(req), "dashboard.noSuchUnit", { id: req.params.id }),
        );
      const rows = unitHistory(store, unit.id, now(), { ...holidays, ...q });
      return secure(reply).send({ unit: { id: unit.id, name: unit.name }, rows });
    });

    app.get("/api/calendar", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      const q = queryOf(req, reply);
      if (!q) return reply;
      return secure(reply).send({ days: dueCalendar(store, now(), q.days ?? 90, holidays) });
    });

    app.get("/export.csv", async (req, reply) => {
      if (!allowed(req, reply)) return reply;
      const q = queryOf(req, reply);
      if (!q || !deadlineKnown(req, reply, q)) return reply;
      const at = now();
      const rows = boardRows(store, at, { ...holidays, ...q, deadlineId: q.deadline });
      const name = `bao-cao-${q.deadline ?? "tat-ca"}-${at.toISOString().slice(0, 10)}.csv`;
      return secure(reply)
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(statusCsv(rows, langOf(req)));
    });
  };
}
