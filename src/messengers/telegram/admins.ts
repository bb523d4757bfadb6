import type { Api } from "grammy";
import { describeError } from "./errors.js";

/** How long a member's standing is trusted before `getChatMember` is asked again. */
export const ADMIN_TTL_MS = 5 * 60_000;

/**
 * Who administers which group, from `getChatMember`, remembered for a few minutes so a burst of
 * commands costs one call. Asked only for commands in groups (the only place it matters).
 */
export class AdminCache {
  private readonly known = new Map<string, { admin: boolean; at: number }>();

  constructor(
    private readonly api: Api,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = ADMIN_TTL_MS,
  ) {}

  /** True for the creator and administrators; undefined when Telegram could not be asked. */
  async isAdmin(chatId: number, userId: number, log: (line: string) => void): Promise<boolean | undefined> {
    const key = `${chatId}:${userId}`;
    const hit = this.known.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.admin;
    try {
      const member = await this.api.getChatMember(chatId, userId);
      const admin = member.status === "creator" || member.status === "administrator";
      this.known.set(key, { admin, at: this.now() });
      return admin;
    } catch (error) {
      log(`telegram: getChatMember(${chatId}, ${userId}) failed: ${describeError(error)}`);
      return undefined;
    }
  }
}
