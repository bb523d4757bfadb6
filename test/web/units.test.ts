import { afterEach, describe, expect, it } from "vitest";
import { configFolder, DEADLINES, openEvents, post, UNITS, type WebScene, webScene } from "./scene.js";

// Picking a unit in the page links the room to it in the reminders store (a `web` subscription):
// the room then receives the unit's reminders, and a restart that re-applies the YAML config keeps
// the link.

const scenes: WebScene[] = [];
afterEach(async () => {
  while (scenes.length > 0) await scenes.pop()?.close();
});

const lan = { room: "so-noi-vu-room", user: "user-lan-77", name: "Lan" };

describe("a unit picked in the web page", () => {
  it("is refused when unknown, linked when known, and kept across a restart that re-applies the YAML", async () => {
    const configDir = await configFolder({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES });
    const first = await webScene({ configDir });
    scenes.push(first);
    const units = await (await fetch(`${first.url}/api/units?room=${lan.room}`)).json();
    expect(units.units).toEqual([
      { id: "btv", name: "Ban Thường vụ Tỉnh ủy", linked: false },
      { id: "so-noi-vu", name: "Sở Nội vụ", linked: false },
    ]);
    const unknown = await post(`${first.url}/api/unit`, { ...lan, unit: "Sở Không Có" });
    expect([unknown.status, unknown.json.code]).toEqual([400, "unknownUnit"]);
    const picked = await post(`${first.url}/api/unit`, { ...lan, unit: "so-noi-vu" });
    expect(picked.status).toBe(200);
    expect(picked.json).toEqual({ unit: { id: "so-noi-vu", name: "Sở Nội vụ" }, added: true });
    await first.close();
    scenes.pop();

    const second = await webScene({ configDir, dataDir: first.dataDir });
    scenes.push(second);
    expect(second.app.reminders.subscriptions.ofChat("web", lan.room)).toEqual([
      { messenger: "web", chatId: lan.room, unitId: "so-noi-vu", source: "chat" },
    ]);
    const after = await (await fetch(`${second.url}/api/units?room=${lan.room}`)).json();
    expect(after.units.find((u: { id: string }) => u.id === "so-noi-vu").linked).toBe(true);
  });

  it("brings the unit's reminder into the room; 'Xin gia hạn' and 'Đã báo cáo' are recorded", async () => {
    const configDir = await configFolder({ "units.yaml": UNITS, "deadlines.yaml": DEADLINES });
    const s = await webScene({ configDir });
    scenes.push(s);
    const page = await openEvents(s.url, lan.room, lan.user);
    try {
      await post(`${s.url}/api/unit`, { ...lan, unit: "SNV" });
      await page.next((m) => String(m.text).includes("Sở Nội vụ"), "the link notice");
      // 7 days before Thu 20/3/2025, 08:00 in Hà Nội.
      s.clock.set("2025-03-13T01:05:00Z");
      await s.app.dispatcher.tick();
      const reminder = await page.next((m) => Array.isArray(m.buttons), "the reminder");
      expect(String(reminder.text)).toContain("Báo cáo công tác dân vận tháng");
      const done = (reminder.buttons as { label: string; action: string }[]).find((b) =>
        b.label.includes("Đã báo cáo"),
      );
      expect(done?.action).toBe("rem:done:bc-thang.20250320:so-noi-vu");
      const ext = (reminder.buttons as { label: string; action: string }[]).find((b) =>
        b.label.includes("Xin gia hạn"),
      );
      const asked = await post(`${s.url}/api/action`, { ...lan, action: ext?.action });
      expect(asked.status).toBe(200);
      expect(s.app.reminders.statuses.get("bc-thang", "2025-03-20", "so-noi-vu")?.extensionRequestedBy).toBe(
        `web:${lan.user}`,
      );
      const pressed = await post(`${s.url}/api/action`, { ...lan, action: done?.action });
      expect(pressed.status).toBe(200);
      expect((pressed.json.replies as { private: boolean }[])[0]?.private).toBe(true);
      const status = s.app.reminders.statuses.get("bc-thang", "2025-03-20", "so-noi-vu");
      expect(status?.reportedBy).toBe(`web:${lan.user}`);
    } finally {
      page.close();
    }
  });
});
