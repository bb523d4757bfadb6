/**
 * The reminder dispatcher: at each tick it works out what is due (dispatch-targets.ts), claims each
 * delivery durably in the ledger BEFORE sending, sends through the messenger's `Outbox`, and records
 * the outcome. Exactly once per key, across restarts and across processes sharing the database:
 *
 * - claim = an INSERT of the unique key; of two dispatchers only one inserts, the other skips it;
 * - "retry" failures (known not delivered) go back to the ledger with a back-off that honours the
 *   platform's retryAfterMs; after `retry.maxAttempts` sends they become permanent;
 * - "uncertain" failures (the request may have arrived) are marked, counted and NOT resent;
 * - "permanent" failures are recorded and handed to `onPermanent` (the admins are told);
 * - the uncertain window of a crash: a claim with no outcome after `claimLeaseMs` means its process
 *   died between claiming and recording. By default (`abandoned: "resend"`) it is taken over and
 *   sent again (counted in `recovered`) when still inside `graceMs`: nothing is lost, and a
 *   duplicate is possible only if the crash fell after the platform accepted the message and before
 *   the outcome was committed. `abandoned: "uncertain"` marks such claims uncertain instead (no
 *   duplicate, but a crash before the send loses that message). A send with no answer after
 *   `sendTimeoutMs` (60 s) is recorded uncertain, so a live claim never outlives the lease; processes
 *   sharing a database must agree on the time to well within the lease (NTP does).
 *
 * Nothing reads the process time zone: instants are UTC, calendar days come from each deadline's zone.
 */
import { randomUUID } from "node:crypto";
import { DeliveryError, type MessengerName, type Reply } from "../chat/types.js";
import type { DeliveryOutcome, DeliveryTarget } from "../store/index.js";
import { DEFAULT_ZONE } from "./calendar/index.js";
import { digestDecisions } from "./dispatch-digest.js";
import { noticeFor } from "./dispatch-notices.js";
import { failureOutcome, withTimeout } from "./dispatch-outcome.js";
import { chatIndex, type Decision, decisionsFor } from "./dispatch-targets.js";
import {
  type Dispatcher,
  type DispatcherLog,
  type DispatcherOptions,
  type DispatchStats,
  type RetryPolicy,
  zeroStats,
} from "./dispatch-types.js";
import { renderNotice } from "./messages.js";

const silent: DispatcherLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Builds a dispatcher; call `tick()` from tests with a fake clock, `run()` in `main`. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, clock } = options;
  const log = options.log ?? silent;
  const render = options.renderer ?? renderNotice;
  const owner = options.owner ?? `d-${process.pid}-${randomUUID().slice(0, 8)}`;
  const graceMs = options.graceMs ?? 12 * 3_600_000;
  const leaseMs = options.claimLeaseMs ?? 5 * 60_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  const retry: RetryPolicy = { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 6, ...options.retry };
  const holidays = options.holidays ?? {};
  const digest = options.digest === false ? null : { zone: DEFAULT_ZONE, time: "08:00", ...options.digest };
  const totals = zeroStats();
  let current: Promise<DispatchStats> = Promise.resolve(zeroStats());

  const outboxFor = (messenger: string) => options.outboxes.get(messenger as MessengerName);
  const iso = () => clock().toISOString();

  function finish(key: string, attempts: number, outcome: DeliveryOutcome, s: DispatchStats) {
    if (!store.deliveries.record(key, owner, attempts, outcome, iso())) {
      s.lostClaims += 1;
      log.warn("reminder outcome not recorded: another dispatcher took the claim over", {
        key,
        outcome: outcome.state,
      });
      return;
    }
    const row = store.deliveries.get(key);
    if (outcome.state === "sent") s.sent += 1;
    else if (outcome.state === "retry") s.retried += 1;
    else if (outcome.state === "skipped") s.skipped += 1;
    else if (outcome.state === "uncertain") {
      s.uncertain += 1;
      if (row) options.onUncertain?.(row);
    } else {
      s.permanent += 1;
      if (row) options.onPermanent?.(row);
    }
    if (outcome.state !== "sent" && outcome.state !== "skipped")
      log.warn(`reminder ${outcome.state}`, { key, error: outcome.error });
  }

  // Sends a target this dispatcher holds the claim of (attempt number `attempts`), then records the outcome.
  async function send(t: DeliveryTarget, attempts: number, s: DispatchStats) {
    const now = clock();
    const built = noticeFor(store, t, now, holidays);
    if ("skip" in built) return finish(t.key, attempts, { state: "skipped", error: built.skip }, s);
    const outbox = outboxFor(t.messenger);
    if (!outbox)
      return finish(
        t.key,
        attempts,
        { state: "permanent", error: `no ${t.messenger} messenger is configured` },
        s,
      );
    let reply: Reply;
    try {
      reply = render(built.notice, built.lang);
    } catch (error) {
      log.error("a reminder could not be rendered", { key: t.key, error: String(error) });
      return finish(t.key, attempts, { state: "permanent", error: `not rendered: ${String(error)}` }, s);
    }
    let outcome: DeliveryOutcome;
    try {
      const to = t.threadId
        ? { messenger: outbox.messenger, chatId: t.chatId, threadId: t.threadId }
        : { messenger: outbox.messenger, chatId: t.chatId };
      const result = await withTimeout(outbox.send(to, reply), sendTimeoutMs);
      outcome = { state: "sent", messageIds: result.messageIds };
    } catch (error) {
      if (!(error instanceof DeliveryError))
        log.error("outbox threw something other than DeliveryError", { key: t.key, error: String(error) });
      outcome = failureOutcome(error, attempts, retry, clock());
    }
    finish(t.key, attempts, outcome, s);
  }

  async function apply(decision: Decision, s: DispatchStats) {
    if ("skip" in decision) {
      if (store.deliveries.skip(decision.skip, decision.reason, iso())) s.skipped += 1;
      return;
    }
    if (!outboxFor(decision.send.messenger)) return; // not configured here: leave it for a process that has it
    if (store.deliveries.claim(decision.send, owner, iso())) await send(decision.send, 1, s);
  }

  async function recoverAbandoned(s: DispatchStats) {
    const now = clock();
    for (const row of store.deliveries.abandoned(new Date(now.getTime() - leaseMs).toISOString())) {
      const stale = row.kind === "reminder" && now.getTime() - Date.parse(row.plannedAt) > graceMs;
      const taken = store.deliveries.reclaim(
        row.key,
        owner,
        iso(),
        new Date(now.getTime() - leaseMs).toISOString(),
      );
      if (!taken) continue;
      log.warn("taking over an abandoned reminder claim", {
        key: row.key,
        holder: row.owner,
        policy: options.abandoned ?? "resend",
      });
      if (options.abandoned === "uncertain")
        finish(row.key, taken.attempts, { state: "uncertain", error: `claim abandoned by ${row.owner}` }, s);
      else if (stale)
        finish(
          row.key,
          taken.attempts,
          { state: "skipped", error: `claim abandoned by ${row.owner}; stale` },
          s,
        );
      else {
        s.recovered += 1;
        await send(taken, taken.attempts, s);
      }
    }
  }

  async function work(): Promise<DispatchStats> {
    const s = zeroStats();
    try {
      await recoverAbandoned(s);
      for (const row of store.deliveries.dueRetries(iso())) {
        const taken = store.deliveries.reclaim(row.key, owner, iso());
        if (taken) await send(taken, taken.attempts, s);
      }
      const target = { now: clock(), graceMs, holidays, chats: chatIndex(store) };
      for (const d of store.deadlines.list({ active: true })) {
        try {
          for (const decision of decisionsFor(store, d, { ...target, now: clock() }))
            await apply(decision, s);
        } catch (error) {
          log.error("reminders of a deadline failed this tick", { deadline: d.id, error: String(error) });
        }
      }
      if (digest)
        for (const decision of digestDecisions(store, { ...target, now: clock(), ...digest }))
          await apply(decision, s);
    } catch (error) {
      log.error("reminder tick failed", { error: String(error) });
    }
    for (const k of Object.keys(s) as (keyof DispatchStats)[]) totals[k] += s[k];
    return s;
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const tick = () => {
    current = current.then(work, work);
    return current;
  };
  return {
    owner,
    tick,
    run() {
      if (running) return;
      running = true;
      void (async () => {
        while (running) {
          await tick();
          if (!running) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, options.intervalMs ?? 30_000);
          });
        }
      })();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await current;
    },
    stats: () => ({ ...totals }),
  };
}
