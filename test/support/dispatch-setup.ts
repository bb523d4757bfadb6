/**
 * A dispatcher over an in-memory store with two units owing the monthly "bc-thang" report (due Thu
 * 20/3/2025 for March) to "btv", a fake clock at 1/3/2025 and a recording Telegram outbox.
 */
import { createDispatcher, type DispatcherOptions } from "../../src/reminders/index.js";
import { createMemoryStore, type DeadlineRecord, type Store } from "../../src/store/index.js";
import { aDeadline, aUnit, FakeClock, RecordingOutbox, seed } from "./reminders.js";

export const HOUR = 3_600_000;

/** Builds the scene; `units` defaults to both units, `options` override dispatcher options. */
export function dispatchScene(
  options: Partial<DispatcherOptions> = {},
  deadline: Partial<DeadlineRecord> = {},
  units = ["so-noi-vu", "so-tai-chinh"],
) {
  const store: Store = options.store ?? createMemoryStore();
  seed(
    store,
    [aUnit(), aUnit({ id: "so-tai-chinh", name: "Sở Tài chính" })],
    [aDeadline({ unitIds: units, startsOn: "2025-03-01", ...deadline })],
  );
  const clock = new FakeClock("2025-03-01T00:00:00Z");
  const outbox = new RecordingOutbox("telegram", clock.now);
  const dispatcher = createDispatcher({
    store,
    outboxes: new Map([["telegram", outbox]]),
    clock: clock.now,
    digest: false,
    ...options,
  });
  /** Ticks every `stepMs` from the clock's time until (excluding) `iso`. */
  const until = async (iso: string, stepMs = HOUR) => {
    while (clock.now().getTime() < Date.parse(iso)) {
      await dispatcher.tick();
      clock.advance(stepMs);
    }
  };
  /** Sends to a unit's chat. */
  const to = (chatId: string) => outbox.sent.filter((s) => s.to.chatId === chatId);
  return { store, clock, outbox, dispatcher, until, to };
}
