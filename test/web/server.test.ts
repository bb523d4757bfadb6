import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { startWeb, WebPortError } from "../../src/web/server.js";
import { openEvents, post, type WebScene, webScene } from "./scene.js";

// The web server over real HTTP on a free port: the chat API's validation (everything from the page
// is untrusted), the room's live stream with private replies, and a taken port.

let s: WebScene;
beforeAll(async () => {
  s = await webScene();
}, 60_000);
afterAll(async () => {
  await s?.close();
});

const who = (user: string, name = "Lan", room = "chung") => ({ room, user, name });

describe("the web chat API", () => {
  it("refuses bad input with 400 and a Vietnamese-first message, and keeps answering", async () => {
    const api = `${s.url}/api/message`;
    const missingName = await post(api, { room: "chung", user: "user-aaaa1", text: "xin chào" });
    expect(missingName.status).toBe(400);
    expect(missingName.json.error).toMatch(/^Thiếu tên hiển thị/);
    const blankName = await post(api, { ...who("user-aaaa1", "   "), text: "xin chào" });
    expect(blankName.json.code).toBe("missingName");
    const empty = await post(api, { ...who("user-aaaa1"), text: "   " });
    expect([empty.status, empty.json.code]).toEqual([400, "emptyText"]);
    expect(empty.json.error).toContain("Tin nhắn trống");
    const long = await post(api, { ...who("user-aaaa1"), text: "a".repeat(2001), lang: "en" });
    expect(long.status).toBe(400);
    // Vietnamese first, then the page's language.
    expect(long.json.error).toBe(
      "Tin nhắn quá dài: tối đa 2000 ký tự. Hãy hỏi ngắn gọn hơn. / The message is too long: at most 2000 characters. Ask more briefly.",
    );
    const huge = await post(api, { ...who("user-aaaa1"), text: "a".repeat(20_000) });
    expect([huge.status, huge.json.code]).toEqual([413, "tooLarge"]);
    const notJson = await post(api, "{not json");
    expect([notJson.status, notJson.json.code]).toEqual([400, "badRequest"]);
    const badRoom = await post(api, { ...who("user-aaaa1", "Lan", "<script>"), text: "hi" });
    expect([badRoom.status, badRoom.json.code]).toEqual([400, "badRoom"]);
    const badUser = await post(api, { ...who("x"), text: "hi" });
    expect([badUser.status, badUser.json.code]).toEqual([400, "badUser"]);
    const unknown = await post(`${s.url}/api/action`, {
      ...who("user-aaaa1"),
      action: "rem:done:x.20250320:y",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/^Nút này không còn hiệu lực/);

    const ok = await post(api, { ...who("user-aaaa1"), text: "nhiệm vụ 4 yêu cầu gì?" });
    expect(ok.status).toBe(200);
    const [answer] = ok.json.replies as { text: string; sources: string[] }[];
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    expect(answer?.sources[0]).toContain("1470-CV/TU · nhiệm vụ 4");
  });

  it("streams the room live: others see the question and the answer, a passage goes to the presser alone", async () => {
    const lan = await openEvents(s.url, "phong-1", "user-lan-01");
    const minh = await openEvents(s.url, "phong-1", "user-minh-01");
    try {
      const asked = await post(`${s.url}/api/message`, {
        ...who("user-lan-01", "Lan", "phong-1"),
        text: "nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?",
      });
      expect(asked.status).toBe(200);
      const question = await minh.next((m) => m.kind === "user", "the question");
      expect([question.name, question.mine, question.text]).toEqual([
        "Lan",
        false,
        "nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?",
      ]);
      expect(question).not.toHaveProperty("from");
      expect((await lan.next((m) => m.kind === "user", "own question")).mine).toBe(true);
      const answer = await minh.next((m) => m.kind === "bot", "the answer");
      expect(String(answer.text)).toContain("Nhiệm vụ 4 của 1470-CV/TU");
      const buttons = answer.buttons as { label: string; action: string }[];
      const full = buttons.find((b) => b.label.includes("📄"));
      expect(full?.action).toMatch(/^p:/);

      const pressed = await post(`${s.url}/api/action`, {
        ...who("user-lan-01", "Lan", "phong-1"),
        action: full?.action,
      });
      expect(pressed.status).toBe(200);
      const passage = await lan.next((m) => m.private === true, "the passage");
      expect(String(passage.text)).toContain("Veiller à la mise en œuvre effective");
      // A marker after the private reply: once Minh has it, he would have had the passage too.
      await post(`${s.url}/api/message`, { ...who("user-minh-01", "Minh", "phong-1"), text: "/help" });
      await minh.next((m) => m.kind === "user" && m.text === "/help", "marker");
      expect(minh.messages.some((m) => m.private === true)).toBe(false);

      // A button of another room is unknown here.
      const elsewhere = await post(`${s.url}/api/action`, {
        ...who("user-minh-01", "Minh"),
        action: full?.action,
      });
      expect([elsewhere.status, elsewhere.json.code]).toEqual([400, "unknownAction"]);
    } finally {
      lan.close();
      minh.close();
    }
  });

  it("lets the room's first participant start a quiz and refuses the others", async () => {
    const room = "phong-thi";
    expect((await post(`${s.url}/api/join`, who("user-owner-1", "Lan", room))).json.owner).toBe(true);
    expect((await post(`${s.url}/api/join`, who("user-other-1", "Minh", room))).json.owner).toBe(false);
    const refused = await post(`${s.url}/api/message`, {
      ...who("user-other-1", "Minh", room),
      text: "/quiz start",
    });
    expect((refused.json.replies as { text: string }[])[0]?.text).toBe(t("vi", "quiz.run.notAllowed"));
    const started = await post(`${s.url}/api/message`, {
      ...who("user-owner-1", "Lan", room),
      text: "/quiz start 2 câu",
    });
    expect((started.json.replies as { text: string }[])[0]?.text).toContain("Bắt đầu đố vui");
    expect(s.app.quiz.store.runningIn("web", room)).toBeTruthy();
    await post(`${s.url}/api/message`, { ...who("user-owner-1", "Lan", room), text: "/quiz stop" });
    expect(s.app.quiz.store.runningIn("web", room)).toBeFalsy();
  });

  it("replays what a page missed when it reconnects with Last-Event-ID, all of it after a restart", async () => {
    await post(`${s.url}/api/message`, { ...who("user-hoa-01", "Hoa", "phong-2"), text: "/help" });
    const first = await openEvents(s.url, "phong-2", "user-hoa-01");
    const { epoch } = await first.next((m) => m.id === 2, "the help");
    first.close();
    expect(epoch).toMatch(/^[0-9a-f]{8}$/);
    const resumed = await openEvents(s.url, "phong-2", "user-hoa-01", { "last-event-id": `${epoch}.1` });
    await resumed.next((m) => m.id === 2, "the reply after 1");
    resumed.close();
    expect(resumed.messages.map((m) => m.id)).toEqual([2]);
    // An id from before a restart (another epoch) gets the whole history of this process.
    const restarted = await openEvents(s.url, "phong-2", "user-hoa-01", { "last-event-id": "0badcafe.57" });
    await restarted.next((m) => m.id === 2, "the history");
    restarted.close();
    expect(restarted.messages.map((m) => m.id)).toEqual([1, 2]);
  });

  it("serves the page with the dashboard link and a policy that forbids inline scripts", async () => {
    const res = await fetch(`${s.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('href="/dashboard"');
    expect(html).toContain('href="/documents"');
    const phrases = await (await fetch(`${s.url}/api/phrases?lang=ja`)).json();
    expect(phrases.phrases.send).toBe("送信");
    const missing = await fetch(`${s.url}/khong-co`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/^Không có địa chỉ này/);
  });

  it("fails with a one-line error naming PORT_WEB when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const started = startWeb({ app: s.app, engine: await engineOf(), port, log: () => {} });
      await expect(started).rejects.toBeInstanceOf(WebPortError);
      await expect(started).rejects.toThrow(`port ${port} is already in use`);
      await expect(started).rejects.toThrow("PORT_WEB");
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

async function engineOf() {
  const { engineFor, SEED_CORPUS } = await import("../support/engine.js");
  return engineFor(SEED_CORPUS);
}
