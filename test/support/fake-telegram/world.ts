import { badRequest, forbidden } from "./errors.js";
import type { BotMessage, BotUser, Chat, ChatRef, MemberStatus, Message, User, UserRef } from "./types.js";
import { idOf } from "./types.js";

/** A member of a chat with its status. */
export interface Member {
  user: User;
  status: MemberStatus;
}

/** A message kept in a chat's history. */
export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  /** Set for the bot's own messages. */
  record?: BotMessage;
}

/** Everything the fake knows about one chat. */
export interface ChatState {
  chat: Chat;
  members: Map<number, Member>;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  /** Telegram's `chat_instance` for callback queries from this chat. */
  chatInstance: string;
}

/** Options for a new test user. */
export interface NewUser {
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Options for a new group: a basic "group" unless `type: "supergroup"`. */
export interface NewGroup {
  title: string;
  members?: UserRef[];
  /** The creator; defaults to the first member. */
  owner?: UserRef;
  type?: "group" | "supergroup";
  username?: string;
  /** Whether the bot is in the group from the start (default true). */
  withBot?: boolean;
}

/**
 * The users, chats and message histories behind the fake. Scenario helpers create things here;
 * method handlers look them up and raise Telegram's errors ("chat not found", "bot was kicked…").
 */
export class World {
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatState>();
  /** Every message the bot has sent, in order. */
  readonly botMessages: BotMessage[] = [];
  private nextUserId = 1001;
  private nextGroup = 1;

  constructor(readonly bot: BotUser) {}

  /** The bot as a plain User (the `from` of its messages). */
  botAsUser(): User {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }

  createUser(options: NewUser): User {
    const user: User = { id: this.nextUserId++, is_bot: false, first_name: options.first_name };
    if (options.last_name !== undefined) user.last_name = options.last_name;
    if (options.username !== undefined) user.username = options.username;
    if (options.language_code !== undefined) user.language_code = options.language_code;
    this.users.set(user.id, user);
    return user;
  }

  /** A known user (or the bot); throws for an unknown id, which is a mistake in the test itself. */
  user(ref: UserRef): User {
    const id = idOf(ref);
    if (id === this.bot.id) return this.botAsUser();
    const user = this.users.get(id);
    if (!user) throw new Error(`fake-telegram: no user with id ${id}`);
    return user;
  }

  /** The private chat between `user` and the bot, created on first use (the user "pressed Start"). */
  privateChat(ref: UserRef): Chat {
    const user = this.user(ref);
    const existing = this.chats.get(user.id);
    if (existing) return existing.chat;
    const chat: Chat = { id: user.id, type: "private", first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    const state = this.addChat(chat);
    state.members.set(user.id, { user, status: "member" });
    state.members.set(this.bot.id, { user: this.botAsUser(), status: "member" });
    return chat;
  }

  createGroup(options: NewGroup): Chat {
    const n = this.nextGroup++;
    const chat: Chat =
      options.type === "supergroup"
        ? { id: -1_002_100_000_000 - n, type: "supergroup", title: options.title }
        : { id: -4_100_000_000 - n, type: "group", title: options.title };
    if (options.username !== undefined && chat.type === "supergroup") chat.username = options.username;
    const state = this.addChat(chat);
    const members = (options.members ?? []).map((m) => this.user(m));
    const ownerId = options.owner !== undefined ? idOf(options.owner) : members[0]?.id;
    for (const user of members) {
      state.members.set(user.id, { user, status: user.id === ownerId ? "creator" : "member" });
    }
    if (options.owner !== undefined && !state.members.has(idOf(options.owner))) {
      state.members.set(idOf(options.owner), { user: this.user(options.owner), status: "creator" });
    }
    if (options.withBot !== false)
      state.members.set(this.bot.id, { user: this.botAsUser(), status: "member" });
    return chat;
  }

  private addChat(chat: Chat): ChatState {
    const state: ChatState = {
      chat,
      members: new Map(),
      messages: new Map(),
      nextMessageId: 1,
      chatInstance: String(BigInt.asUintN(63, BigInt(chat.id) * 6_364_136_223_846_793_005n + 1n)),
    };
    this.chats.set(chat.id, state);
    return state;
  }

  /** The state of a chat given by a test; throws for an unknown chat (a mistake in the test). */
  state(ref: ChatRef): ChatState {
    const state = this.chats.get(idOf(ref));
    if (!state) throw new Error(`fake-telegram: no chat with id ${idOf(ref)}`);
    return state;
  }

  /** Looks up `chat_id` as the Bot API does: an id or "@username"; 400 "chat not found" otherwise. */
  resolve(chatId: number | string): ChatState {
    if (typeof chatId === "number") {
      const state = this.chats.get(chatId);
      if (state) return state;
    } else {
      const name = chatId.replace(/^@/, "").toLowerCase();
      for (const state of this.chats.values()) {
        if ("username" in state.chat && state.chat.username?.toLowerCase() === name) return state;
      }
    }
    throw badRequest("chat not found");
  }

  /** The bot's standing in a chat. */
  botStatus(state: ChatState): MemberStatus {
    return state.members.get(this.bot.id)?.status ?? "left";
  }

  /** Throws the 403 Telegram gives when the bot may not post in this chat any more. */
  assertCanPost(state: ChatState): void {
    const status = this.botStatus(state);
    if (status !== "kicked" && status !== "left") return;
    if (state.chat.type === "private") throw forbidden("bot was blocked by the user");
    const kind = state.chat.type === "supergroup" ? "supergroup" : "group";
    if (status === "kicked") throw forbidden(`bot was kicked from the ${kind} chat`);
    throw forbidden(`bot is not a member of the ${kind} chat`);
  }

  /** Stores a new message in a chat, giving it the chat's next message_id. */
  addMessage(
    state: ChatState,
    fields: Omit<Message, "message_id" | "chat">,
    fromBot: boolean,
  ): StoredMessage {
    const message = { message_id: state.nextMessageId++, ...fields, chat: state.chat } as Message;
    const stored: StoredMessage = { message, fromBot };
    state.messages.set(message.message_id, stored);
    return stored;
  }

  /** A message of a chat by id, or undefined. */
  message(state: ChatState, messageId: number): StoredMessage | undefined {
    return state.messages.get(messageId);
  }

  /** Whether `user` is an administrator or the creator of the chat. */
  isAdmin(state: ChatState, userId: number): boolean {
    const status = state.members.get(userId)?.status;
    return status === "creator" || status === "administrator";
  }
}
