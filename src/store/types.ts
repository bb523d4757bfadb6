/**
 * The store contract for reminders: small interfaces, one per kind of record, implemented twice
 * (`createSqliteStore`, `createMemoryStore`) and checked by one shared contract test suite.
 * Methods are synchronous: better-sqlite3 is, and a synchronous claim cannot interleave with another
 * task of the same process. Instants are ISO-8601 UTC strings; calendar dates are "YYYY-MM-DD".
 * Rules and plans are the calendar's value types (a pure leaf module: no I/O, no store).
 */
import type { LocalDate, PlanConfig, Rule } from "../reminders/calendar/index.js";

/** Where a record came from: the YAML files (re-synced at start-up) or a chat command. */
export type Source = "yaml" | "chat";

/** A unit that owes reports (or supervises them): a department, a district committee. */
export interface UnitRecord {
  /** Short stable id: lower-case letters, digits and dashes, at most 20 characters. */
  id: string;
  /** The unit's name in Vietnamese. */
  name: string;
  aliases: string[];
  parentId: string | null;
  /** The language the unit's chats are written to; null = Vietnamese. */
  lang: string | null;
  source: Source;
}

/** A chat (or a thread of one) on a messenger. `threadId` absent = the chat itself. */
export interface ChatRef {
  messenger: string;
  chatId: string;
  threadId?: string;
}

/** A chat a unit is reached in. */
export interface Subscription extends ChatRef {
  unitId: string;
  source: Source;
}

/** A reporting duty: what is owed, by which units, to whom, and when. */
export interface DeadlineRecord {
  /** Short stable id, same form as a unit id. */
  id: string;
  title: string;
  docNumber: string | null;
  task: number | null;
  /** The sentence of the directive the duty comes from, when it comes from one. */
  quote: string | null;
  unitIds: string[];
  /** The supervising unit: its chats get escalations, digests and extension requests. */
  recipientId: string | null;
  rule: Rule;
  zone: string;
  shiftToWorkingDay: boolean;
  plan: PlanConfig;
  /** Occurrences due before this date are not chased (a deadline added today ignores last month's). */
  startsOn: LocalDate | null;
  active: boolean;
  source: Source;
}

/** What one unit did about one occurrence of a deadline (absent record = nothing yet). */
export interface StatusRecord {
  deadlineId: string;
  /** The occurrence's nominal date: it names the occurrence even when holidays move the due date. */
  occurrence: LocalDate;
  unitId: string;
  reportedAt: string | null;
  reportedBy: string | null;
  extensionRequestedAt: string | null;
  extensionRequestedBy: string | null;
  extensionReason: string | null;
  /** The due date granted by the supervising unit. */
  extendedDue: LocalDate | null;
  extensionGrantedAt: string | null;
  extensionGrantedBy: string | null;
}

/** Lifecycle of one delivery: claimed → sent | retry (→ claimed again) | uncertain | permanent; skipped. */
export type DeliveryState = "claimed" | "sent" | "retry" | "uncertain" | "permanent" | "skipped";

/** What a delivery is. */
export type DeliveryKind = "reminder" | "escalation" | "digest" | "extension-request" | "extension-granted";

/** What identifies a delivery and where it goes; `key` is unique across the store. */
export interface DeliveryTarget extends ChatRef {
  key: string;
  kind: DeliveryKind;
  deadlineId: string | null;
  unitId: string | null;
  occurrence: LocalDate | null;
  step: string | null;
  /** When the plan wanted it sent. */
  plannedAt: string;
}

/** One row of the delivery ledger. */
export interface Delivery extends DeliveryTarget {
  state: DeliveryState;
  /** The dispatcher instance holding (or last holding) the claim. */
  owner: string | null;
  claimedAt: string | null;
  /** Sends started so far (a claim, each retry and each takeover count one). */
  attempts: number;
  /** How many times a claim abandoned by a crashed process was taken over. */
  recovered: number;
  nextAt: string | null;
  sentAt: string | null;
  messageIds: string[];
  error: string | null;
  updatedAt: string;
}

/** The outcome recorded after a send, or instead of one. */
export type DeliveryOutcome =
  | { state: "sent"; messageIds: string[] }
  | { state: "retry"; nextAt: string; error: string }
  | { state: "uncertain" | "permanent" | "skipped"; error: string };

/** Units: who owes and who supervises. */
export interface UnitStore {
  put(unit: UnitRecord): void;
  get(id: string): UnitRecord | null;
  list(): UnitRecord[];
  /** Removes the unit and its subscriptions; false when there was none. */
  remove(id: string): boolean;
}

/** Which chats reach which unit. */
export interface SubscriptionStore {
  /** Adds the link; false when it existed already. */
  add(sub: Subscription, at: string): boolean;
  /** Removes the link; false when there was none. */
  remove(unitId: string, chat: ChatRef): boolean;
  /** The chats of a unit, oldest first. */
  ofUnit(unitId: string): Subscription[];
  /** The units a chat (any thread of it) is linked to. */
  ofChat(messenger: string, chatId: string): Subscription[];
  list(): Subscription[];
}

/** Deadlines. */
export interface DeadlineStore {
  put(deadline: DeadlineRecord): void;
  get(id: string): DeadlineRecord | null;
  /** All deadlines, or only the active ones. */
  list(filter?: { active?: boolean }): DeadlineRecord[];
}

/** Per (deadline, occurrence, unit) answers. */
export interface StatusStore {
  put(status: StatusRecord): void;
  get(deadlineId: string, occurrence: LocalDate, unitId: string): StatusRecord | null;
  /** Statuses of one deadline (occurrence ≥ `from` when given), or of all. */
  list(filter?: { deadlineId?: string; from?: LocalDate }): StatusRecord[];
}

/**
 * The delivery ledger. Every state change is one atomic conditional statement, so two dispatchers
 * (two processes, one file) can race on it: exactly one `claim` of a key succeeds, exactly one
 * `reclaim` of a retry or abandoned claim succeeds, and `record` only lands for the current holder.
 */
export interface DeliveryStore {
  /** Inserts the target as claimed by `owner` at `at`; false when the key exists in any state. */
  claim(target: DeliveryTarget, owner: string, at: string): boolean;
  /** Inserts the target as skipped (superseded or stale, never sent); false when the key exists. */
  skip(target: DeliveryTarget, reason: string, at: string): boolean;
  /**
   * Claims a row again for one more send: a retry whose `nextAt` ≤ `at`, or (`abandonedBefore`
   * given) a claim whose holder took it before that instant and never recorded an outcome, which
   * counts one `recovered`. Returns the updated row, or null when another dispatcher won.
   */
  reclaim(key: string, owner: string, at: string, abandonedBefore?: string): Delivery | null;
  /** Records the outcome of `owner`'s claim (attempt number `attempts`); false when it lost the claim. */
  record(key: string, owner: string, attempts: number, outcome: DeliveryOutcome, at: string): boolean;
  get(key: string): Delivery | null;
  /** Keys of a deadline's deliveries for occurrences ≥ `from` (every state). */
  keysOf(deadlineId: string, from: LocalDate): Set<string>;
  /** Keys starting with `prefix` (digests, which belong to no deadline). */
  keysWithPrefix(prefix: string): Set<string>;
  /** Retries due at `at`, oldest first. */
  dueRetries(at: string): Delivery[];
  /** Claims taken before `before` with no outcome: their holder crashed or hung. */
  abandoned(before: string): Delivery[];
  list(filter?: { state?: DeliveryState; deadlineId?: string }): Delivery[];
  /** Rows per state. */
  counts(): Record<DeliveryState, number>;
}

/** Every store, plus a transaction for read-modify-write sequences (IMMEDIATE on SQLite). */
export interface Store {
  units: UnitStore;
  subscriptions: SubscriptionStore;
  deadlines: DeadlineStore;
  statuses: StatusStore;
  deliveries: DeliveryStore;
  transaction<T>(fn: () => T): T;
  close(): void;
}
