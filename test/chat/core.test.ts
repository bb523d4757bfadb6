import { describe, expect, it } from "vitest";
import { ChatCore, createChat, type Feature, type Inbound, MemoryAnswerLog } from "../../src/chat/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";

const from = (over: Partial<Inbound>): Inbound => ({
  messenger: "telegram",
  chatId: "-100",
  userId: "u1",
  isPrivate: false,
  text: "",
  ...over,
});

describe("chat core", () => {
  it("answers with buttons for the full passage and feedback, and both work later", async () => {
    const engine = await engineFor(SEED_CORPUS);
    const answers = new MemoryAnswerLog();
    const chat = createChat({ ...engine, answers });
    const [reply] = await chat.handle(from({ text: "/task 4 1470-CV/TU" }));
    expect(reply?.citations?.[0]).toMatchObject({ docNumber: "1470-CV/TU", task: 4 });
    const actions = reply?.buttons?.map((b) => b.action) ?? [];
    expect(actions).toHaveLength(3);
    for (const a of actions) expect(Buffer.byteLength(a)).toBeLessThanOrEqual(64);

    const full = await chat.handle(from({ userId: "u2", action: actions[0] }));
    expect(full[0]?.private).toBe(true);
    expect(full[0]?.text).toContain("Toàn văn");
    expect(full[0]?.text).toContain(reply?.citations?.[0]?.quote.slice(0, 60) ?? "missing");

    const thanks = await chat.handle(from({ userId: "u2", action: actions[2] }));
    expect(thanks[0]).toMatchObject({ private: true });
    await chat.handle(from({ userId: "u2", action: actions[1] }));
    const id = actions[0]?.slice(2) ?? "";
    expect(answers.votes.get(id)?.get("u2")).toBe(1);
    expect((await answers.get(id))?.question).toContain("nhiệm vụ 4");
  });

  it("says so when a button's answer is no longer known", async () => {
    const engine = await engineFor(SEED_CORPUS);
    const chat = createChat({ ...engine, answers: new MemoryAnswerLog() });
    const [reply] = await chat.handle(from({ action: "p:zzz" }));
    expect(reply?.text).toContain("hỏi lại");
  });

  it("limits how fast one user may ask, politely and once per window", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const echo: Feature = { name: "echo", handle: async (t) => [{ text: t.args }] };
    const chat = new ChatCore({} as never, [echo], {
      now: () => new Date(now),
      rateLimit: { max: 2, windowMs: 60_000 },
    });
    const dm = (text: string, userId = "u1") => chat.handle(from({ isPrivate: true, text, userId }));
    expect(await dm("a")).toEqual([{ text: "a" }]);
    expect(await dm("b")).toEqual([{ text: "b" }]);
    const [notice] = await dm("c");
    expect(notice?.text).toMatch(/đợi khoảng 60 giây/);
    expect(await dm("d")).toEqual([]);
    expect(await dm("other user", "u2")).toEqual([{ text: "other user" }]);
    now += 61_000 * 2;
    expect(await dm("e")).toEqual([{ text: "e" }]);
  });

  it("turns a failing feature into a polite reply and reports the error", async () => {
    const lines: string[] = [];
    const broken: Feature = {
      name: "broken",
      handle: async () => {
        throw new Error("disk on fire");
      },
    };
    const chat = new ChatCore({} as never, [broken], { log: (l) => lines.push(l) });
    const [reply] = await chat.handle(from({ isPrivate: true, text: "nhiệm vụ 4?" }));
    expect(reply?.text).toContain("Xin lỗi");
    expect(reply?.text).not.toContain("disk on fire");
    expect(lines.join("\n")).toContain("disk on fire");
  });

  it("stays silent on unaddressed group messages and answers presses of its buttons", () => {
    expect(ChatCore.addressed(from({ text: "chào cả nhóm" }))).toBe(false);
    expect(ChatCore.addressed(from({ action: "p:1" }))).toBe(true);
    expect(ChatCore.addressed(from({ text: "hỏi bot", mentioned: true }))).toBe(true);
  });
});
