/**
 * The parent side of the crash tests and the bench: spawns `reminder-child.ts` processes over one
 * database file, drives their clock tick by tick, SIGKILLs them at random points, and reads the
 * append-only send log back against the sends the scenario must produce.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDispatcher } from "../../src/reminders/index.js";
import { createMemoryStore, openSqliteStore } from "../../src/store/index.js";
import { Child } from "./reminder-process.js";
import { scenarioTicks, seedScenario, sendLine, taggedRenderer } from "./reminder-scenario.js";
import { RecordingOutbox } from "./reminders.js";

/** A deterministic random source (mulberry32), so a failing run can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let expected: Map<string, number> | null = null;

/** The sends the scenario must produce ("<notice id>\t<chat>" → 1), from one uninterrupted in-memory run. */
export async function expectedSends(): Promise<Map<string, number>> {
  if (expected) return expected;
  const store = createMemoryStore();
  seedScenario(store);
  let now = new Date(0);
  const outboxes = new Map([
    ["telegram" as const, new RecordingOutbox("telegram")],
    ["slack" as const, new RecordingOutbox("slack")],
  ]);
  const dispatcher = createDispatcher({ store, outboxes, clock: () => now, renderer: taggedRenderer });
  for (const at of scenarioTicks()) {
    now = at;
    await dispatcher.tick();
  }
  expected = new Map();
  for (const box of outboxes.values())
    for (const s of box.sent)
      expected.set(sendLine(s.reply, s.to), (expected.get(sendLine(s.reply, s.to)) ?? 0) + 1);
  return expected;
}

/** Creates the database file with the scenario in it. */
export function seedDatabase(db: string): void {
  const { store } = openSqliteStore(db);
  seedScenario(store);
  store.close();
}

/** What the log and the ledger say after a run. */
export interface LogReport {
  expected: number;
  logged: number;
  lost: string[];
  unexpected: string[];
  /** Sends beyond the first of each step, and how many of them were claims taken over after a crash. */
  duplicates: string[];
  duplicatesOutsideWindow: string[];
  /** Ledger rows whose claim was taken over after a crash (the uncertain window was entered). */
  recovered: number;
  uncertain: number;
  claimedLeft: number;
  owners: Set<string>;
}

/** Reads the send log and the ledger of `db` against the scenario's expected sends. */
export async function checkLog(log: string, db: string): Promise<LogReport> {
  const want = await expectedSends();
  const counts = new Map<string, number>();
  const owners = new Set<string>();
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const [id, chat, owner] = line.split("\t");
    if (!id || !chat || !owner) continue; // the empty tail (a SIGKILL never splits a single short write)
    counts.set(`${id}\t${chat}`, (counts.get(`${id}\t${chat}`) ?? 0) + 1);
    owners.add(owner);
  }
  const { store } = openSqliteStore(db);
  const rows = store.deliveries.list();
  store.close();
  // The ledger row of a logged send: reminder and digest keys are "<notice id>|<chat>"; an escalation's adds its date.
  const recoveredKeys = new Set(
    rows
      .filter((r) => r.recovered > 0)
      .map((r) =>
        r.kind === "escalation"
          ? `e|${r.deadlineId}|${r.occurrence}\t${r.messenger}:${r.chatId}`
          : r.key.replace(/\|([^|]+)$/, "\t$1"),
      ),
  );
  const duplicates = [...counts].flatMap(([k, n]) => Array<string>(Math.max(0, n - 1)).fill(k));
  return {
    expected: want.size,
    logged: [...counts.values()].reduce((a, b) => a + b, 0),
    lost: [...want.keys()].filter((k) => !counts.has(k)),
    unexpected: [...counts.keys()].filter((k) => !want.has(k)),
    duplicates,
    duplicatesOutsideWindow: duplicates.filter((k) => !recoveredKeys.has(k)),
    recovered: rows.filter((r) => r.recovered > 0).length,
    uncertain: rows.filter((r) => r.state === "uncertain").length,
    claimedLeft: rows.filter((r) => r.state === "claimed").length,
    owners,
  };
}

/** How a kill-and-restart run goes. */
export interface KillOptions {
  dir: string;
  cycles: number;
  seed: number;
  policy?: "resend" | "uncertain";
  /** Upper bound of the random pause between sending a tick and the SIGKILL. */
  killWindowMs?: number;
  maxDelayMs?: number;
}

/** What a kill-and-restart run did, plus the log check. */
export interface KillReport extends LogReport {
  cycles: number;
  killsInTick: number;
  killsAtStart: number;
  ticks: number;
  seconds: number;
}

/**
 * Runs the scenario's ticks through a chain of child processes over one database, killing each
 * of the first `cycles` children with SIGKILL at a random point (one in eight while it opens the
 * database, the others during a tick, mostly an 08:00 tick that sends), the last one running to the end.
 * The tick a child died in is run again by the next one, as a restarted service would.
 */
export async function killAndRestart(o: KillOptions): Promise<KillReport> {
  const started = Date.now();
  const db = path.join(o.dir, "cadre.db");
  const log = path.join(o.dir, "sends.log");
  seedDatabase(db);
  const rnd = random(o.seed);
  const ticks = scenarioTicks();
  const busy = ticks.map((t, i) => (t.getUTCHours() === 1 ? i : -1)).filter((i) => i >= 0);
  const targets = new Set<number>();
  while (targets.size < o.cycles)
    targets.add(
      rnd() < 0.8 ? (busy[Math.floor(rnd() * busy.length)] ?? 0) : Math.floor(rnd() * ticks.length),
    );
  const kills = [...targets].sort((a, b) => a - b);
  let n = 0;
  const spawnNext = () => {
    n += 1;
    const child = new Child(db, log, `p${n}`, o.policy, o.maxDelayMs);
    return { child, ready: child.ready() };
  };
  const queue = [spawnNext(), spawnNext()];
  const take = async () => {
    const next = queue.shift() ?? spawnNext();
    queue.push(spawnNext());
    await next.ready;
    return next.child;
  };
  let i = 0; // the first tick not known to be done
  let killsAtStart = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (const target of kills) {
    const child = await take();
    if (rnd() < 0.125) {
      void child.go().catch(() => {});
      await pause(rnd() * 15);
      await child.kill();
      killsAtStart += 1;
      continue;
    }
    await child.go();
    child.run(i, target);
    await child.done(target - 1); // now in (or just past) the target tick, an 08:00 one that sends
    await pause(rnd() * (o.killWindowMs ?? 40));
    await child.kill();
    await new Promise((resolve) => setImmediate(resolve)); // let the last "done" lines be read
    i = child.lastDone + 1; // the tick it died in runs again in the next child
  }
  const last = await take();
  await last.go();
  if (i < ticks.length) {
    last.run(i, ticks.length - 1);
    await last.done(ticks.length - 1);
  }
  await last.close();
  for (const spare of queue) await spare.child.close();
  const report = await checkLog(log, db);
  return {
    ...report,
    cycles: kills.length,
    killsInTick: kills.length - killsAtStart,
    killsAtStart,
    ticks: ticks.length,
    seconds: (Date.now() - started) / 1000,
  };
}
