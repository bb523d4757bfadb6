import { randomBytes } from "node:crypto";

/**
 * The web chat's rooms, in memory: each room keeps its recent messages (so a participant who opens
 * the page, or whose connection dropped, catches up), the live listeners (Server-Sent Events
 * streams), the button actions the bot sent there (only those may be pressed), and its owner.
 *
 * A room lives as long as the process: its history is a short replay buffer, not an archive. A
 * reminder sent while nobody has the page open waits in that buffer until it is pushed out by newer
 * messages or the process restarts.
 */

/** One message as the page shows it (user or bot); `to` set = meant for that participant alone. */
export interface WireMessage {
  /** Increases within a room: the SSE event id, so a reconnecting page asks for what it missed. */
  id: number;
  kind: "user" | "bot";
  /** Display name of the sender (the bot's messages have none). */
  name?: string;
  /** The sender's user id: kept here to mark a page's own messages, never sent to pages. */
  from?: string;
  text: string;
  /** One source line per citation ("Nguồn: 1470-CV/TU · nhiệm vụ 4 · …"). */
  sources?: string[];
  buttons?: { label: string; action: string }[];
  /** A quiz question's time limit in seconds: the page shows a countdown. */
  countdown?: number;
  lang?: string;
  /** Private to this user id (the answer to a button press, a rate-limit notice). */
  to?: string;
}

/** A live listener: one open page. */
export interface Listener {
  userId: string;
  push(message: WireMessage): void;
}

/** Limits that keep memory bounded whatever the pages do. */
export const ROOM_LIMITS = {
  /** Messages replayed to a page that (re)connects. */
  history: 100,
  /** Button actions remembered per room (a quiz of 20 questions × 4 options fits many times). */
  actions: 2000,
  /** Open pages per room. */
  listeners: 100,
  /** Open pages in all rooms together. */
  allListeners: 1000,
  /** Rooms kept at once (a room with open pages is never dropped). */
  rooms: 200,
} as const;

class Room {
  seq = 0;
  readonly history: WireMessage[] = [];
  readonly listeners = new Set<Listener>();
  /** Actions the bot sent here, oldest first (a Set keeps insertion order). */
  readonly actions = new Set<string>();
  owner: string | null = null;
  lastUsed = 0;
}

/** All rooms of one web chat. */
export class Rooms {
  /**
   * This process's name for its sequence numbers: a page that reconnects after a restart sends an
   * event id of another epoch, and gets the whole (new) history instead of a gap.
   */
  readonly epoch = randomBytes(4).toString("hex");
  private readonly rooms = new Map<string, Room>();
  private tick = 0;
  private open = 0;

  private room(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      if (this.rooms.size >= ROOM_LIMITS.rooms) this.evictIdle();
      room = new Room();
      this.rooms.set(name, room);
    }
    room.lastUsed = ++this.tick;
    return room;
  }

  /** A room nobody listens to, least recently used, makes place for a new one. */
  private evictIdle(): void {
    const idle = [...this.rooms]
      .filter(([, r]) => r.listeners.size === 0)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    const first = idle[0];
    if (first) this.rooms.delete(first[0]);
  }

  /**
   * The room's owner: the first participant who spoke or joined there, as the creator of a group
   * is its administrator. The owner may start and stop quizzes in the room.
   */
  ownerOf(name: string, userId: string): boolean {
    const room = this.room(name);
    room.owner ??= userId;
    return room.owner === userId;
  }

  /** Adds a message to the room, remembers its buttons, and pushes it to the listeners it is for. */
  publish(name: string, message: Omit<WireMessage, "id">): WireMessage {
    const room = this.room(name);
    const full: WireMessage = { ...message, id: ++room.seq };
    room.history.push(full);
    if (room.history.length > ROOM_LIMITS.history) room.history.shift();
    for (const b of message.buttons ?? []) {
      room.actions.delete(b.action);
      room.actions.add(b.action);
    }
    while (room.actions.size > ROOM_LIMITS.actions) {
      const oldest = room.actions.values().next().value;
      if (oldest === undefined) break;
      room.actions.delete(oldest);
    }
    for (const l of room.listeners) if (!full.to || full.to === l.userId) l.push(full);
    return full;
  }

  /** True when the bot sent a button with this action in this room (anything else is refused). */
  knows(name: string, action: string): boolean {
    return this.rooms.get(name)?.actions.has(action) ?? false;
  }

  /**
   * Registers a listener and replays the messages after `after` meant for it; returns the function
   * that removes it, or null when the room has as many listeners as it may.
   */
  listen(name: string, listener: Listener, after = 0): (() => void) | null {
    const room = this.room(name);
    if (room.listeners.size >= ROOM_LIMITS.listeners || this.open >= ROOM_LIMITS.allListeners) return null;
    this.open += 1;
    for (const m of room.history) if (m.id > after && (!m.to || m.to === listener.userId)) listener.push(m);
    room.listeners.add(listener);
    return () => {
      if (room.listeners.delete(listener)) this.open -= 1;
    };
  }

  /** True when one more page may open in this room. */
  hasRoom(name: string): boolean {
    return (
      (this.rooms.get(name)?.listeners.size ?? 0) < ROOM_LIMITS.listeners &&
      this.open < ROOM_LIMITS.allListeners
    );
  }

  /** Closes every listener (shutdown). */
  closeAll(end: (l: Listener) => void): void {
    for (const room of this.rooms.values()) for (const l of room.listeners) end(l);
  }
}
