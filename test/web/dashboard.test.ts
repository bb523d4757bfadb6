import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardRoutes } from "../../src/web/dashboard/index.js";
import { dashboardScene, HTML_NAME, TRICKY_NAME } from "./dashboard-scene.js";
import { dashboardApp, login, TOKEN } from "./dashboard-server.js";

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** The scene behind a dashboard app; `token` null turns the dashboard off. */
async function scene(token: string | null = TOKEN) {
  const { store, clock } = dashboardScene();
  const app = await dashboardApp(store, clock.now, token ?? undefined);
  apps.push(app);
  return { app, store, clock };
}
const bearer = { authorization: `Bearer ${TOKEN}` };

describe("dashboard access", () => {
  it("is off without WEB_ADMIN_TOKEN: the page says so in Vietnamese, the API and CSV refuse with 403", async () => {
    const { app } = await scene(null);
    const page = await app.inject({ url: "/dashboard" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('lang="vi"');
    expect(page.body).toContain("Bảng theo dõi báo cáo đang tắt");
    expect(page.body).toContain("WEB_ADMIN_TOKEN");
    expect(page.body).not.toContain("Sở Tài chính");
    for (const url of ["/dashboard/api/board", "/dashboard/api/calendar", "/dashboard/export.csv"]) {
      const res = await app.inject({ url, headers: bearer });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({
        error: "dashboard-off",
        message: expect.stringContaining("WEB_ADMIN_TOKEN"),
      });
    }
    const en = await app.inject({ url: "/dashboard/?lang=en" });
    expect(en.body).toContain("The reporting dashboard is off");
  });

  it("asks for the token, refuses a wrong one with 401, and lets the right one in by cookie or bearer", async () => {
    const { app } = await scene();
    const first = await app.inject({ url: "/dashboard/" });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<form method="post" action="/dashboard/login');
    expect(first.body).not.toContain('id="boards"');

    const wrong = await app.inject({
      method: "POST",
      url: "/dashboard/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "token=guess",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("Mã quản trị không đúng");
    expect(wrong.headers["set-cookie"]).toBeUndefined();

    const anonymous = await app.inject({ url: "/dashboard/api/board" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toContain("Authorization: Bearer");
    const badBearer = await app.inject({
      url: "/dashboard/api/board",
      headers: { authorization: "Bearer nope" },
    });
    expect(badBearer.statusCode).toBe(401);
    expect(badBearer.json().message).toContain("Mã quản trị không đúng");
    const forged = await app.inject({
      url: "/dashboard/export.csv",
      headers: { cookie: "cadre_dashboard=forged" },
    });
    expect(forged.statusCode).toBe(401);

    const ok = await app.inject({
      method: "POST",
      url: "/dashboard/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `token=${encodeURIComponent(TOKEN)}`,
    });
    expect(ok.statusCode).toBe(303);
    const setCookie = String(ok.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/dashboard/);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = await login(app);
    const page = await app.inject({ url: "/dashboard/", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="boards"');
    expect((await app.inject({ url: "/dashboard/api/board", headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: "/dashboard/api/board", headers: bearer })).statusCode).toBe(200);
    expect((await app.inject({ url: "/dashboard/export.csv", headers: bearer })).statusCode).toBe(200);
  });

  it("logs in on a server that already parses url-encoded forms itself", async () => {
    const { store, clock } = dashboardScene();
    const app = Fastify();
    apps.push(app);
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    await app.register(dashboardRoutes({ store, now: clock.now, token: TOKEN }), { prefix: "/dashboard" });
    const cookie = await login(app);
    expect((await app.inject({ url: "/dashboard/api/board", headers: { cookie } })).statusCode).toBe(200);
  });
});

describe("dashboard data", () => {
  it("lists the unit with an overdue missing report first, labelled missing, and the on-time one as on time", async () => {
    const { app } = await scene();
    const body = (await app.inject({ url: "/dashboard/api/board", headers: bearer })).json();
    expect(body.deadlines.map((d: { id: string }) => d.id)).toEqual(["bc-thang", "bc-le"]);
    const monthly = body.deadlines[0];
    expect(monthly.units[0]).toMatchObject({ id: "so-tai-chinh", worst: "missing", daysOverdue: 5 });
    const march = monthly.columns.findIndex((c: { occurrence: string }) => c.occurrence === "2025-03-20");
    const cell = (id: string) => monthly.units.find((u: { id: string }) => u.id === id).cells[march];
    expect(cell("so-tai-chinh")).toMatchObject({ state: "missing", daysOverdue: 5 });
    expect(cell("so-noi-vu")).toMatchObject({ state: "on-time", reportedAt: "2025-03-19T03:00:00.000Z" });
    expect(cell("huyen-le-thuy")).toMatchObject({ state: "late" });
    const april = monthly.units.find((u: { id: string }) => u.id === "ban-tuyen-giao").cells[0];
    expect(april).toMatchObject({
      occurrence: "2025-04-20",
      state: "extension-requested",
      extensionReason: "chờ số liệu",
    });
    expect(monthly.units.find((u: { id: string }) => u.id === "ban-tuyen-giao").name).toBe(HTML_NAME);
  });

  it("gives a unit's history and 90 days of due dates with holidays", async () => {
    const { app } = await scene();
    const history = (await app.inject({ url: "/dashboard/api/units/so-tai-chinh", headers: bearer })).json();
    expect(history.unit).toEqual({ id: "so-tai-chinh", name: "Sở Tài chính" });
    expect(history.rows.map((r: { state: string }) => r.state)).toContain("extended");
    const cal = (await app.inject({ url: "/dashboard/api/calendar", headers: bearer })).json();
    expect(cal.days).toHaveLength(90);
    expect(cal.days.find((d: { date: string }) => d.date === "2025-04-30").holiday.code).toBe(
      "reunification",
    );
    expect(cal.days.find((d: { date: string }) => d.date === "2025-04-29").due[0].deadlineId).toBe("bc-le");
  });

  it("answers 404 for unknown deadline and unit ids and 400 for bad query values, saying what to type", async () => {
    const { app } = await scene();
    const noDeadline = await app.inject({ url: "/dashboard/api/board?deadline=khong-co", headers: bearer });
    expect(noDeadline.statusCode).toBe(404);
    expect(noDeadline.json()).toEqual({
      error: "no-such-deadline",
      message: 'Không có hạn báo cáo mã "khong-co". Xem các mã trong /dashboard/api/board.',
    });
    expect(
      (await app.inject({ url: "/dashboard/export.csv?deadline=khong-co", headers: bearer })).statusCode,
    ).toBe(404);
    const noUnit = await app.inject({ url: "/dashboard/api/units/khong-co?lang=en", headers: bearer });
    expect(noUnit.statusCode).toBe(404);
    expect(noUnit.json().message).toBe(
      'There is no unit with id "khong-co". See the ids in /dashboard/api/board.',
    );
    for (const [query, field] of [
      ["days=0", "days"],
      ["days=abc", "days"],
      ["from=2025-13-01", "from"],
      ["from=2025-05-01&until=2025-04-01", "until"],
      ["lang=xx", "lang"],
      ["deadline=BAD%20ID", "deadline"],
    ]) {
      const url = `/dashboard/api/${field === "days" ? "calendar" : "board"}?${query}`;
      const res = await app.inject({ url, headers: bearer });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toContain(`"${field}"`);
    }
  });

  it("exports CSV with a BOM, a header, one row per unit × occurrence, and commas and quotes escaped", async () => {
    const { app } = await scene();
    const res = await app.inject({ url: "/dashboard/export.csv?deadline=bc-thang", headers: bearer });
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("attachment");
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      '"Mã hạn","Hạn báo cáo","Văn bản","Nhiệm vụ","Kỳ","Hạn nộp","Mã đơn vị","Đơn vị","Tình trạng","Số ngày quá hạn","Thời điểm nộp","Thời điểm xin gia hạn","Lý do gia hạn"',
    );
    // 4 units × 2 occurrences (March, April) of bc-thang.
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toMatch(
      /^"bc-thang",.*,"2025-03-20","2025-03-20","so-tai-chinh","Sở Tài chính","Quá hạn, chưa nộp","5",/,
    );
    const tricky = lines.filter((l) => l.includes('"huyen-le-thuy"'));
    expect(tricky).toHaveLength(2);
    expect(tricky[0]).toContain(`"${TRICKY_NAME.replace(/"/g, '""')}"`);
    expect(tricky[0]).toContain('"Huyện ủy ""Lệ Thủy"", Quảng Bình"');
    const all = await app.inject({ url: "/dashboard/export.csv?lang=en", headers: bearer });
    // bc-thang 4 × 2 plus bc-le 2 × 1, header in English.
    expect(all.body.trimEnd().split("\r\n")).toHaveLength(1 + 10);
    expect(all.body).toContain('"Deadline id","Deadline"');
    expect(all.body).toContain('"Overdue, missing"');
  });

  it("never puts names into the HTML: the page carries phrases only and a strict script policy", async () => {
    const { app } = await scene();
    const cookie = await login(app);
    const page = await app.inject({ url: "/dashboard/?lang=fr", headers: { cookie } });
    expect(page.body).toContain('lang="fr"');
    expect(page.body).toContain("Tableau de suivi des rapports");
    expect(page.body).not.toContain("<img");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const byBrowser = await app.inject({
      url: "/dashboard/",
      headers: { cookie, "accept-language": "ja,en;q=0.8" },
    });
    expect(byBrowser.body).toContain('lang="ja"');
    const js = await app.inject({ url: "/dashboard/app.js" });
    expect(js.statusCode).toBe(200);
    expect(js.body).toContain("textContent");
    expect(js.body).not.toContain("innerHTML");
  });
});
