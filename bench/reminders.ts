/**
 * Reminder dispatcher figures: kill-and-restart (cycles, sends, lost, duplicates, claims taken over,
 * uncertain) under both policies for abandoned claims, then throughput: sends per second through
 * the SQLite ledger (each send = a claim commit and an outcome commit, synchronous = FULL) and the
 * cost of a tick with nothing to send for a large deployment.
 *
 *   node --import tsx bench/reminders.ts [--cycles 50] [--seed 1] [--units 300] [--deadlines 40]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDispatcher } from "../src/reminders/index.js";
import { createMemoryStore, openSqliteStore, type Store } from "../src/store/index.js";
import { killAndRestart } from "../test/support/reminder-harness.js";
import { aDeadline, aUnit, RecordingOutbox, seed } from "../test/support/reminders.js";

const { values } = parseArgs({
  options: {
    cycles: { type: "string", default: "50" },
    seed: { type: "string", default: "1" },
    units: { type: "string", default: "300" },
    deadlines: { type: "string", default: "40" },
  },
});
const root = mkdtempSync(path.join(tmpdir(), "cadre-bench-rem-"));

async function crashes() {
  for (const policy of ["resend", "uncertain"] as const) {
    const r = await killAndRestart({
      dir: path.join(root, policy),
      cycles: Number(values.cycles),
      seed: Number(values.seed),
      policy,
    });
    console.log(
      `kill/restart (abandoned claims: ${policy}): cycles ${r.cycles} (${r.killsInTick} in a tick, ${r.killsAtStart} at start-up), ` +
        `${r.ticks} ticks, expected ${r.expected} sends, logged ${r.logged}, lost ${r.lost.length}, ` +
        `duplicates ${r.duplicates.length} (outside the uncertain window: ${r.duplicatesOutsideWindow.length}), ` +
        `claims taken over ${r.recovered}, uncertain ${r.uncertain}, claims left ${r.claimedLeft}, ${r.seconds.toFixed(1)} s`,
    );
  }
}

// `units` units owing one monthly report each (due 20/3/2025), all reached on Telegram.
function fill(store: Store, units: number, deadlines: number) {
  const list = Array.from({ length: units }, (_, i) => aUnit({ id: `u${i}`, name: `Đơn vị ${i}` }));
  const per = Math.ceil(units / deadlines);
  const ds = Array.from({ length: deadlines }, (_, i) =>
    aDeadline({
      id: `d${i}`,
      unitIds: list.slice(i * per, (i + 1) * per).map((u) => u.id),
      startsOn: "2025-03-01",
    }),
  );
  seed(store, list, ds);
}

async function throughput(name: string, store: Store) {
  const units = Number(values.units);
  fill(store, units, Number(values.deadlines));
  let now = new Date("2025-03-13T01:00:00Z"); // before-7 for every unit
  const outbox = new RecordingOutbox("telegram");
  const dispatcher = createDispatcher({
    store,
    outboxes: new Map([["telegram", outbox]]),
    clock: () => now,
    digest: false,
  });
  let t = performance.now();
  await dispatcher.tick();
  const sendMs = performance.now() - t;
  now = new Date("2025-03-14T01:00:00Z"); // nothing due
  const quiet = 50;
  t = performance.now();
  for (let i = 0; i < quiet; i += 1) await dispatcher.tick();
  const tickMs = (performance.now() - t) / quiet;
  console.log(
    `${name}: ${outbox.sent.length} sends in one tick, ${((outbox.sent.length / sendMs) * 1000).toFixed(0)} sends/s; ` +
      `a tick with nothing due (${units} units, ${values.deadlines} deadlines): ${tickMs.toFixed(2)} ms`,
  );
  store.close();
}

try {
  await crashes();
  await throughput(
    "SQLite file (WAL, synchronous=FULL)",
    openSqliteStore(path.join(root, "tp", "cadre.db")).store,
  );
  await throughput("in memory", createMemoryStore());
} finally {
  rmSync(root, { recursive: true, force: true });
}
