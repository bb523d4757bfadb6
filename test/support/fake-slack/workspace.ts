import { randomUUID } from "node:crypto";
import type { Clock, EphemeralMessage, SlackChannel, SlackUser, StoredMessage } from "./types.js";

/** Identity of the fake workspace and app; every value can be overridden in `FakeSlack.start`. */
export interface WorkspaceIdentity {
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  botUserId: string;
  botId: string;
  botName: string;
  /** The deprecated `token` field Slack still puts in payloads (Bolt ignores it; signatures matter). */
  verificationToken: string;
}

/** Defaults used when a test does not care: one team, a bot, three people, a few channels. */
export const defaultIdentity: WorkspaceIdentity = {
  teamId: "T0CADRE",
  teamDomain: "cadre-test",
  apiAppId: "A0CADRE",
  botUserId: "U0BOT",
  botId: "B0BOT",
  botName: "cadre",
  verificationToken: "fake-verification-token",
};

function person(id: string, name: string, realName: string, isAdmin = false): SlackUser {
  return {
    id,
    name,
    real_name: realName,
    is_bot: false,
    is_admin: isAdmin,
    tz: "Asia/Ho_Chi_Minh",
    locale: "vi-VN",
  };
}

/** Trigger ids expire 3 s after Slack issues them (views.open must be called within that window). */
const TRIGGER_TTL_MS = 3000;

/**
 * The fake's memory of a workspace: users, conversations, message history, ephemerals and the short-lived
 * ids (trigger_id, response_url) it hands out. Use it to seed or inspect state; the Web API reads it too.
 */
export class Workspace {
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  /** Every message in posting order, user and bot alike, including deleted ones (flagged). */
  readonly messages: StoredMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  private readonly triggers = new Map<string, { issuedAt: number; used: boolean }>();
  private lastMicros = 0;

  constructor(
    readonly identity: WorkspaceIdentity,
    readonly now: Clock,
  ) {
    const { botUserId, botName } = identity;
    this.addUser({ ...person(botUserId, botName, "Cadre Bot"), is_bot: true });
    this.addUser(person("U0ALICE", "an.nguyen", "Nguyễn Thị An", true));
    this.addUser(person("U0BINH", "binh.tran", "Trần Văn Bình"));
    this.addUser(person("U0CHI", "chi.le", "Lê Minh Chi"));
    const everyone = [botUserId, "U0ALICE", "U0BINH", "U0CHI"];
    this.addChannel({
      id: "C0GENERAL",
      name: "general",
      kind: "public",
      members: everyone,
      is_archived: false,
    });
    this.addChannel({ id: "C0QUIZ", name: "quiz", kind: "public", members: everyone, is_archived: false });
    // The bot has not joined these two: posting gives not_in_channel / channel_not_found.
    this.addChannel({
      id: "C0RANDOM",
      name: "random",
      kind: "public",
      members: everyone.slice(1),
      is_archived: false,
    });
    this.addChannel({
      id: "G0SECRET",
      name: "secret",
      kind: "private",
      members: ["U0ALICE"],
      is_archived: false,
    });
    for (const user of ["U0ALICE", "U0BINH", "U0CHI"]) this.openIm(user);
  }

  /** Adds or replaces a user. */
  addUser(user: SlackUser): void {
    this.users.set(user.id, user);
  }

  /** Adds or replaces a conversation. */
  addChannel(channel: SlackChannel): void {
    this.channels.set(channel.id, channel);
  }

  /** The bot's direct-message channel with `userId`, created on first use as Slack does. */
  openIm(userId: string): SlackChannel {
    for (const channel of this.channels.values()) {
      if (channel.kind === "im" && channel.user === userId) return channel;
    }
    const im: SlackChannel = {
      id: `D${userId.replace(/^U/, "")}`,
      name: userId,
      kind: "im",
      members: [this.identity.botUserId, userId],
      is_archived: false,
      user: userId,
    };
    this.addChannel(im);
    return im;
  }

  /** True when the bot user is a member; Slack only lets a bot post where it is a member. */
  botIsMember(channel: SlackChannel): boolean {
    return channel.members.includes(this.identity.botUserId);
  }

  /** A new message ts ("seconds.micros"), strictly increasing, taken from the injected clock. */
  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }

  /** Finds a message (not deleted) by channel and ts. */
  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  /** Appends a message, keeping the parent's reply_count / reply_users in step as Slack does. */
  addMessage(message: StoredMessage): StoredMessage {
    this.messages.push(message);
    if (message.thread_ts && message.thread_ts !== message.ts) {
      const parent = this.findMessage(message.channel, message.thread_ts);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.reply_users = [...new Set([...(parent.reply_users ?? []), message.user])];
        message.parent_user_id = parent.user;
      }
    }
    return message;
  }

  /** Issues a trigger_id (as Slack puts in slash commands and interactions). */
  issueTrigger(): string {
    const id = `${Math.floor(this.now() / 1000)}.${randomUUID().replaceAll("-", "").slice(0, 24)}`;
    this.triggers.set(id, { issuedAt: this.now(), used: false });
    return id;
  }

  /** Consumes a trigger_id: the error code Slack gives for a bad one, or undefined when it may be used. */
  useTrigger(id: string): "invalid_trigger_id" | "expired_trigger_id" | "exchanged_trigger_id" | undefined {
    const trigger = this.triggers.get(id);
    if (!trigger) return "invalid_trigger_id";
    if (trigger.used) return "exchanged_trigger_id";
    if (this.now() - trigger.issuedAt > TRIGGER_TTL_MS) return "expired_trigger_id";
    trigger.used = true;
    return undefined;
  }
}
