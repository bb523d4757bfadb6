import { describe, expect, it } from "vitest";
import {
  DEFAULT_SLASH_WORDS,
  EventDeduper,
  fromBlockAction,
  fromMessageEvent,
  fromSlashCommand,
  slashCommandText,
  stripMention,
} from "../../src/messengers/slack/index.js";

const WORDS = new Set(DEFAULT_SLASH_WORDS);

describe("Slack events → Inbound", () => {
  it("strips the bot's mention (with or without a label), unescapes Slack entities, keeps other mentions", () => {
    expect(stripMention("<@U0BOT> nhiệm vụ 4 yêu cầu gì?", "U0BOT")).toBe("nhiệm vụ 4 yêu cầu gì?");
    expect(stripMention("hỏi <@U0BOT|cadre>  về A &amp; B &lt;1&gt;", "U0BOT")).toBe("hỏi về A & B <1>");
    expect(stripMention("<@U0ALICE> xem", "U0BOT")).toBe("<@U0ALICE> xem");
  });

  it("threads a channel mention under the asking message, or in its existing thread", () => {
    const top = fromMessageEvent(
      { type: "app_mention", user: "U0BINH", text: "<@U0BOT> hạn?", ts: "10.1", channel: "C0GENERAL" },
      "U0BOT",
    );
    expect(top).toMatchObject({
      messenger: "slack",
      chatId: "C0GENERAL",
      userId: "U0BINH",
      isPrivate: false,
      mentioned: true,
      text: "hạn?",
      messageId: "10.1",
      threadId: "10.1",
    });
    const inThread = fromMessageEvent(
      {
        type: "app_mention",
        user: "U0BINH",
        text: "<@U0BOT> và 5?",
        ts: "12.0",
        thread_ts: "10.1",
        channel: "C0GENERAL",
      },
      "U0BOT",
    );
    expect(inThread.threadId).toBe("10.1");
  });

  it("treats a DM as private and answers it where it was asked", () => {
    const dm = fromMessageEvent(
      {
        type: "message",
        channel_type: "im",
        user: "U0CHI",
        text: "nhiệm vụ 4?",
        ts: "20.0",
        channel: "D0CHI",
      },
      "U0BOT",
    );
    expect(dm).toMatchObject({ isPrivate: true, mentioned: false, text: "nhiệm vụ 4?" });
    expect(dm.threadId).toBeUndefined();
  });

  it("maps /cadre text: command words become commands, empty is help, other text is a question", () => {
    expect(slashCommandText("task 4 1470-CV/TU", WORDS)).toBe("/task 4 1470-CV/TU");
    expect(slashCommandText("  ", WORDS)).toBe("/help");
    expect(slashCommandText("/docs", WORDS)).toBe("/docs");
    expect(slashCommandText("what does task 4 require?", WORDS)).toBe("what does task 4 require?");
    const msg = fromSlashCommand(
      {
        text: "nhiệm vụ 4 yêu cầu gì?",
        user_id: "U0CHI",
        user_name: "chi.le",
        channel_id: "C0GENERAL",
        channel_name: "general",
      },
      WORDS,
    );
    expect(msg).toMatchObject({
      isPrivate: false,
      mentioned: true,
      userName: "chi.le",
      text: "nhiệm vụ 4 yêu cầu gì?",
    });
  });

  it("turns a button click into an action in the clicked message's thread", () => {
    const msg = fromBlockAction({
      user: { id: "U0BINH", username: "binh.tran" },
      channel: { id: "C0GENERAL", name: "general" },
      message: { ts: "30.0", thread_ts: "29.0" },
      actions: [{ action_id: "cadre_btn_0", value: "quote:d1:4" }],
    });
    expect(msg).toMatchObject({
      action: "quote:d1:4",
      text: "",
      threadId: "29.0",
      replyToBot: true,
      userId: "U0BINH",
    });
    expect(
      fromBlockAction({ user: { id: "U" }, channel: { id: "C" }, actions: [{ action_id: "x" }] }),
    ).toBeNull();
  });
});

describe("EventDeduper", () => {
  it("lets the first delivery through and drops any later one sharing a key, until the keys expire", () => {
    let now = 0;
    const dedupe = new EventDeduper({ ttlMs: 1000, now: () => now });
    expect(dedupe.claim(["event:Ev1", "msg:m1", "ts:C:1"])).toBe(true);
    expect(dedupe.claim(["event:Ev1", "msg:m1", "ts:C:1"])).toBe(false); // Slack's retry
    expect(dedupe.claim(["event:Ev2", "msg:m1", undefined])).toBe(false); // same message as message + app_mention
    expect(dedupe.claim(["event:Ev3", "ts:C:2"])).toBe(true);
    now = 1500;
    expect(dedupe.claim(["event:Ev1"])).toBe(true);
    expect(dedupe.size).toBe(1);
  });

  it("stays bounded", () => {
    const dedupe = new EventDeduper({ max: 3 });
    for (let i = 0; i < 10; i++) dedupe.claim([`k${i}`]);
    expect(dedupe.size).toBeLessThanOrEqual(4);
  });
});
