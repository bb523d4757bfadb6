/**
 * The weekly digest's deliveries: Monday at the digest time, one per supervising unit and chat.
 */
import type { Store } from "../store/index.js";
import { deliveryKey } from "./actions.js";
import { addDays, instantAt, localDateOf, weekday } from "./calendar/index.js";
import type { Decision, TargetOptions } from "./dispatch-targets.js";

let mondayAt: [string, Date] | null = null; // the last digest instant computed (one a week)

/** Where and when the weekly digest goes: Monday at `time` in `zone` (default 08:00 Asia/Ho_Chi_Minh). */
export interface DigestOptions {
  zone: string;
  time: string;
}

/**
 * The weekly digests due at `o.now`: one per supervising unit (a deadline's recipient) and chat,
 * on Monday at the digest time, sent late only within `graceMs` (a stale digest is not sent).
 */
export function digestDecisions(store: Store, o: TargetOptions & DigestOptions): Decision[] {
  const today = localDateOf(o.now, o.zone);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  if (mondayAt?.[0] !== `${monday}|${o.time}|${o.zone}`)
    mondayAt = [`${monday}|${o.time}|${o.zone}`, instantAt(monday, o.time, o.zone)];
  const at = mondayAt[1];
  const late = o.now.getTime() - at.getTime();
  if (late < 0 || late > o.graceMs) return [];
  const recipients = new Set(
    store.deadlines.list({ active: true }).flatMap((d) => (d.recipientId ? [d.recipientId] : [])),
  );
  const out: Decision[] = [];
  for (const r of recipients) {
    const existing = store.deliveries.keysWithPrefix(deliveryKey.digestPrefix(r, monday));
    for (const chat of o.chats(r)) {
      const key = deliveryKey.digest(r, monday, chat);
      if (existing.has(key)) continue;
      out.push({
        send: {
          key,
          kind: "digest",
          deadlineId: null,
          unitId: r,
          occurrence: monday,
          step: "digest",
          ...chat,
          plannedAt: at.toISOString(),
        },
      });
    }
  }
  return out;
}
