/**
 * Builders and fakes for reminder tests: `aUnit`, `aDeadline` (records with overrides), a clock the
 * test moves, and an outbox that records every send and fails on demand with a `DeliveryError`.
 */
import {
  DeliveryError,
  type DeliveryFailure,
  type Destination,
  type MessengerName,
  type Outbox,
  type Reply,
} from "../../src/chat/types.js";
import { DEFAULT_PLAN } from "../../src/reminders/calendar/index.js";
import type { DeadlineRecord, Store, UnitRecord } from "../../src/store/index.js";

/** A unit record; `id` defaults to "so-noi-vu". */
export function aUnit(overrides: Partial<UnitRecord> = {}): UnitRecord {
  return {
    id: "so-noi-vu",
    name: "Sở Nội vụ",
    aliases: [],
    parentId: null,
    lang: null,
    source: "yaml",
    ...overrides,
  };
}

/** A deadline record: monthly before the 20th, owed by "so-noi-vu" to "btv", default plan. */
export function aDeadline(overrides: Partial<DeadlineRecord> = {}): DeadlineRecord {
  return {
    id: "bc-thang",
    title: "Báo cáo kết quả công tác dân vận tháng",
    docNumber: "1470-CV/TU",
    task: 4,
    quote: null,
    unitIds: ["so-noi-vu"],
    recipientId: "btv",
    rule: { kind: "monthly", day: 20 },
    zone: "Asia/Ho_Chi_Minh",
    shiftToWorkingDay: true,
    plan: { ...DEFAULT_PLAN },
    startsOn: null,
    active: true,
    source: "yaml",
    ...overrides,
  };
}

/**
 * Puts units (each linked to "telegram:<id>"), the supervising unit "btv" (linked to
 * "telegram:btv") and the deadlines into the store.
 */
export function seed(store: Store, units: UnitRecord[], deadlines: DeadlineRecord[]): void {
  const at = "2024-12-01T00:00:00.000Z";
  for (const u of [...units, aUnit({ id: "btv", name: "Ban Thường vụ Tỉnh ủy" })]) {
    store.units.put(u);
    store.subscriptions.add({ unitId: u.id, messenger: "telegram", chatId: u.id, source: "yaml" }, at);
  }
  for (const d of deadlines) store.deadlines.put(d);
}

/** A clock the test sets and moves. */
export class FakeClock {
  private t: number;
  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }
  readonly now = (): Date => new Date(this.t);
  set(at: string | Date) {
    this.t = new Date(at).getTime();
  }
  advance(ms: number) {
    this.t += ms;
  }
}

/** One recorded send. */
export interface Sent {
  to: Destination;
  reply: Reply;
  at: Date;
}

/** What a scripted failure throws. */
export type Failure = { failure: DeliveryFailure; retryAfterMs?: number };

/**
 * An outbox that records sends. `failNext(...)` queues failures for the next sends; `failWhen`
 * decides per send. A failed send is not recorded in `sent` (it did not arrive), except
 * "uncertain" ones when `uncertainArrives` is true (the message did arrive; the answer was lost).
 */
export class RecordingOutbox implements Outbox {
  readonly sent: Sent[] = [];
  readonly attempts: Sent[] = [];
  private queue: Failure[] = [];
  failWhen: ((to: Destination, reply: Reply) => Failure | null) | null = null;
  uncertainArrives = false;
  constructor(
    readonly messenger: MessengerName,
    private readonly clock: () => Date = () => new Date(),
  ) {}
  failNext(...failures: Failure[]) {
    this.queue.push(...failures);
  }
  async send(to: Destination, reply: Reply): Promise<{ messageIds: string[] }> {
    const record = { to, reply, at: this.clock() };
    this.attempts.push(record);
    await Promise.resolve();
    const f = this.queue.shift() ?? this.failWhen?.(to, reply) ?? null;
    if (f) {
      if (f.failure === "uncertain" && this.uncertainArrives) this.sent.push(record);
      throw new DeliveryError(f.failure, `scripted ${f.failure}`, f.retryAfterMs);
    }
    this.sent.push(record);
    return { messageIds: [String(this.sent.length)] };
  }
  /** Sends whose text contains `text`. */
  containing(text: string): Sent[] {
    return this.sent.filter((s) => s.reply.text.includes(text));
  }
}
