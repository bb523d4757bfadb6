import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, openApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/index.js";
import { ManualQuizClock } from "../../src/quiz/index.js";
import { startWeb, type Web } from "../../src/web/server.js";
import { describeBrowser, launchBrowser } from "../support/browser.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeClock } from "../support/reminders.js";
import { TOKEN } from "./dashboard-server.js";
import { configFolder, DEADLINES, UNITS } from "./scene.js";

// The whole path in a real Chromium: the real web server (chat + dashboard) over a real app; a unit's
// secretary presses "Đã báo cáo" under the reminder in the web chat, the committee's dashboard shows it.

let app: App;
let web: Web;
let browser: Browser;
const clock = new FakeClock("2025-03-20T01:05:00Z"); // Thu 20/3/2025 08:05 in Hà Nội: the due day

describeBrowser("the dashboard and the web chat together", () => {
  beforeAll(async () => {
    const configDir = await configFolder({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES });
    const dataDir = await mkdtemp(path.join(tmpdir(), "cadre-dashboard-data-"));
    const engine = await engineFor(SEED_CORPUS);
    const config = parseConfig({}, { corpus: SEED_CORPUS, data: dataDir });
    const log = () => {};
    const quizClock = new ManualQuizClock(clock.now().getTime());
    app = openApp(config, engine, {
      now: clock.now,
      quizClock,
      configDir,
      log,
      dispatcher: { digest: false },
    });
    web = await startWeb({ app, engine, port: 0, log, now: clock.now, adminToken: TOKEN });
    app.outboxes.set("web", web.outbox);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
  });

  it("shows Sở Nội vụ not yet reported on its due day, then on time after 'Đã báo cáo' in the web chat", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const dashboard = await context.newPage();
    await dashboard.goto(`${web.url}/dashboard`);
    await dashboard.fill("#token", TOKEN);
    await Promise.all([
      dashboard.waitForURL(/\/dashboard\/\?lang=vi/),
      dashboard.click("button[type=submit]"),
    ]);
    await dashboard.waitForSelector("body[data-state=ready]");
    const cell = '[data-deadline="bc-thang"] tr[data-unit="so-noi-vu"] td[data-occurrence="2025-03-20"]';
    const march = dashboard.locator(cell);
    await expect(march.innerText()).resolves.toMatch(/Chưa đến hạn/);

    const chat = await context.newPage();
    await chat.goto(web.url);
    await chat.fill("#name", "Hoa");
    await chat.fill("#room", "snv");
    await chat.click("#enter");
    await chat.locator("#chat").waitFor();
    await chat.selectOption("#unit", "so-noi-vu");
    await chat.click("#unitPick");
    await chat.locator("li.msg.bot", { hasText: "Hoa đã chọn đơn vị Sở Nội vụ" }).waitFor();
    await app.dispatcher.tick();
    const reminder = chat
      .locator("li.msg.bot", { hasText: "Báo cáo công tác dân vận tháng" })
      .filter({ has: chat.locator("button") });
    await reminder.locator("button", { hasText: "Đã báo cáo" }).click();
    await chat.locator("li.msg.private", { hasText: "Đã ghi nhận" }).waitFor();

    await dashboard.click("#refresh");
    await dashboard.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes("Đúng hạn"),
      cell,
    );
    await expect(march.innerText()).resolves.toMatch(/Đúng hạn\s*nộp 20\/03\/2025/);
    await expect(dashboard.locator("#summary").innerText()).resolves.toContain("Không có đơn vị nào quá hạn");
    await context.close();
  });
});
