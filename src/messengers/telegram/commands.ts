import type { Api } from "grammy";
import { t } from "../../i18n/index.js";
import type { Lang } from "../../text/index.js";

/** The commands shown in Telegram's command menu, in menu order. */
export const MENU_COMMANDS = ["help", "task", "docs", "ask"] as const;

function menu(lang: Lang) {
  return MENU_COMMANDS.map((command) => ({ command, description: t(lang, `commands.${command}`) }));
}

/**
 * Registers the command menu: Vietnamese as the default for every user, English for clients set to
 * English (Telegram picks the list by the user's `language_code`).
 */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(menu("vi"));
  await api.setMyCommands(menu("en"), { language_code: "en" });
}
