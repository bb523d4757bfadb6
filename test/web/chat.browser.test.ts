import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { describeBrowser, launchBrowser } from "../support/browser.js";
import { configFolder, DEADLINES, UNITS, type WebScene, webScene } from "./scene.js";

// The web chat in a real Chromium against the server started in-process on port 0 (shipped corpus,
// temp data folder). The quiz timers and the reminders' clock are the test's: it moves them. The
// long per-test limits are for a loaded machine running several browsers, not a speed requirement.

let s: WebScene;
let browser: Browser;

describeBrowser("the web chat page in Chromium", () => {
  beforeAll(async () => {
    const configDir = await configFolder({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES });
    s = await webScene({ configDir });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  /** A new browser profile (its own localStorage, so its own user id) entering `room` as `name`. */
  async function enter(name: string, room: string): Promise<Page> {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => s.logs.push(`page error: ${error.message}`));
    await page.goto(s.url);
    await page.fill("#name", name);
    await page.fill("#room", room);
    await page.click("#enter");
    await page.locator("#chat").waitFor();
    expect(await page.locator("#join").isVisible()).toBe(false);
    return page;
  }

  async function type(page: Page, text: string): Promise<void> {
    await page.fill("#text", text);
    await page.click("#send");
  }

  const bot = (page: Page, text: string) => page.locator("li.msg.bot", { hasText: text });

  it("answers 'nhiệm vụ 4 yêu cầu gì?' with task 4 of 1470-CV/TU and its citation; 📄 shows the passage; 👍 is acknowledged", async () => {
    const page = await enter("Lan", "hoi-dap");
    expect(await page.locator("#send").textContent()).toBe("Gửi");
    await type(page, "nhiệm vụ 4 yêu cầu gì?");
    const answer = bot(page, "Nhiệm vụ 4 của 1470-CV/TU").first();
    await answer.waitFor();
    expect(await answer.locator(".source").first().textContent()).toContain(
      "1470-CV/TU · nhiệm vụ 4 · ngày 22/02/2024",
    );
    expect(await page.locator("li.msg.user.mine .text").textContent()).toBe("nhiệm vụ 4 yêu cầu gì?");

    await answer.locator("button", { hasText: "📄" }).click();
    const passage = page.locator("li.msg.private", { hasText: "Veiller à la mise en œuvre effective" });
    await passage.waitFor();
    expect(await passage.locator(".note").textContent()).toBe("chỉ bạn thấy");

    await answer.locator("button", { hasText: "👍" }).click();
    await page.locator("li.msg.private", { hasText: t("vi", "chat.feedbackThanks") }).waitFor();
    expect(s.logs.filter((l) => l.startsWith("page error"))).toEqual([]);
  }, 90_000);

  it("plays a quiz to the leaderboard with two players on two pages", async () => {
    const lan = await enter("Lan", "thi");
    const minh = await enter("Minh", "thi");
    await type(lan, "/quiz start 2 câu 20 giây");
    await bot(minh, "Bắt đầu đố vui").waitFor();
    const [live] = [...s.app.quiz.live.values()];
    if (!live) throw new Error("no quiz is running");
    const id = live.session.id;

    for (const idx of [0, 1]) {
      s.quizClock.advance(idx === 0 ? 2000 : 3000);
      await s.app.quiz.idle();
      const q = live.questions[idx];
      if (!q) throw new Error(`no question ${idx}`);
      const right = q.correct[0] ?? 0;
      const wrong = q.options.findIndex((_, k) => !q.correct.includes(k));
      const question = bot(minh, `Câu ${idx + 1}/2`);
      await question.waitFor();
      expect(await question.locator(".countdown").textContent()).toMatch(/⏱ còn \d+ giây/);
      await lan.click(`button[data-action="qz:${id}:${idx}:${right}"]`);
      await lan.locator("li.msg.private", { hasText: "✅ Đúng!" }).nth(idx).waitFor();
      await minh.click(`button[data-action="qz:${id}:${idx}:${wrong}"]`);
      await minh.locator("li.msg.private", { hasText: "❌ Chưa đúng" }).nth(idx).waitFor();
      s.quizClock.advance(20_000);
      await s.app.quiz.idle();
    }

    const results = bot(lan, t("vi", "quiz.run.finishedTitle", { n: 2 }));
    await results.waitFor();
    const text = (await results.locator(".text").textContent()) ?? "";
    expect(text).toMatch(/1\. Lan: 2 câu đúng/);
    expect(text).toMatch(/2\. Minh: 0 câu đúng/);
    await bot(minh, t("vi", "quiz.run.finishedTitle", { n: 2 })).waitFor();

    await type(minh, "/quiz scores");
    const board = bot(minh, "Lan").last();
    await board.waitFor();
    const boardText = (await board.locator(".text").textContent()) ?? "";
    expect(boardText.indexOf("Lan")).toBeLessThan(boardText.indexOf("Minh"));
  }, 120_000);

  it("delivers the reminders of the unit picked in the page after the clock moves; 'Đã báo cáo' is recorded", async () => {
    const page = await enter("Hoa", "snv");
    await page.selectOption("#unit", "so-noi-vu");
    await page.click("#unitPick");
    await bot(page, "Hoa đã chọn đơn vị Sở Nội vụ").waitFor();

    s.clock.set("2025-03-13T01:05:00Z"); // 7 days before Thu 20/3/2025, 08:05 in Hà Nội
    await s.app.dispatcher.tick();
    const reminder = bot(page, "Báo cáo công tác dân vận tháng").filter({ has: page.locator("button") });
    await reminder.waitFor();
    await reminder.locator("button", { hasText: "Đã báo cáo" }).click();
    await page.locator("li.msg.private", { hasText: "✅ Đã ghi nhận: Sở Nội vụ đã báo cáo" }).waitFor();
    const status = s.app.reminders.statuses.get("bc-thang", "2025-03-20", "so-noi-vu");
    expect(status?.reportedBy).toMatch(/^web:[0-9a-f]{24}$/);
  }, 90_000);
});
