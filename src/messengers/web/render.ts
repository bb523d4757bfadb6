import { sourceLine } from "../../answer/index.js";
import type { Outbox, Reply } from "../../chat/index.js";
import type { Rooms, WireMessage } from "./rooms.js";

/**
 * The chat core's replies as the page's messages, and the outbox through which reminders and
 * quizzes post into a room. The page renders every string with `textContent`, so nothing here is
 * escaped: the text stays exactly what the core wrote.
 */

/** The time limit of the quiz question whose option buttons these are, when it is one. */
export type CountdownOf = (buttons: { action: string }[]) => number | undefined;

/** One reply as a message for the page; `to` makes it private to that user id. */
export function toWire(reply: Reply, countdownOf: CountdownOf, to?: string): Omit<WireMessage, "id"> {
  const lang = reply.lang ?? "vi";
  const sources = [...new Set((reply.citations ?? []).map((c) => sourceLine(c, lang)))];
  const buttons = (reply.buttons ?? []).map((b) => ({ label: b.label, action: b.action }));
  const countdown = buttons.length > 0 ? countdownOf(buttons) : undefined;
  return {
    kind: "bot",
    text: reply.text,
    lang,
    ...(sources.length > 0 ? { sources } : {}),
    ...(buttons.length > 0 ? { buttons } : {}),
    ...(countdown !== undefined ? { countdown } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/**
 * The web's outbox: a proactive message (a reminder, a quiz question) goes into the room named by
 * `to.chatId`, live to the pages open there and into the room's history. It cannot fail: a room
 * with nobody in it still keeps the message for the next page that opens.
 */
export function createWebOutbox(rooms: Rooms, countdownOf: CountdownOf): Outbox {
  return {
    messenger: "web",
    async send(to, reply) {
      // Native polls do not exist here: the quiz runner sends buttons to the web ("buttons" mode).
      const message = rooms.publish(to.chatId, toWire(reply, countdownOf));
      return { messageIds: [String(message.id)] };
    },
  };
}
