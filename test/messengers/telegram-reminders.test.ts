import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { type BotMessage, type Chat, ManualClock, type User } from "../support/fake-telegram/index.js";
import { adapter, onCleanup, settled, startFake, WAIT } from "./telegram-setup.js";

// Reminders in Telegram groups, end to end: the real grammY Bot (createTelegram) against the fake Bot
// API, the app's real chat core and dispatcher (openApp over a SQLite file), and one manual clock that
// both the fake and the dispatcher read. Units, the deadline and the chat links are made by chat commands.

async function world() {
  const clock = new ManualClock(Date.parse("2025-03-05T02:00:00Z")); // Wednesday 09:00 in Hà Nội
  const fake = await startFake({ clock });
  const { lan, minh } = fake;
  const hoa = fake.fake.createUser({ first_name: "Hoa", language_code: "vi" });
  const dir = mkdtempSync(path.join(tmpdir(), "cadre-rem-tg-"));
  const config = parseConfig({ BOT_ADMINS: `telegram:${lan.id}` }, { corpus: SEED_CORPUS, data: dir });
  const app = openApp(config, await engineFor(SEED_CORPUS), {
    now: () => new Date(clock.now()),
    configDir: path.join(dir, "no-config"),
  });
  onCleanup(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { tg } = await adapter(fake.fake, app.chat);
  await tg.start();
  app.outboxes.set("telegram", tg.outbox);
  const committee = fake.fake.createGroup({ title: "Ban Thường vụ Tỉnh ủy", members: [lan] });
  const noiVu = fake.fake.createGroup({ title: "Sở Nội vụ", members: [minh] }); // minh owns it
  const huyen = fake.fake.createGroup({ title: "UBND huyện", members: [lan, hoa] });
  return { ...fake, hoa, clock, app, committee, noiVu, huyen };
}
type World = Awaited<ReturnType<typeof world>>;

/** `user` types `text` in `chat`; resolves with the bot's reply to it. */
async function command(w: World, chat: Chat, user: User, text: string): Promise<BotMessage> {
  const asked = w.fake.userSends(chat, user, text);
  return w.fake.waitFor(
    () => w.fake.sent(chat).find((m) => m.replyToMessageId === asked.message_id),
    WAIT,
    `reply to ${text}`,
  );
}

/** Moves the clock to `iso` and runs one dispatcher tick. */
async function tickAt(w: World, iso: string) {
  w.clock.advance(Date.parse(iso) - w.clock.now());
  return w.app.dispatcher.tick();
}

/** Presses the button `label` (starting with) under `message`; resolves with the callback answer text. */
async function press(w: World, message: BotMessage, user: User, label: string): Promise<string> {
  const button = message.message.reply_markup?.inline_keyboard.flat().find((b) => b.text.startsWith(label));
  if (!button || !("callback_data" in button) || !button.callback_data) throw new Error(`no button ${label}`);
  const query = w.fake.pressButton(message, user, button.callback_data);
  const answer = await w.fake.waitFor(() => w.fake.callbackAnswer(query), WAIT, "callback answer");
  await settled(w.fake);
  return answer.text ?? "";
}

async function setUp(w: World) {
  const { lan, minh, hoa, committee, noiVu, huyen } = w;
  expect((await command(w, huyen, hoa, "/unit add Trộm | x")).text).toContain("chỉ dành cho quản trị viên");
  expect((await command(w, committee, lan, "/unit add Ban Thường vụ Tỉnh ủy | BTV")).text).toContain(
    "Đã thêm đơn vị Ban Thường vụ Tỉnh ủy (mã btv)",
  );
  await command(w, committee, lan, "/unit add Sở Nội vụ | SNV");
  await command(w, committee, lan, "/unit add UBND huyện Can Lộc | UBND huyện");
  expect((await command(w, committee, lan, "/subscribe BTV")).text).toContain("✅ Nhóm này sẽ nhận");
  // minh administers the Sở Nội vụ group (its creator): a chat administrator may link it.
  expect((await command(w, noiVu, minh, "/subscribe so noi vu")).text).toContain("Sở Nội vụ");
  expect((await command(w, huyen, hoa, "/subscribe UBND huyện")).text).toContain("BOT_ADMINS");
  expect((await command(w, huyen, lan, "/subscribe UBND huyện")).text).toContain("UBND huyện Can Lộc");
  expect((await command(w, committee, lan, "/units")).text).toContain("Sở Nội vụ [snv] (SNV) — 1 nhóm chat");

  const preview = await command(
    w,
    committee,
    lan,
    "/deadline add Báo cáo quý | SNV, UBND huyện | hằng quý trước ngày 20 tháng cuối quý | BTV",
  );
  expect(preview.text).toContain("hằng quý, trước ngày 20 của tháng cuối quý");
  expect(preview.text).toContain("20/03/2025, 20/06/2025, 19/09/2025"); // 20/9/2025 is a Saturday
  expect(w.app.reminders.deadlines.list()).toEqual([]); // nothing saved before confirming
  expect(await press(w, preview, lan, "💾")).toContain("Đã lưu hạn báo cáo [bao-cao-quy]");
  expect(w.app.reminders.deadlines.get("bao-cao-quy")?.unitIds).toEqual(["snv", "ubnd-huyen-can-loc"]);
}

describe("reminders in Telegram groups", () => {
  it("reminds each unit's group with both buttons; 'Đã báo cáo' stops that occurrence and /status shows it on time", async () => {
    const w = await world();
    await setUp(w);
    const { lan, minh, committee, noiVu } = w;
    expect((await command(w, committee, lan, "/deadlines")).text).toBe(
      "📅 Các hạn báo cáo (1):\n• [bao-cao-quy] Báo cáo quý — hằng quý, trước ngày 20 của tháng cuối quý; hạn tới: 20/03/2025; đơn vị: Sở Nội vụ, UBND huyện Can Lộc",
    );
    // The seed corpus states its reporting duties in French and Japanese; they are listed with their sentence.
    const suggested = (await command(w, committee, lan, "/deadlines suggest")).text ?? "";
    expect(suggested).toMatch(
      /^🔎 Nhiệm vụ báo cáo tìm thấy trong văn bản \(\d+\):\n\n1\. \[s-[0-9a-f]{6}\] /,
    );
    expect(suggested).toContain("“");
    expect((await tickAt(w, "2025-03-13T01:00:00Z")).sent).toBe(2); // 7 days before, 08:00 local
    const [reminder, ...others] = w.fake.sent(noiVu).filter((m) => m.text?.startsWith("🔔"));
    expect(others).toEqual([]);
    expect(reminder?.text).toContain("Báo cáo quý");
    expect(reminder?.text).toContain("Hạn nộp: 20/03/2025 (còn 7 ngày)");
    const labels = reminder?.message.reply_markup?.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual(["✅ Đã báo cáo / Reported", "⏳ Xin gia hạn / Need extension"]);
    if (!reminder) throw new Error("no reminder");

    expect(await press(w, reminder, minh, "✅")).toContain("Đã ghi nhận: Sở Nội vụ đã báo cáo");
    expect(await press(w, reminder, minh, "✅")).toContain('đã báo cáo "Báo cáo quý" rồi');

    const before = w.fake.sent(noiVu).length;
    for (const at of [
      "2025-03-17T01:00:00Z",
      "2025-03-19T01:00:00Z",
      "2025-03-20T01:00:00Z",
      "2025-03-24T01:00:00Z",
    ])
      await tickAt(w, at);
    expect(w.fake.sent(noiVu)).toHaveLength(before); // nothing more about this occurrence
    expect(w.fake.sent(w.huyen).filter((m) => m.text?.includes("Báo cáo quý")).length).toBeGreaterThan(1);

    const status = await command(w, committee, lan, "/status bao-cao-quy");
    const lines = status.text?.split("\n") ?? [];
    expect(lines[0]).toBe("📊 Tình hình báo cáo (2):");
    expect(lines[1]).toMatch(
      /^🔴 UBND huyện Can Lộc · Báo cáo quý · 20\/03\/2025 · chưa báo cáo, quá hạn 4 ngày$/,
    );
    expect(lines[2]).toBe("🟢 Sở Nội vụ · Báo cáo quý · 20/03/2025 · đã báo cáo đúng hạn");
  });

  it("'Xin gia hạn' reaches the supervising chat, and /approve there moves the unit's due date", async () => {
    const w = await world();
    await setUp(w);
    const { lan, hoa, committee, huyen } = w;
    await tickAt(w, "2025-03-17T01:00:00Z"); // 3 days before
    const reminder = w.fake.sent(huyen).find((m) => m.text?.startsWith("🔔"));
    if (!reminder) throw new Error("no reminder in the district group");
    expect(await press(w, reminder, hoa, "⏳")).toContain("Đã gửi đề nghị gia hạn của UBND huyện Can Lộc");

    await tickAt(w, "2025-03-17T01:01:00Z");
    const request = await w.fake.waitFor(
      () => w.fake.sent(committee).find((m) => m.text?.startsWith("⏳")),
      WAIT,
      "extension request",
    );
    const ref = /\/approve (\S+) DD\/MM\/YYYY/.exec(request.text ?? "")?.[1];
    expect(ref).toBe("bao-cao-quy.20250320:ubnd-huyen-can-loc");

    expect((await command(w, huyen, hoa, `/approve ${ref} 31/03/2025`)).text).toContain("chỉ dành cho");
    expect((await command(w, committee, lan, `/approve ${ref} 3/2025`)).text).toContain(
      "Cách dùng: /approve",
    );
    expect((await command(w, committee, lan, `/approve ${ref} 18/03/2025`)).text).toContain(
      "Hạn mới phải sau hạn hiện tại (2025-03-20)",
    );
    expect((await command(w, committee, lan, `/approve ${ref} 31/03/2025`)).text).toBe(
      '✅ Đã gia hạn cho UBND huyện Can Lộc: "Báo cáo quý", hạn mới 31/03/2025.',
    );
    await tickAt(w, "2025-03-17T01:02:00Z");
    const granted = await w.fake.waitFor(
      () => w.fake.sent(huyen).find((m) => m.text?.startsWith("✅ Đã gia hạn")),
      WAIT,
      "extension granted",
    );
    expect(granted.text).toContain("Hạn mới: 31/03/2025");
    // On the old due date the district is not chased; /status shows the extension.
    const beforeDue = w.fake.sent(huyen).length;
    await tickAt(w, "2025-03-20T01:00:00Z");
    expect(w.fake.sent(huyen)).toHaveLength(beforeDue);
    const status = await command(w, committee, lan, "/status");
    expect(status.text).toContain("🕒 UBND huyện Can Lộc · Báo cáo quý · 31/03/2025 · đã được gia hạn");
    // /done typed in the unit's chat, without a reference, answers the most urgent open occurrence.
    expect((await command(w, huyen, hoa, "/done")).text).toContain(
      "Đã ghi nhận: UBND huyện Can Lộc đã báo cáo",
    );
    expect((await command(w, huyen, hoa, "/done")).text).toContain("không có báo cáo nào đang chờ");
  });
});
