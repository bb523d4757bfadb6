/**
 * Exactly-once under crashes and concurrency: two dispatchers on one database file (in one process,
 * then in two processes), and a chain of dispatcher processes killed with SIGKILL at random points.
 * The send log is appended and fsynced by the outbox at the moment of delivery; it is compared with
 * the sends of one uninterrupted in-memory run of the same scenario.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/reminders/index.js";
import { openSqliteStore } from "../../src/store/index.js";
import { checkLog, expectedSends, killAndRestart, seedDatabase } from "../support/reminder-harness.js";
import { Child } from "../support/reminder-process.js";
import { scenarioTicks, sendLine, taggedRenderer } from "../support/reminder-scenario.js";
import { RecordingOutbox } from "../support/reminders.js";

const root = mkdtempSync(path.join(tmpdir(), "cadre-crash-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dirFor = (name: string) => path.join(root, name);

describe("two dispatchers on one database", () => {
  it("in one process, racing tick for tick, never send the same step twice and lose none", async () => {
    const db = path.join(dirFor("two-in-process"), "cadre.db");
    seedDatabase(db);
    let now = new Date(0);
    const make = (owner: string) => {
      const { store } = openSqliteStore(db);
      const outboxes = new Map([
        ["telegram" as const, new RecordingOutbox("telegram")],
        ["slack" as const, new RecordingOutbox("slack")],
      ]);
      const dispatcher = createDispatcher({
        store,
        outboxes,
        clock: () => now,
        renderer: taggedRenderer,
        owner,
      });
      return { store, outboxes, dispatcher };
    };
    const a = make("A");
    const b = make("B");
    for (const at of scenarioTicks()) {
      now = at;
      await Promise.all([a.dispatcher.tick(), b.dispatcher.tick()]);
    }
    const lines = [a, b].flatMap((x) =>
      [...x.outboxes.values()].flatMap((o) => o.sent.map((s) => sendLine(s.reply, s.to))),
    );
    const want = await expectedSends();
    expect(lines.length).toBe(new Set(lines).size);
    expect(new Set(lines)).toEqual(new Set(want.keys()));
    expect(a.dispatcher.stats().sent).toBeGreaterThan(0);
    expect(b.dispatcher.stats().sent).toBeGreaterThan(0);
    a.store.close();
    b.store.close();
  }, 120_000);

  it("in two processes driven by one clock, never send the same step twice and lose none", async () => {
    const dir = dirFor("two-processes");
    const db = path.join(dir, "cadre.db");
    const log = path.join(dir, "sends.log");
    seedDatabase(db);
    const children = [new Child(db, log, "first"), new Child(db, log, "second")];
    await Promise.all(children.map((c) => c.ready()));
    await Promise.all(children.map((c) => c.go()));
    const ticks = scenarioTicks();
    // One clock: both run each tick, then wait for each other (processes sharing a database must
    // agree on the time within the claim lease, as NTP-synchronised servers do).
    for (let k = 0; k < ticks.length; k += 1) {
      for (const c of children) c.run(k, k);
      await Promise.all(children.map((c) => c.done(k)));
    }
    await Promise.all(children.map((c) => c.close()));
    const report = await checkLog(log, db);
    expect(report.lost).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.claimedLeft).toBe(0);
    expect(report.owners).toEqual(new Set(["first", "second"]));
  }, 120_000);
});

describe("kill and restart", () => {
  it("after 50 SIGKILLs at random points loses no reminder; duplicates only from claims taken over after a crash", async () => {
    const report = await killAndRestart({
      dir: dirFor("kill"),
      cycles: 50,
      seed: Number(process.env.KILL_SEED ?? 20250320),
    });
    const summary = {
      cycles: report.cycles,
      killsInTick: report.killsInTick,
      expected: report.expected,
      logged: report.logged,
      lost: report.lost.length,
      duplicates: report.duplicates.length,
      recovered: report.recovered,
      seconds: report.seconds,
    };
    console.info("kill/restart:", JSON.stringify(summary));
    expect(report.cycles).toBe(50);
    expect(report.lost).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.claimedLeft).toBe(0);
    expect(report.duplicatesOutsideWindow).toEqual([]);
    expect(report.duplicates.length).toBeLessThanOrEqual(report.recovered);
    expect(report.recovered).toBeGreaterThan(0); // some kills did land between a claim and its outcome
  }, 240_000);
});
