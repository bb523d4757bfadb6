/**
 * Time for the fake: message dates, long-poll timeouts, poll `open_period` expiry and webhook retries
 * all read this clock, so a test can move time instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `fn` after `ms` milliseconds of this clock's time; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** The wall clock; the default when a test does not inject one. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that only moves when the test calls `advance`. Use it for anything that would otherwise need
 * real seconds of waiting (a quiz poll's `open_period` is at least 5 s per the Bot API).
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  /** `start` defaults to 2025-01-01T00:00:00Z so dates in tests are stable. */
  constructor(start = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order of due time. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** How many timers are still waiting (for tests that check nothing was left scheduled). */
  pendingTimers(): number {
    return this.timers.length;
  }
}
