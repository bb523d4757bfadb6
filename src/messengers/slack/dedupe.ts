/**
 * Slack re-sends an Events API event when it did not see the ack in time (up to three retries over
 * about five minutes, `X-Slack-Retry-Num`), and posts one message as both `app_mention` and
 * `message` when both are subscribed. Bolt passes every delivery on; this remembers what was
 * already taken so each question is answered once.
 */
export class EventDeduper {
  /** key → expiry time; a Map keeps insertion order, so the oldest entries are first. */
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: { ttlMs?: number; max?: number; now?: () => number } = {}) {
    // Slack's last retry comes about 5 minutes after the first delivery; keep keys well past that.
    this.ttlMs = opts.ttlMs ?? 60 * 60_000;
    this.max = opts.max ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Claims a delivery by its keys (event_id, client_msg_id, channel + ts; undefined ones are
   * skipped). True the first time: answer it. False when any key was already claimed: drop it.
   * Synchronous, so a retry arriving while the first delivery is still being answered loses.
   */
  claim(keys: (string | undefined)[]): boolean {
    const now = this.now();
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size <= this.max) break;
      this.seen.delete(key);
    }
    const present = keys.filter((k): k is string => !!k);
    if (present.some((k) => (this.seen.get(k) ?? 0) > now)) return false;
    for (const key of present) {
      this.seen.delete(key); // re-inserted at the end, so the Map stays ordered by expiry
      this.seen.set(key, now + this.ttlMs);
    }
    return true;
  }

  /** Keys currently remembered (for tests and diagnostics). */
  get size(): number {
    return this.seen.size;
  }
}
