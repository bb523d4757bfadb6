import type { Answerer, Conversation } from "../answer/index.js";
import type { CorpusIndex } from "../search/index.js";
import { detectLang, type Lang } from "../text/index.js";
import type { Inbound, Reply } from "./types.js";

/** What features may use: the engine and per-conversation memory. */
export interface ChatDeps {
  index: CorpusIndex;
  answerer: Answerer;
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

  constructor(
    private readonly deps: ChatDeps,
    private readonly features: Feature[],
  ) {}

  /** True when the bot should answer: private chats always; groups on commands, mentions, replies. */
  static addressed(msg: Inbound): boolean {
    return msg.isPrivate || msg.text.trimStart().startsWith("/") || !!msg.mentioned || !!msg.replyToBot;
  }

  /** Handles one inbound message and returns the replies (empty when it was not addressed to the bot). */
  async handle(msg: Inbound): Promise<Reply[]> {
    if (!ChatCore.addressed(msg)) return [];
    const text = msg.text.trim();
    const m = text.match(/^\/([A-Za-z_]+)(?:@\w+)?\s*([\s\S]*)$/);
    const key = `${msg.messenger}:${msg.chatId}:${msg.threadId ?? ""}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = { docId: null };
      this.conversations.set(key, conversation);
    }
    const args = m ? (m[2] ?? "").trim() : text;
    const lang = msg.langHint ?? detectLang(args || text, "vi");
    const turn: Turn = {
      msg,
      command: m ? (m[1] ?? "").toLowerCase() : null,
      args,
      lang,
      conversation,
      deps: this.deps,
    };
    for (const feature of this.features) {
      const replies = await feature.handle(turn);
      if (replies) return replies;
    }
    return [];
  }
}
