import { ApiError, defaultDescription, tooManyRequests } from "./errors.js";
import type { Failure } from "./types.js";

/** When and how often an injected failure applies. */
export interface FailOptions {
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Only calls whose parameters pass this test fail, e.g. `(p) => p.chat_id === group.id`. */
  when?: (params: Record<string, unknown>) => boolean;
}

interface Armed {
  method: string;
  failure: Failure;
  remaining: number;
  when: ((params: Record<string, unknown>) => boolean) | undefined;
}

/** Failures armed by a test, consumed by the next matching calls in arrival order. */
export class FailureQueue {
  private armed: Armed[] = [];

  add(method: string, failure: Failure, options: FailOptions = {}): void {
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new Error("fake-telegram: times must be a positive integer");
    this.armed.push({ method: method.toLowerCase(), failure, remaining: times, when: options.when });
  }

  /** The failure for this call, if one is armed; uses up one of its `times`. */
  take(method: string, params: Record<string, unknown>): Failure | undefined {
    const name = method.toLowerCase();
    const armed = this.armed.find((a) => a.method === name && (a.when === undefined || a.when(params)));
    if (!armed) return undefined;
    armed.remaining--;
    if (armed.remaining === 0) this.armed = this.armed.filter((a) => a !== armed);
    return armed.failure;
  }

  /** Failures still armed (a test can assert they were all used). */
  count(): number {
    return this.armed.reduce((sum, a) => sum + a.remaining, 0);
  }

  clear(): void {
    this.armed = [];
  }
}

/** The Bot API error an injected `{code, …}` failure answers with. */
export function failureError(failure: { code: number; description?: string; retryAfter?: number }): ApiError {
  if (failure.code === 429 && failure.description === undefined)
    return tooManyRequests(failure.retryAfter ?? 1);
  const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined;
  return new ApiError(failure.code, failure.description ?? defaultDescription(failure.code), parameters);
}
