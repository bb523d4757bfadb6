import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import type { BotMessage, Chat, User } from "../support/fake-zalo/index.js";
import { adapter, onCleanup, startFake, WAIT } from "./zalo-setup.js";

// Reminders in Zalo groups, end to end: the Zalo adapter against the fake, the app's real chat core
// and dispatcher (openApp over SQLite) on a clock the test moves. Zalo has no buttons: the reminder's
// "reported" / "extension" buttons arrive as a numbered follow-up, answered by typing the number.

async function world() {
  let now = Date.parse("2025-03-05T02:00:00Z"); // Wednesday 09:00 in Hà Nội
  const w = await startFake();
  const hoa = w.fake.createUser("Lê Thị Hoa");
  const dir = mkdtempSync(path.join(tmpdir(), "cadre-rem-zalo-"));
  const config = parseConfig({ BOT_ADMINS: `zalo:${w.lan.id}` }, { corpus: SEED_CORPUS, data: dir });
  const app = openApp(config, await engineFor(SEED_CORPUS), {
    now: () => new Date(now),
    configDir: path.join(dir, "no-config"),
  });
  onCleanup(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { zalo } = await adapter(w.fake, app.chat);
  await zalo.start();
  app.outboxes.set("zalo", zalo.outbox);
  const committee = w.fake.createGroup("Ban Thường vụ");
  const noiVu = w.fake.createGroup("Sở Nội vụ");
  const huyen = w.fake.createGroup("UBND huyện");
  const tickAt = (iso: string) => {
    now = Date.parse(iso);
    return app.dispatcher.tick();
  };
  return { ...w, hoa, app, committee, noiVu, huyen, tickAt };
}
type World = Awaited<ReturnType<typeof world>>;

/** `user` types `text` in `chat`; resolves with the bot's next message there. */
async function say(w: World, chat: Chat, user: User, text: string): Promise<BotMessage> {
  const before = w.fake.sent(chat).length;
  w.fake.userSends(chat, user, text);
  const sent = await w.fake.waitFor(() => w.fake.sent(chat).length > before && w.fake.sent(chat), WAIT, text);
  return sent[before] as BotMessage;
}

describe("reminders in Zalo groups", () => {
  it("delivers a reminder with a numbered follow-up; /done and the typed number both answer it", async () => {
    const w = await world();
    const { lan, hoa, committee, noiVu, huyen } = w;
    expect((await say(w, committee, hoa, "/unit add Trộm | x")).text).toContain("chỉ dành cho quản trị viên");
    await say(w, committee, lan, "/unit add Sở Nội vụ | SNV");
    await say(w, committee, lan, "/unit add UBND huyện Can Lộc | UBND huyện");
    expect((await say(w, noiVu, lan, "/subscribe SNV")).text).toContain("Sở Nội vụ");
    expect((await say(w, huyen, lan, "/subscribe UBND huyện")).text).toContain("UBND huyện Can Lộc");
    const preview = await say(
      w,
      committee,
      lan,
      "/deadline add Báo cáo quý | SNV, UBND huyện | hằng quý trước ngày 20 tháng cuối quý",
    );
    expect(preview.text).toContain("20/03/2025");
    expect(preview.text).toMatch(/👉 Gõ số để chọn: 1: 💾/); // the save button, as a number
    expect((await say(w, committee, lan, "1")).text).toContain("Đã lưu hạn báo cáo [bao-cao-quy]");

    expect((await w.tickAt("2025-03-13T01:00:00Z")).sent).toBe(2); // 7 days before, 08:00 local
    for (const group of [noiVu, huyen]) {
      const [reminder, ...more] = w.fake.sent(group).filter((m) => m.text.startsWith("🔔"));
      expect(more).toEqual([]);
      expect(reminder?.text).toContain("Báo cáo quý");
      expect(reminder?.text).toContain("Hạn nộp: 20/03/2025 (còn 7 ngày)");
      expect(reminder?.text).toMatch(
        /👉 Gõ số để chọn: 1: ✅ Đã báo cáo \/ Reported · 2: ⏳ Xin gia hạn \/ Need extension$/,
      );
    }

    // The Sở Nội vụ group answers with the command, the district with the number.
    expect((await say(w, noiVu, hoa, "/done")).text).toContain("Đã ghi nhận: Sở Nội vụ đã báo cáo");
    expect((await say(w, huyen, hoa, "1")).text).toMatch(
      /^Lê Thị Hoa: .*Đã ghi nhận: UBND huyện Can Lộc đã báo cáo/s,
    );
    expect((await say(w, huyen, hoa, "/done")).text).toContain("không có báo cáo nào đang chờ");

    const status = await say(w, committee, lan, "/status bao-cao-quy");
    expect(status.text).toContain("🟢 Sở Nội vụ · Báo cáo quý · 20/03/2025 · đã báo cáo đúng hạn");
    expect(status.text).toContain("🟢 UBND huyện Can Lộc · Báo cáo quý · 20/03/2025 · đã báo cáo đúng hạn");
    // nothing more about this occurrence
    const before = w.fake.sent(noiVu).length + w.fake.sent(huyen).length;
    await w.tickAt("2025-03-17T01:00:00Z");
    await w.tickAt("2025-03-20T01:00:00Z");
    expect(w.fake.sent(noiVu).length + w.fake.sent(huyen).length).toBe(before);
  });
});
