/**
 * The dispatcher's public types: its options (dependencies first), its counters, its handle.
 */
import type { MessengerName, Outbox } from "../chat/types.js";
import type { Delivery, Store } from "../store/index.js";
import type { HolidayOptions } from "./calendar/index.js";
import type { Renderer } from "./messages.js";

/** Back-off for "retry" failures: base × 2^(attempt−1), capped, at least the platform's retryAfterMs. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Sends in all (the first included) before a retryable failure counts as permanent. */
  maxAttempts: number;
}

/** Where the dispatcher writes what it does; `console` fits, so does a pino-style logger. */
export interface DispatcherLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Everything the dispatcher needs; only `store`, `outboxes` and `clock` are required. */
export interface DispatcherOptions {
  store: Store;
  outboxes: ReadonlyMap<MessengerName, Outbox>;
  clock: () => Date;
  renderer?: Renderer;
  log?: DispatcherLog;
  /** How late a step may still go out as itself (default 12 h: a 08:00 step until 20:00). */
  graceMs?: number;
  /** A claim older than this with no outcome was abandoned by a crashed process (default 5 min). */
  claimLeaseMs?: number;
  /** A send with no answer after this is recorded as uncertain (default 60 s; keep it under the lease). */
  sendTimeoutMs?: number;
  /** What to do with an abandoned claim (see the file comment); default "resend". */
  abandoned?: "resend" | "uncertain";
  retry?: Partial<RetryPolicy>;
  /** Pause between ticks of `run()` (default 30 s). */
  intervalMs?: number;
  holidays?: HolidayOptions;
  /** The weekly digest: Monday at `time` in `zone` (default 08:00 Asia/Ho_Chi_Minh); false for none. */
  digest?: { zone?: string; time?: string } | false;
  /** A delivery failed for good (bot removed from the group…): tell the admins. */
  onPermanent?: (delivery: Delivery) => void;
  /** A delivery may or may not have arrived; it is not resent. */
  onUncertain?: (delivery: Delivery) => void;
  /** This instance's name in the ledger (default: random). */
  owner?: string;
}

/** What one tick (or the instance so far, in `stats()`) did. */
export interface DispatchStats {
  sent: number;
  retried: number;
  uncertain: number;
  permanent: number;
  skipped: number;
  /** Abandoned claims taken over and sent again. */
  recovered: number;
  /** Outcomes not recorded because another dispatcher took the claim over meanwhile. */
  lostClaims: number;
}

/** A running dispatcher. */
export interface Dispatcher {
  readonly owner: string;
  /** Does all the work due at `clock()`; ticks never overlap (a second call waits for the first). */
  tick(): Promise<DispatchStats>;
  /** Ticks every `intervalMs` until `stop()`. */
  run(): void;
  /** Stops the loop and waits for the tick in progress; idempotent. */
  stop(): Promise<void>;
  /** Totals since creation. */
  stats(): DispatchStats;
}

/** Counters all at zero. */
export const zeroStats = (): DispatchStats => ({
  sent: 0,
  retried: 0,
  uncertain: 0,
  permanent: 0,
  skipped: 0,
  recovered: 0,
  lostClaims: 0,
});
