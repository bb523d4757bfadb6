import { type Update, ZaloApiError, type ZaloClient } from "./client.js";
import { describeError } from "./errors.js";

/** Waits between failed polls: doubling from `minMs` up to `maxMs`. */
export interface Backoff {
  minMs: number;
  maxMs: number;
}

/** Default backoff: 1 s, 2 s, 4 s … at most 60 s between attempts while the API fails. */
export const DEFAULT_BACKOFF: Backoff = { minMs: 1000, maxMs: 60_000 };

/** A pause that ends early when `signal` aborts (stop must not wait out a minute of backoff). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** The wait after the `failures`-th failure in a row. */
export function backoffDelay(failures: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.max(0, failures - 1));
}

/** What the long-polling loop needs. */
export interface PollLoop {
  client: ZaloClient;
  /** Seconds one `getUpdates` may wait (Zalo's default 30). */
  waitSeconds: number;
  signal: AbortSignal;
  backoff: Backoff;
  /** Handles one update; the next poll starts once it is done, so a chat's messages keep their order. */
  onUpdate(update: Update): Promise<void>;
  log(line: string): void;
  /** The pause between failed polls (tests record the delays instead of waiting them). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Long polling until `signal` aborts. "Request timeout" (408) only means nothing came. Any other
 * failure — the server down, 5xx, 429, a revoked token — is logged and the loop waits with
 * exponential backoff and a cap, so it neither spins nor dies; the first success resets the wait.
 */
export async function pollUpdates(loop: PollLoop): Promise<void> {
  const pause = loop.sleep ?? sleep;
  let failures = 0;
  while (!loop.signal.aborted) {
    let updates: Update[];
    try {
      updates = await loop.client.getUpdates(loop.waitSeconds, loop.signal);
    } catch (error) {
      if (loop.signal.aborted) break;
      failures++;
      const delay = backoffDelay(failures, loop.backoff);
      const hint =
        error instanceof ZaloApiError && error.code === 401 ? " (check ZALO_BOT_TOKEN: Zalo rejects it)" : "";
      loop.log(`zalo: getUpdates failed: ${describeError(error)}${hint}; next try in ${delay} ms`);
      await pause(delay, loop.signal);
      continue;
    }
    failures = 0;
    for (const update of updates) await loop.onUpdate(update);
  }
}
