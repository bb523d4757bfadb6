import type { Inbound, Reply } from "../../chat/index.js";
import { ChoiceMenus } from "../menu.js";
import { isAnswerToken, offersLetters } from "./render.js";

/** Chats whose open lettered question is remembered at most (the oldest is forgotten first). */
const MAX_CHATS = 10_000;

/** How long a lettered question keeps bare letters in its group addressed to the bot (30 min). */
export const LETTERS_TTL_MS = 30 * 60_000;

/**
 * What the bot last asked each Zalo chat to type, standing in for buttons and replies:
 * - a reply's buttons → its numbered menu (a bare "1" becomes that button's `action`);
 * - a question with lettered options (a quiz question) → bare letters and numbers are answers to it:
 *   in a group they count as replies to the bot (the core then hands them to the quiz), and they
 *   are not menu picks. A later proactive message without letters (the answer reveal, the results)
 *   ends that, and so does a guessed answer the core did not take as one (a stopped quiz); replies
 *   to the answers themselves do not.
 */
export class ChatPrompts {
  readonly menus: ChoiceMenus;
  private readonly letters = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    this.menus = new ChoiceMenus({ now });
  }

  /** Notes what a reply sent to `chatId` asks for; `proactive` for outbox sends (quiz, reminders). */
  sent(chatId: string, reply: Reply, proactive: boolean): void {
    if (offersLetters(reply.text)) {
      this.letters.delete(chatId);
      this.letters.set(chatId, this.now());
      for (const oldest of this.letters.keys()) {
        if (this.letters.size <= MAX_CHATS) break;
        this.letters.delete(oldest);
      }
      this.menus.forget(chatId);
      return;
    }
    if (proactive) this.letters.delete(chatId);
    if (reply.buttons?.length) this.menus.remember(chatId, reply.buttons);
  }

  private awaitingLetters(chatId: string): boolean {
    const at = this.letters.get(chatId);
    if (at === undefined) return false;
    if (this.now() - at <= LETTERS_TTL_MS) return true;
    this.letters.delete(chatId);
    return false;
  }

  /**
   * Turns a typed answer into what it stands for: a button press, or a reply to the open question.
   * `guess` is true for a bare answer in a group taken as a reply to the question: only a personal
   * (private) answer to it should be sent; anything else means the question is no longer open.
   */
  resolve(inbound: Inbound): { inbound: Inbound; guess: boolean } {
    if (inbound.text.trimStart().startsWith("/")) return { inbound, guess: false };
    if (this.awaitingLetters(inbound.chatId)) {
      const guess = isAnswerToken(inbound.text) && !inbound.isPrivate && !inbound.mentioned;
      return { inbound: guess ? { ...inbound, replyToBot: true } : inbound, guess };
    }
    const button = this.menus.pick(inbound.chatId, inbound.text);
    return { inbound: button ? { ...inbound, text: "", action: button.action } : inbound, guess: false };
  }

  /** The chat's lettered question is over (it was stopped, or answered elsewhere). */
  endLetters(chatId: string): void {
    this.letters.delete(chatId);
  }
}
