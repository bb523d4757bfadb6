import type { Citation } from "../answer/index.js";
import type { Lang } from "../text/index.js";
import type { MessengerName } from "./types.js";

/**
 * The answers the bot gave, kept so that a "full passage" button can show the whole passage later
 * and a 👍/👎 can be stored with the question and its citations. The chat core sees this
 * interface; `store/` implements it durably, `MemoryAnswerLog` in memory (tests, console).
 */

export interface LoggedAnswer {
  id: string;
  messenger: MessengerName;
  chatId: string;
  userId: string;
  question: string;
  lang: Lang;
  found: boolean;
  citations: Citation[];
  /** The whole passage behind each citation (the quote may be a trimmed part of it). */
  passages: string[];
  at: string;
}

export type Vote = 1 | -1;

export interface AnswerLog {
  /** Stores an answer and returns its id (short: it travels in button data of ≤ 64 bytes). */
  record(answer: Omit<LoggedAnswer, "id">): Promise<string>;
  get(id: string): Promise<LoggedAnswer | null>;
  /** One vote per user per answer; a second vote replaces the first. */
  vote(id: string, userId: string, vote: Vote, at: string): Promise<void>;
}

/** An in-memory log that forgets the oldest answers beyond `capacity`. */
export class MemoryAnswerLog implements AnswerLog {
  private readonly answers = new Map<string, LoggedAnswer>();
  readonly votes = new Map<string, Map<string, Vote>>();
  private next = 1;

  constructor(private readonly capacity = 5000) {}

  async record(answer: Omit<LoggedAnswer, "id">): Promise<string> {
    const id = (this.next++).toString(36);
    this.answers.set(id, { ...answer, id });
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return id;
  }

  async get(id: string): Promise<LoggedAnswer | null> {
    return this.answers.get(id) ?? null;
  }

  async vote(id: string, userId: string, vote: Vote): Promise<void> {
    const byUser = this.votes.get(id) ?? new Map<string, Vote>();
    byUser.set(userId, vote);
    this.votes.set(id, byUser);
  }
}
