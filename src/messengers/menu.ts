import type { Button } from "../chat/index.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../text/index.js";

/**
 * Buttons on platforms that have none (Zalo; the console may use it later): a reply's buttons become
 * a numbered follow-up line ("👉 Gõ số để chọn: 1 📄 Toàn văn · 2 👍 · 3 👎"), remembered per chat
 * for a bounded time, and a bare number typed in that chat becomes a press of that button, so the
 * features behind buttons (full passage, feedback, reminder answers) work unchanged.
 */

/** How long a chat's numbered menu stays answerable (default 12 hours: a reminder answered later that day). */
export const MENU_TTL_MS = 12 * 60 * 60_000;

/** The follow-up line that lists `buttons` by number, in `lang`. */
export function menuLine(buttons: readonly Button[], lang: Lang): string {
  const choices = buttons.map((b, i) => t(lang, "menu.choice", { n: i + 1, label: b.label }));
  return t(lang, "menu.choose", { choices: choices.join(" · ") });
}

/** A bare choice number ("2", " 2. ", "2)"), or null. */
export function choiceNumber(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The latest numbered menu of each chat. Bounded twice: a menu expires after `ttlMs`, and only the
 * `maxChats` most recently used chats are kept.
 */
export class ChoiceMenus {
  private readonly menus = new Map<string, { buttons: Button[]; at: number }>();

  constructor(private readonly options: { ttlMs?: number; maxChats?: number; now?: () => number } = {}) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Remembers `buttons` as the chat's menu, replacing the one before. */
  remember(chatId: string, buttons: readonly Button[]): void {
    this.menus.delete(chatId);
    if (buttons.length === 0) return;
    this.menus.set(chatId, { buttons: [...buttons], at: this.now() });
    const max = this.options.maxChats ?? 10_000;
    for (const oldest of this.menus.keys()) {
      if (this.menus.size <= max) break;
      this.menus.delete(oldest);
    }
  }

  /** Drops the chat's menu (its numbers now mean something else). */
  forget(chatId: string): void {
    this.menus.delete(chatId);
  }

  /** The button a bare number typed in `chatId` picks, while the chat's menu is fresh; else undefined. */
  pick(chatId: string, text: string): Button | undefined {
    const n = choiceNumber(text);
    const menu = n === null ? undefined : this.menus.get(chatId);
    if (!menu || n === null) return undefined;
    if (this.now() - menu.at > (this.options.ttlMs ?? MENU_TTL_MS)) {
      this.menus.delete(chatId);
      return undefined;
    }
    return menu.buttons[n - 1];
  }
}
