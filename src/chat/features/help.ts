import { t } from "../../i18n/index.js";
import type { Feature } from "../core.js";

/** `/start` and `/help`: what the bot can do, with examples, in the user's language. */
export const help: Feature = {
  name: "help",
  async handle(turn) {
    if (turn.command !== "help" && turn.command !== "start") return null;
    return [{ text: t(turn.lang, "chat.help") }];
  },
};

/** Unknown commands get a clear error and what to type instead. */
export const unknownCommand: Feature = {
  name: "unknown-command",
  async handle(turn) {
    if (turn.command === null || turn.command === "ask") return null;
    return [{ text: t(turn.lang, "chat.unknownCommand", { command: turn.command }) }];
  },
};
