import { EventEmitter } from "node:events";
import type { ApiCall, Failure, ResponseUrlPost } from "./types.js";

/**
 * What the fake saw, plus a change signal so tests can wait for a condition without polling loops.
 * Every mutation of observable state must call `changed()`.
 */
export class Recorder {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  private readonly signal = new EventEmitter();

  constructor() {
    this.signal.setMaxListeners(0);
  }

  /** Tells waiters that something observable changed. */
  changed(): void {
    this.signal.emit("change");
  }

  /**
   * Resolves with the first truthy value of `probe`, checked now and after every change; rejects after
   * `timeoutMs` with `what` in the message so a failing test says what it was waiting for.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number, what = "condition"): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (!value) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const onChange = (): void => {
        try {
          check();
        } catch (error) {
          cleanup();
          reject(error);
        }
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.signal.off("change", onChange);
      };
      this.signal.on("change", onChange);
      onChange();
    });
  }
}

/** Failures queued per method by `failNext`, consumed one call at a time. */
export class FailureQueue {
  private readonly queues = new Map<string, Failure[]>();

  /** Queues `failure` for the next `failure.times ?? 1` calls of `method`. */
  add(method: string, failure: Failure): void {
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < (failure.times ?? 1); i++) queue.push(failure);
    this.queues.set(method, queue);
  }

  /** The failure for this call of `method`, if one is queued. */
  take(method: string): Failure | undefined {
    return this.queues.get(method)?.shift();
  }

  /** Drops every queued failure. */
  clear(): void {
    this.queues.clear();
  }
}
