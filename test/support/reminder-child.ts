/**
 * A dispatcher in its own process, for the crash and two-process tests: node --import tsx
 * reminder-child.ts DB LOG OWNER [POLICY] [MAX_DELAY_MS].
 *
 * Protocol (lines): the child prints "ready" once loaded and waits for "go" (so a parent can start
 * it ahead of time); then opens the database, prints "open", and for each "run I J" runs the
 * scenario's ticks I to J (indices into `scenarioTicks()`, the fast simulated clock), printing
 * "done K" after tick K; "exit" closes and exits. Ticks go without a round trip to the parent.
 * Its outboxes (telegram, slack) append "<notice id>\t<chat>\t<owner>" to LOG and fsync it: that
 * is the moment of delivery. A random pause of up to MAX_DELAY_MS before it (the request in flight)
 * and after it (the response in flight) gives a SIGKILL room to land on either side.
 */
import { fsyncSync, openSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Destination, MessengerName, Outbox, Reply } from "../../src/chat/types.js";
import { createDispatcher } from "../../src/reminders/index.js";
import { openSqliteStore } from "../../src/store/index.js";
import { scenarioTicks, sendLine, taggedRenderer } from "./reminder-scenario.js";

const [dbFile, logFile, owner, policy = "resend", maxDelay = "2"] = process.argv.slice(2);
if (!dbFile || !logFile || !owner)
  throw new Error("usage: reminder-child.ts DB LOG OWNER [resend|uncertain] [MAX_DELAY_MS]");

const log = openSync(logFile, "a");
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * Number(maxDelay)));
let sent = 0;
const outbox = (messenger: MessengerName): Outbox => ({
  messenger,
  async send(to: Destination, reply: Reply) {
    await pause();
    writeSync(log, `${sendLine(reply, to)}\t${owner}\n`);
    fsyncSync(log);
    await pause();
    sent += 1;
    return { messageIds: [`${owner}-${sent}`] };
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
say("ready");
const first = await lines.next();
if (first.done || first.value !== "go") process.exit(0);

const { store } = openSqliteStore(dbFile);
let now = new Date(0);
const dispatcher = createDispatcher({
  store,
  outboxes: new Map([
    ["telegram", outbox("telegram")],
    ["slack", outbox("slack")],
  ]),
  clock: () => now,
  renderer: taggedRenderer,
  owner,
  abandoned: policy === "uncertain" ? "uncertain" : "resend",
  log: {
    info: () => {},
    warn: () => {},
    error: (m, d) => process.stderr.write(`${m} ${JSON.stringify(d)}\n`),
  },
});
say("open");
const ticks = scenarioTicks();
for (let next = await lines.next(); !next.done; next = await lines.next()) {
  const [command, from, to] = next.value.split(" ");
  if (command === "exit") break;
  if (command === "run") {
    for (let k = Number(from); k <= Number(to) && k < ticks.length; k += 1) {
      now = ticks[k] as Date;
      await dispatcher.tick();
      say(`done ${k}`);
    }
  }
}
store.close();
process.exit(0);
