/**
 * What a failed send means for the ledger: the Outbox contract's `DeliveryError` kinds mapped to an
 * outcome, with the back-off of retryable failures; and a timeout that turns a send with no answer
 * into an uncertain one (the request may have arrived), so a hung platform cannot hold a claim.
 */
import { DeliveryError } from "../chat/types.js";
import type { DeliveryOutcome } from "../store/index.js";
import type { RetryPolicy } from "./dispatch-types.js";

/**
 * The outcome of a send that threw, on its attempt number `attempts` at `now`. Anything other than
 * a `DeliveryError` breaks the contract: nobody knows whether it left, so it is uncertain.
 */
export function failureOutcome(
  error: unknown,
  attempts: number,
  retry: RetryPolicy,
  now: Date,
): DeliveryOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DeliveryError)) return { state: "uncertain", error: `unexpected: ${message}` };
  if (error.failure !== "retry") return { state: error.failure, error: message };
  if (attempts >= retry.maxAttempts)
    return { state: "permanent", error: `gave up after ${attempts} attempts: ${message}` };
  const backoff = Math.min(retry.maxMs, retry.baseMs * 2 ** (attempts - 1));
  return {
    state: "retry",
    nextAt: new Date(now.getTime() + Math.max(backoff, error.retryAfterMs ?? 0)).toISOString(),
    error: message,
  };
}

/** Races `work` against a real-time timer; on expiry rejects with an "uncertain" `DeliveryError`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError("uncertain", `no answer from the messenger within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
