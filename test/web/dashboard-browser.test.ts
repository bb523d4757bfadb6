import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { markReported } from "../../src/reminders/index.js";
import { describeBrowser, launchBrowser } from "../support/browser.js";
import { dashboardScene, HTML_NAME, showcaseScene } from "./dashboard-scene.js";
import { dashboardApp, TOKEN } from "./dashboard-server.js";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Serves a scene on a free loopback port. */
async function serve(scene: ReturnType<typeof dashboardScene> | ReturnType<typeof showcaseScene>) {
  const app = await dashboardApp(scene.store, scene.clock.now, TOKEN);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url: `${address}/dashboard/` };
}

async function logIn(page: Page, url: string) {
  await page.goto(url);
  await page.fill("#token", TOKEN);
  await Promise.all([page.waitForURL(/\/dashboard\/\?lang=/), page.click("button[type=submit]")]);
  await page.waitForSelector("body[data-state=ready]");
}

/** The visible text of a unit's cells in a deadline's grid. */
const cells = (page: Page, deadline: string, unit: string) =>
  page.locator(`[data-deadline="${deadline}"] tr[data-unit="${unit}"] td`).allInnerTexts();

describeBrowser("the dashboard in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("logs in, shows who is late first, shows names as text, and updates after a unit reports", async () => {
    const scene = dashboardScene();
    const { app, url } = await serve(scene);
    // A Vietnamese browser gets the Vietnamese page (Accept-Language), without ?lang=.
    const context = await browser.newContext({ viewport: DESKTOP, locale: "vi-VN" });
    const page = await context.newPage();
    try {
      await logIn(page, url);
      await expect(page.locator(".alert").innerText()).resolves.toContain("Sở Tài chính");
      const firstRow = page.locator('[data-deadline="bc-thang"] tbody tr').first();
      await expect(firstRow.getAttribute("data-unit")).resolves.toBe("so-tai-chinh");
      // Columns: April (not yet due), March.
      expect(await cells(page, "bc-thang", "so-tai-chinh")).toEqual([
        expect.stringContaining("Chưa đến hạn"),
        expect.stringMatching(/Quá hạn, chưa nộp\s*quá 5 ngày/),
      ]);
      expect((await cells(page, "bc-thang", "so-noi-vu"))[1]).toMatch(/Đúng hạn\s*nộp 19\/03\/2025/);
      expect((await cells(page, "bc-thang", "ban-tuyen-giao"))[0]).toContain("Xin gia hạn");
      // A unit name holding HTML is shown as typed, and nothing in it ran.
      const unitButton = page.locator('tr[data-unit="ban-tuyen-giao"] .unit-link').first();
      await expect(unitButton.innerText()).resolves.toBe(HTML_NAME);
      expect(await page.locator("#boards img").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

      // History of a unit, on click.
      await page.click('[data-deadline="bc-thang"] tr[data-unit="so-tai-chinh"] .unit-link');
      // The dialog opens at once with "…" and fills in when the unit's rows arrive.
      await page.waitForSelector("#history[data-state=ready]");
      await expect(page.locator("#history-title").innerText()).resolves.toBe("Lịch sử báo cáo: Sở Tài chính");
      await expect(page.locator("#history-body").innerText()).resolves.toContain("Đã gia hạn");
      await page.click("#history-close");

      // Sở Tài chính presses "Đã báo cáo" now, five days after the due date: missing → late.
      markReported(scene.store, {
        deadlineId: "bc-thang",
        occurrence: "2025-03-20",
        unitId: "so-tai-chinh",
        by: "web:1",
        at: scene.clock.now(),
      });
      await page.reload();
      await page.waitForSelector("body[data-state=ready]");
      expect((await cells(page, "bc-thang", "so-tai-chinh"))[1]).toMatch(/Nộp trễ\s*nộp 25\/03\/2025/);
      await expect(page.locator("#summary").innerText()).resolves.toContain("Không có đơn vị nào quá hạn");

      // On April's due day (Fri 18/4) Sở Nội vụ is not yet late; it reports and turns on time (Refresh button).
      scene.clock.set("2025-04-18T02:00:00Z");
      await page.click("#refresh");
      await page.waitForSelector("body[data-state=ready]");
      expect((await cells(page, "bc-thang", "so-noi-vu"))[0]).toContain("Chưa đến hạn");
      markReported(scene.store, {
        deadlineId: "bc-thang",
        occurrence: "2025-04-20",
        unitId: "so-noi-vu",
        by: "web:1",
        at: scene.clock.now(),
      });
      await page.click("#refresh");
      await page.waitForFunction(() =>
        document
          .querySelector('[data-deadline="bc-thang"] tr[data-unit="so-noi-vu"] td')
          ?.textContent?.includes("Đúng hạn"),
      );
      expect((await cells(page, "bc-thang", "so-noi-vu"))[0]).toMatch(/Đúng hạn\s*nộp 18\/04\/2025/);
    } finally {
      await context.close();
      await app.close();
    }
  });

  it("fits a phone: the grid scrolls sideways with the unit column pinned; saves screenshots when asked", async () => {
    const { app, url } = await serve(showcaseScene());
    const folder = process.env.CADRE_SCREENSHOTS;
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
    });
    const page = await context.newPage();
    try {
      await logIn(page, url);
      const wrap = page.locator('[data-deadline="bc-thang"] .grid-wrap');
      const size = await wrap.evaluate((e) => ({ client: e.clientWidth, scroll: e.scrollWidth }));
      expect(size.scroll).toBeGreaterThan(size.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      const unitCell = wrap.locator("tbody th.unit").first();
      const before = await unitCell.boundingBox();
      await wrap.evaluate((e) => e.scrollTo({ left: 400 }));
      const after = await unitCell.boundingBox();
      expect(after?.x).toBe(before?.x);
      await wrap.evaluate((e) => e.scrollTo({ left: 0 }));
      if (folder) {
        mkdirSync(folder, { recursive: true });
        await page.screenshot({ path: join(folder, "dashboard-phone.png"), fullPage: false });
        const desktop = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
        await logIn(desktop, url);
        await desktop.screenshot({ path: join(folder, "dashboard.png"), fullPage: true });
        await desktop.close();
      }
    } finally {
      await context.close();
      await app.close();
    }
  });
});
