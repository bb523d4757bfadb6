import { describe, expect, it, vi } from "vitest";
import { deliveryKey, markReported, statusTable } from "../../src/reminders/index.js";
import type { Delivery } from "../../src/store/index.js";
import { dispatchScene } from "../support/dispatch-setup.js";

const MARCH = "2025-03-20";

describe("the dispatcher", () => {
  it("says nothing more to a unit that reported, and the committee sees it on time", async () => {
    const { store, clock, until, to } = dispatchScene();
    await until("2025-03-17T02:00:00Z"); // before-7 and before-3 went out
    expect(to("so-noi-vu")).toHaveLength(2);
    const answer = markReported(store, {
      deadlineId: "bc-thang",
      occurrence: MARCH,
      unitId: "so-noi-vu",
      by: "telegram:7",
      at: clock.now(),
    });
    expect(answer).toEqual({ ok: true, state: "on-time", due: MARCH });
    await until("2025-04-05T00:00:00Z");
    expect(to("so-noi-vu")).toHaveLength(2);
    expect(to("so-tai-chinh").map((s) => s.at.toISOString().slice(0, 10))).toEqual([
      "2025-03-13",
      "2025-03-17",
      "2025-03-19",
      "2025-03-20",
      "2025-03-24",
      "2025-03-26",
      "2025-03-28",
    ]);
    const escalation = to("btv");
    expect(escalation).toHaveLength(1); // once, two working days after the last notice (Tue 1/4)
    expect(escalation[0]?.at.toISOString()).toBe("2025-04-01T01:00:00.000Z");
    expect(escalation[0]?.reply.text).toContain("Sở Tài chính");
    expect(escalation[0]?.reply.text).not.toContain("Sở Nội vụ");
    const rows = statusTable(store, clock.now(), { deadlineId: "bc-thang" }).filter(
      (r) => r.occurrence === MARCH,
    );
    expect(rows.map((r) => [r.unitId, r.state, r.daysOverdue])).toEqual([
      ["so-tai-chinh", "missing", 16],
      ["so-noi-vu", "on-time", 0],
    ]);
  });

  it("after 3 days down sends ONE overdue notice, not a burst, then keeps the plan's overdue rhythm", async () => {
    const { store, clock, until, to } = dispatchScene({}, {}, ["so-noi-vu"]);
    await until("2025-03-18T02:00:00Z"); // before-7 and before-3 sent; then down until Friday 21/3
    expect(to("so-noi-vu")).toHaveLength(2);
    clock.set("2025-03-21T02:00:00Z"); // before-1 (19/3) and due (20/3) were missed
    await until("2025-03-21T03:00:00Z");
    const burst = to("so-noi-vu").slice(2);
    expect(burst).toHaveLength(1);
    expect(burst[0]?.reply.text).toContain("Đã quá hạn báo cáo");
    expect(burst[0]?.reply.text).toContain("quá 1 ngày");
    const key = (step: string) =>
      deliveryKey.reminder("bc-thang", MARCH, "so-noi-vu", step, {
        messenger: "telegram",
        chatId: "so-noi-vu",
      });
    expect(store.deliveries.get(key("before-1"))).toMatchObject({
      state: "skipped",
      error: "superseded by a later step",
    });
    expect(store.deliveries.get(key("due"))).toMatchObject({
      state: "skipped",
      error: "stale; folded into one overdue notice",
    });
    expect(store.deliveries.get(key("overdue-1"))).toMatchObject({
      state: "sent",
      plannedAt: "2025-03-21T02:00:00.000Z",
    });
    await until("2025-03-29T00:00:00Z");
    const days = to("so-noi-vu")
      .slice(2)
      .map((s) => s.at.toISOString().slice(0, 10));
    expect(days).toEqual(["2025-03-21", "2025-03-26", "2025-03-28"]); // overdue-1's own day (24/3) sends nothing
  });

  it("after 10 days down folds everything missed into one notice under the latest overdue step", async () => {
    const { store, clock, until, to } = dispatchScene({}, {}, ["so-noi-vu"]);
    await until("2025-03-17T02:00:00Z");
    clock.set("2025-03-27T02:00:00Z"); // before-1, due, overdue-1 and overdue-2 were missed
    await until("2025-03-29T00:00:00Z");
    expect(
      to("so-noi-vu")
        .slice(2)
        .map((s) => s.at.toISOString().slice(0, 10)),
    ).toEqual(["2025-03-27", "2025-03-28"]);
    const states = store.deliveries.list().map((d) => [d.step, d.state]);
    expect(states).toEqual([
      ["before-1", "skipped"],
      ["before-3", "sent"],
      ["before-7", "sent"],
      ["due", "skipped"],
      ["overdue-1", "skipped"],
      ["overdue-2", "sent"],
      ["overdue-3", "sent"],
    ]);
  });

  it("sends a step missed by less than the grace window late, as itself", async () => {
    const { clock, until, to } = dispatchScene({}, {}, ["so-noi-vu"]);
    await until("2025-03-20T00:00:00Z");
    clock.set("2025-03-20T05:00:00Z"); // the 08:00 step, four hours late
    await until("2025-03-20T06:00:00Z");
    expect(to("so-noi-vu").at(-1)?.reply.text).toContain("Hôm nay là hạn báo cáo");
    expect(to("so-noi-vu")).toHaveLength(4);
  });

  it("skips a stale upcoming step while the due date is ahead; the next step still comes", async () => {
    const { store, clock, until, to } = dispatchScene({}, {}, ["so-noi-vu"]);
    await until("2025-03-13T02:00:00Z");
    clock.set("2025-03-18T00:00:00Z"); // before-3 (17/3 08:00) is 23 h late
    await until("2025-03-19T02:00:00Z");
    expect(to("so-noi-vu").map((s) => s.reply.text.match(/còn (\d+) ngày/)?.[1])).toEqual(["7", "1"]);
    expect(store.deliveries.list({ state: "skipped" }).map((d) => d.step)).toEqual(["before-3"]);
  });

  it("retries a 'retry' failure after the platform's retryAfter, and gives up after the last attempt", async () => {
    const permanent: Delivery[] = [];
    const { store, clock, outbox, dispatcher, to } = dispatchScene(
      { retry: { baseMs: 60_000, maxAttempts: 3 }, onPermanent: (d) => permanent.push(d) },
      {},
      ["so-noi-vu"],
    );
    clock.set("2025-03-13T01:00:00Z");
    outbox.failNext({ failure: "retry", retryAfterMs: 90_000 });
    await dispatcher.tick();
    const key = deliveryKey.reminder("bc-thang", MARCH, "so-noi-vu", "before-7", {
      messenger: "telegram",
      chatId: "so-noi-vu",
    });
    expect(store.deliveries.get(key)).toMatchObject({
      state: "retry",
      attempts: 1,
      nextAt: "2025-03-13T01:01:30.000Z",
    });
    clock.advance(60_000);
    await dispatcher.tick();
    expect(to("so-noi-vu")).toHaveLength(0);
    clock.advance(30_000);
    await dispatcher.tick();
    expect(to("so-noi-vu")).toHaveLength(1);
    expect(store.deliveries.get(key)).toMatchObject({ state: "sent", attempts: 2 });

    clock.set("2025-03-17T01:00:00Z");
    outbox.failWhen = () => ({ failure: "retry" });
    for (const wait of [0, 60_000, 120_000]) {
      clock.advance(wait);
      await dispatcher.tick();
    }
    expect(outbox.attempts.filter((a) => a.at >= new Date("2025-03-17T00:00:00Z"))).toHaveLength(3);
    expect(permanent.map((d) => [d.step, d.state, d.error])).toEqual([
      ["before-3", "permanent", "gave up after 3 attempts: scripted retry"],
    ]);
    expect(dispatcher.stats()).toMatchObject({ sent: 1, retried: 3, permanent: 1 });
  });

  it("marks an 'uncertain' send, counts it and does not send it again", async () => {
    const uncertain: Delivery[] = [];
    const { store, clock, outbox, dispatcher, until, to } = dispatchScene(
      { onUncertain: (d) => uncertain.push(d) },
      {},
      ["so-noi-vu"],
    );
    clock.set("2025-03-13T01:00:00Z");
    outbox.uncertainArrives = true; // the message did arrive; only the answer was lost
    outbox.failNext({ failure: "uncertain" });
    await until("2025-03-17T02:00:00Z");
    expect(uncertain.map((d) => [d.step, d.state])).toEqual([["before-7", "uncertain"]]);
    expect(outbox.attempts.filter((a) => a.at < new Date("2025-03-14T00:00:00Z"))).toHaveLength(1);
    expect(to("so-noi-vu")).toHaveLength(2); // the uncertain one (arrived) and before-3
    expect(store.deliveries.counts()).toMatchObject({ uncertain: 1, sent: 1 });
    expect(dispatcher.stats().uncertain).toBe(1);
  });

  it("records a 'permanent' failure, tells the admins' hook, and does not retry", async () => {
    const permanent: Delivery[] = [];
    const { clock, outbox, dispatcher, until } = dispatchScene(
      { onPermanent: (d) => permanent.push(d) },
      {},
      ["so-noi-vu"],
    );
    clock.set("2025-03-13T01:00:00Z");
    outbox.failNext({ failure: "permanent" });
    await until("2025-03-14T00:00:00Z");
    expect(permanent).toHaveLength(1);
    expect(permanent[0]).toMatchObject({
      chatId: "so-noi-vu",
      state: "permanent",
      error: "scripted permanent",
    });
    expect(outbox.attempts).toHaveLength(1);
    expect(dispatcher.stats()).toMatchObject({ permanent: 1, sent: 0 });
  });

  it("takes over a claim abandoned by a crashed process after the lease, once, and counts it", async () => {
    const { store, clock, dispatcher, to } = dispatchScene({ claimLeaseMs: 5 * 60_000 }, {}, ["so-noi-vu"]);
    const chat = { messenger: "telegram", chatId: "so-noi-vu" };
    const key = deliveryKey.reminder("bc-thang", MARCH, "so-noi-vu", "before-7", chat);
    const target = {
      key,
      kind: "reminder" as const,
      deadlineId: "bc-thang",
      unitId: "so-noi-vu",
      occurrence: MARCH,
      step: "before-7",
      ...chat,
      plannedAt: "2025-03-13T01:00:00.000Z",
    };
    store.deliveries.claim(target, "crashed", "2025-03-13T01:00:00.000Z");
    clock.set("2025-03-13T01:04:00Z");
    await dispatcher.tick();
    expect(to("so-noi-vu")).toHaveLength(0); // still inside the lease: maybe a live, slow sender
    clock.set("2025-03-13T01:06:00Z");
    await dispatcher.tick();
    await dispatcher.tick();
    expect(to("so-noi-vu")).toHaveLength(1);
    expect(store.deliveries.get(key)).toMatchObject({
      state: "sent",
      recovered: 1,
      attempts: 2,
      owner: dispatcher.owner,
    });
    expect(dispatcher.stats().recovered).toBe(1);
  });

  it("with abandoned: 'uncertain', marks an abandoned claim uncertain instead of resending", async () => {
    const { store, clock, dispatcher, to } = dispatchScene({ abandoned: "uncertain" }, {}, ["so-noi-vu"]);
    clock.set("2025-03-13T01:00:00Z");
    await dispatcher.tick();
    const key = store.deliveries.list()[0]?.key ?? "";
    const target = {
      ...store.deliveries.get(key)!,
      key: key.replace("before-7", "before-3"),
      step: "before-3",
      plannedAt: "2025-03-17T01:00:00.000Z",
    };
    store.deliveries.claim(target, "crashed", "2025-03-17T01:00:00.000Z");
    clock.set("2025-03-17T02:00:00Z");
    await dispatcher.tick();
    expect(store.deliveries.get(target.key)).toMatchObject({
      state: "uncertain",
      error: "claim abandoned by crashed",
    });
    expect(to("so-noi-vu")).toHaveLength(1);
  });

  it("leaves a chat whose messenger has no outbox here unclaimed, for a process that has one", async () => {
    const { store, clock, dispatcher } = dispatchScene({}, {}, ["so-noi-vu"]);
    store.subscriptions.add(
      { unitId: "so-noi-vu", messenger: "slack", chatId: "C1", source: "chat" },
      "2025-03-01T00:00:00Z",
    );
    clock.set("2025-03-13T01:00:00Z");
    await dispatcher.tick();
    expect(store.deliveries.list().map((d) => d.messenger)).toEqual(["telegram"]);
  });

  it("runs on a timer until stopped, without sending anything twice", async () => {
    const { clock, dispatcher, to } = dispatchScene({ intervalMs: 1 }, {}, ["so-noi-vu"]);
    clock.set("2025-03-13T01:00:00Z");
    dispatcher.run();
    dispatcher.run(); // a second call does not start a second loop
    await vi.waitFor(() => expect(to("so-noi-vu")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    await dispatcher.stop();
    clock.set("2025-03-17T01:00:00Z");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(to("so-noi-vu")).toHaveLength(1); // the loop has stopped: before-3, now due, was not sent
  });
});

describe("a messenger that never answers", () => {
  it("gets its send recorded as uncertain after sendTimeoutMs, so the claim does not outlive the lease", async () => {
    const uncertain: Delivery[] = [];
    const { clock, outbox, dispatcher } = dispatchScene(
      { sendTimeoutMs: 20, onUncertain: (d) => uncertain.push(d) },
      {},
      ["so-noi-vu"],
    );
    outbox.send = () => new Promise(() => {});
    clock.set("2025-03-13T01:00:00Z");
    await dispatcher.tick();
    expect(uncertain.map((d) => [d.step, d.error])).toEqual([
      ["before-7", "no answer from the messenger within 20 ms"],
    ]);
  });
});
