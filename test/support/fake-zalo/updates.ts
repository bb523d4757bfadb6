import { ApiError } from "./server.js";
import type { Update } from "./types.js";

interface Waiter {
  give(update: Update): void;
}

/**
 * Long polling as Zalo does it: no offsets, each `getUpdates` takes one update off the queue, or
 * waits up to `timeout` seconds for one and then answers 408 "Request timeout". A request the
 * client abandons takes nothing.
 */
export class UpdateQueue {
  private readonly queue: Update[] = [];
  private readonly waiters: Waiter[] = [];

  constructor(private readonly changed: () => void) {}

  /** Hands `update` to a waiting poll, or queues it. */
  add(update: Update): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.give(update);
    else this.queue.push(update);
  }

  /** Updates not yet taken. */
  size(): number {
    return this.queue.length;
  }

  /** A poll is waiting (the bot is done with what it took before). */
  waiting(): boolean {
    return this.waiters.length > 0;
  }

  /** Empties the queue (a webhook was set: the updates are pushed instead). */
  drain(): Update[] {
    return this.queue.splice(0);
  }

  /** `getUpdates {timeout}`. */
  take(params: Record<string, unknown>, signal: AbortSignal): Promise<Update> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    const seconds = params.timeout === undefined ? 30 : Number(params.timeout);
    if (!Number.isFinite(seconds) || seconds < 0) throw new ApiError(400, "Bad Request: timeout is invalid");
    return new Promise<Update>((resolve, reject) => {
      const waiter: Waiter = {
        give: (update) => {
          clearTimeout(timer);
          resolve(update);
        },
      };
      const leave = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        clearTimeout(timer);
        this.changed();
      };
      const timer = setTimeout(() => {
        leave();
        reject(new ApiError(408, "Request timeout"));
      }, seconds * 1000);
      signal.addEventListener("abort", () => {
        leave();
        reject(new ApiError(499, "client closed the request"));
      });
      this.waiters.push(waiter);
      this.changed();
    });
  }
}
