import type { Clock } from "./clock.js";
import { type ApiError, terminatedByOtherPoll } from "./errors.js";
import type { Update } from "./types.js";

/** An update before the queue numbers it. */
export type UpdateBody = Omit<Update, "update_id">;

/** Update types Telegram leaves out when `allowed_updates` is empty or was never set. */
const OPT_IN_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** The kind of an update: its one field besides `update_id`. */
export function updateType(update: UpdateBody | Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

interface Waiter {
  limit: number;
  wake(): void;
  fail(error: ApiError): void;
}

/** Options of one `getUpdates` call, already validated. */
export interface PollRequest {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
}

/**
 * The bot's pending updates and Telegram's long-polling rules: updates stay until a later `offset`
 * confirms them, a request waits up to `timeout` seconds for the first one, and a second request
 * terminates the first with 409. Webhook delivery drains the same queue.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private nextId: number;
  private allowed: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private readonly listeners = new Set<() => void>();
  /** Updates dropped because their type was not in `allowed_updates` when they happened. */
  readonly filteredOut: Update[] = [];

  constructor(
    private readonly clock: Clock,
    firstUpdateId: number,
  ) {
    this.nextId = firstUpdateId;
  }

  /**
   * Adds an update. Like Telegram, `allowed_updates` is applied when the update happens, not when it
   * is fetched. The update is deep-copied so later edits of the same message do not change it.
   */
  add(body: UpdateBody): Update {
    const update = { update_id: this.nextId++, ...structuredClone(body) } as Update;
    const type = updateType(update);
    const allowed = this.allowed ? this.allowed.has(type) : !OPT_IN_TYPES.has(type);
    if (!allowed) {
      this.filteredOut.push(update);
      return update;
    }
    this.pending.push(update);
    const waiter = this.waiter;
    // wake on the next turn so updates produced together (poll_answer + poll) arrive in one batch
    if (waiter) setImmediate(() => this.waiter === waiter && waiter.wake());
    for (const listener of this.listeners) listener();
    return update;
  }

  /** Sets `allowed_updates` (an empty list restores the default set). */
  setAllowed(types: string[] | undefined): void {
    if (types === undefined) return;
    this.allowed = types.length === 0 ? undefined : new Set(types);
  }

  /** The `allowed_updates` currently in force, if any were set. */
  allowedUpdates(): string[] | undefined {
    return this.allowed ? [...this.allowed] : undefined;
  }

  /** Updates not yet confirmed (what `getWebhookInfo.pending_update_count` counts). */
  list(): Update[] {
    return [...this.pending];
  }

  /** Drops every pending update (`drop_pending_updates`). */
  clear(): void {
    this.pending = [];
  }

  /** Called whenever an update is queued (webhook delivery listens). */
  onUpdate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Removes one delivered update (webhook mode). */
  remove(updateId: number): void {
    this.pending = this.pending.filter((u) => u.update_id !== updateId);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else this.pending = this.pending.slice(offset);
  }

  /** Ends a waiting long poll with `error` (e.g. when a webhook is set meanwhile). */
  interrupt(error: ApiError): void {
    this.waiter?.fail(error);
  }

  /** Answers a waiting long poll with nothing (on shutdown). */
  release(): void {
    this.waiter?.wake();
  }

  /**
   * One `getUpdates` call. Resolves with the updates to return, or rejects with an ApiError when a
   * newer call terminates it. `signal` fires when the client goes away (grammY aborts on `bot.stop()`).
   */
  poll(request: PollRequest, signal: AbortSignal): Promise<Update[]> {
    this.confirm(request.offset);
    this.setAllowed(request.allowedUpdates);
    this.waiter?.fail(terminatedByOtherPoll());
    const ready = this.pending.slice(0, request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || signal.aborted) return Promise.resolve(ready);

    return new Promise((resolve, reject) => {
      let cancelTimer = () => {};
      const finish = () => {
        cancelTimer();
        signal.removeEventListener("abort", onAbort);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const waiter: Waiter = {
        limit: request.limit,
        wake: () => {
          finish();
          resolve(this.pending.slice(0, request.limit));
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const onAbort = () => {
        finish();
        resolve([]);
      };
      this.waiter = waiter;
      cancelTimer = this.clock.setTimer(() => waiter.wake(), request.timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort);
    });
  }
}
