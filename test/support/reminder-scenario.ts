/**
 * The scenario the crash tests and the bench run: four units (one reached in two chats) owing a
 * monthly, a quarterly and a one-off report to "btv" in the first half of 2025, a clock ticking every four
 * hours, and a renderer that starts every message with a stable id of what it is, so an outbox
 * that only sees messages can still tell a duplicate from a new step.
 */
import type { Reply } from "../../src/chat/types.js";
import { chatSpec, type Notice, renderNotice } from "../../src/reminders/index.js";
import type { Store } from "../../src/store/index.js";
import type { Lang } from "../../src/text/index.js";
import { aDeadline, aUnit, seed } from "./reminders.js";

/** The first and the last tick of the scenario (every four hours from 01:00 UTC = 08:00 in Hanoi). */
export const SCENARIO = {
  from: "2025-01-01T01:00:00Z",
  until: "2025-06-30T23:00:00Z",
  stepMs: 4 * 3_600_000,
};

/** Puts the scenario's units, chats and deadlines into an empty store. */
export function seedScenario(store: Store): void {
  const units = ["so-noi-vu", "so-tai-chinh", "so-y-te", "huyen-uy-can-loc"].map((id) =>
    aUnit({ id, name: id }),
  );
  seed(store, units, [
    aDeadline({ unitIds: units.map((u) => u.id), startsOn: "2025-01-01" }),
    aDeadline({
      id: "bc-quy",
      unitIds: ["so-noi-vu", "huyen-uy-can-loc"],
      rule: { kind: "quarterly", day: 20, month: "last" },
      startsOn: "2025-01-01",
    }),
    aDeadline({ id: "bc-mot-lan", unitIds: ["so-y-te"], rule: { kind: "once", date: "2025-06-15" } }),
  ]);
  store.subscriptions.add(
    { unitId: "so-noi-vu", messenger: "slack", chatId: "C-SNV", source: "yaml" },
    "2024-12-01T00:00:00Z",
  );
}

/** Every tick instant of the scenario, in order. */
export function scenarioTicks(): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(SCENARIO.from); t <= Date.parse(SCENARIO.until); t += SCENARIO.stepMs)
    out.push(new Date(t));
  return out;
}

/** What a notice is, as a stable id: "r|deadline|occurrence|unit|step", "e|deadline|occurrence", "w|recipient|week". */
export function noticeId(n: Notice): string {
  switch (n.kind) {
    case "reminder":
      return `r|${n.deadline.id}|${n.occurrence}|${n.unit.id}|${n.step}`;
    case "escalation":
      return `e|${n.deadline.id}|${n.occurrence}`;
    case "digest":
      return `w|${n.recipient.id}|${n.week}`;
    default:
      return `${n.kind}|${n.deadline.id}|${n.occurrence}|${n.unit.id}`;
  }
}

/** The default renderer, with the notice's id as the first line of the text. */
export function taggedRenderer(n: Notice, lang: Lang): Reply {
  const reply = renderNotice(n, lang);
  return { ...reply, text: `${noticeId(n)}\n${reply.text}` };
}

/** The log line an outbox writes for a send: "<notice id>\t<chat>". */
export function sendLine(reply: Reply, to: { messenger: string; chatId: string; threadId?: string }): string {
  return `${reply.text.split("\n")[0]}\t${chatSpec(to)}`;
}
