import type { Answerer, Conversation } from "../answer/index.js";
import { t } from "../i18n/index.js";
import type { CorpusIndex } from "../search/index.js";
import { detectLang, type Lang } from "../text/index.js";
import type { AnswerLog } from "./answers.js";
import type { Inbound, Reply } from "./types.js";

/** What features may use: the engine, the log of answers given, and per-conversation memory. */
export interface ChatDeps {
  index: CorpusIndex;
  /** Only `ask()` is used: the extractive `Answerer` or the model answerer (src/llm). */
  answerer: Pick<Answerer, "ask">;
  /** Where answers are logged for "full passage" and 👍/👎; without it answers carry no buttons. */
  answers?: AnswerLog;
}

/** How the core behaves beyond its features: the clock and the per-user rate limit. */
export interface ChatOptions {
  now?: () => Date;
  /** At most `max` messages per user in `windowMs` (button presses included). */
  rateLimit?: { max: number; windowMs: number };
  /** Where unexpected feature errors are reported (the user gets a polite reply). */
  log?: (line: string) => void;
}

/** The context a feature handles one message in. */
export interface Turn {
  msg: Inbound;
  /** The command word without "/" and "@bot" ("task"), or null for free text. */
  command: string | null;
  /** The text after the command word. */
  args: string;
  lang: Lang;
  conversation: Conversation;
  deps: ChatDeps;
  now(): Date;
}

/** A capability mounted in the chat core; returns null when the message is not for it. */
export interface Feature {
  name: string;
  handle(turn: Turn): Promise<Reply[] | null>;
}

/**
 * The messenger-neutral conversation core: decides whether a message is for the bot, reads the
 * command, and offers it to the features in their mounted order; the first that answers wins.
 */
export class ChatCore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly recent = new Map<string, number[]>();
  private readonly now: () => Date;
  private readonly rateLimit: { max: number; windowMs: number };

  constructor(
    private readonly deps: ChatDeps,
    private readonly features: Feature[],
    private readonly options: ChatOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.rateLimit = options.rateLimit ?? { max: 12, windowMs: 60_000 };
  }

  /** True when the bot should answer: private chats always; groups on commands, mentions, replies, buttons, votes. */
  static addressed(msg: Inbound): boolean {
    return (
      msg.isPrivate ||
      !!msg.action ||
      !!msg.poll ||
      msg.text.trimStart().startsWith("/") ||
      !!msg.mentioned ||
      !!msg.replyToBot
    );
  }

  /** Handles one inbound message and returns the replies (empty when it was not addressed to the bot). */
  async handle(msg: Inbound): Promise<Reply[]> {
    if (!ChatCore.addressed(msg)) return [];
    const text = msg.text.trim();
    const m = msg.action ? null : text.match(/^\/([A-Za-z_]+)(?:@\w+)?\s*([\s\S]*)$/);
    const args = m ? (m[2] ?? "").trim() : msg.action ? "" : text;
    const lang = msg.langHint ?? detectLang(args || text, "vi");
    // Votes in a quiz are not chat: forty trainees answering at once must all count.
    const wait = msg.poll ? null : this.throttle(msg);
    if (wait !== null) {
      // One polite notice per window; further messages in it are dropped silently.
      return wait > 0
        ? [{ text: t(lang, "chat.rateLimited", { seconds: Math.ceil(wait / 1000) }), private: true }]
        : [];
    }
    const key = `${msg.messenger}:${msg.chatId}:${msg.threadId ?? ""}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = { docId: null };
      this.conversations.set(key, conversation);
    }
    const turn: Turn = {
      msg,
      command: m ? (m[1] ?? "").toLowerCase() : null,
      args,
      lang,
      conversation,
      deps: this.deps,
      now: this.now,
    };
    try {
      for (const feature of this.features) {
        const replies = await feature.handle(turn);
        if (replies) return replies;
      }
    } catch (error) {
      this.options.log?.(`chat: ${turn.command ?? "message"} failed: ${(error as Error).stack ?? error}`);
      return [{ text: t(lang, "chat.failed") }];
    }
    return [];
  }

  /**
   * Null when the user may send this message; otherwise milliseconds until they may again, or 0
   * when they were already told so in this window.
   */
  private throttle(msg: Inbound): number | null {
    const user = `${msg.messenger}:${msg.userId}`;
    const now = this.now().getTime();
    const { max, windowMs } = this.rateLimit;
    const times = (this.recent.get(user) ?? []).filter((at) => now - at < windowMs);
    if (times.length >= max) {
      const told = times.length > max;
      times.push(now);
      this.recent.set(user, times);
      return told ? 0 : Math.max(1, (times[0] ?? now) + windowMs - now);
    }
    times.push(now);
    this.recent.set(user, times);
    if (this.recent.size > 10_000) this.forgetIdle(now);
    return null;
  }

  private forgetIdle(now: number): void {
    for (const [user, times] of this.recent) {
      if (times.every((at) => now - at >= this.rateLimit.windowMs)) this.recent.delete(user);
    }
  }
}
