import type { ServerResponse } from "node:http";
import type { Listener, Rooms, WireMessage } from "./rooms.js";

/**
 * The live side of the web chat: one Server-Sent Events stream per open page. Each event carries
 * its room sequence number as `id`, so the browser's EventSource reconnects with `Last-Event-ID`
 * and the room replays only what the page missed.
 */

/** Seconds between keep-alive comments (proxies close idle streams). */
const KEEPALIVE_MS = 25_000;

/** What the page receives: the message without the sender's id, with `mine` for its own messages. */
export function forPage(
  m: WireMessage,
  userId: string,
): Omit<WireMessage, "from" | "to"> & { mine: boolean } {
  const { from, to, ...rest } = m;
  return { ...rest, mine: from === userId, ...(to ? { private: true } : {}) };
}

/** A stream that can be ended from outside (shutdown). */
export interface OpenStream extends Listener {
  end(): void;
}

/**
 * Where a (re)connecting page resumes: the `Last-Event-ID` header ("<epoch>.<seq>") when it is of
 * this process, else the `after` query parameter (a sequence number), else from the start.
 */
export function resumeAfter(rooms: Rooms, lastEventId: unknown, after: unknown): number {
  const m = typeof lastEventId === "string" ? /^([0-9a-f]+)\.(\d{1,9})$/.exec(lastEventId) : null;
  if (m) return m[1] === rooms.epoch ? Number(m[2]) : 0;
  const n = typeof after === "string" && /^\d{1,9}$/.test(after) ? Number(after) : 0;
  return n;
}

/**
 * Starts an event stream on `res` for `userId` in `room`, replaying after `after`; returns null
 * (and writes nothing) when the room is full.
 */
export function openStream(
  rooms: Rooms,
  room: string,
  userId: string,
  after: number,
  res: ServerResponse,
  streams: Set<OpenStream>,
): OpenStream | null {
  let remove: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  const stream: OpenStream = {
    userId,
    push(m) {
      const data = { ...forPage(m, userId), epoch: rooms.epoch };
      res.write(`id: ${rooms.epoch}.${m.id}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      clearInterval(timer);
      remove?.();
      streams.delete(stream);
      if (!res.writableEnded) res.end();
    },
  };
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "keep-alive",
  });
  res.write("retry: 2000\n\n");
  remove = rooms.listen(room, stream, after);
  if (!remove) {
    res.end();
    return null;
  }
  streams.add(stream);
  timer = setInterval(() => res.write(": ping\n\n"), KEEPALIVE_MS);
  timer.unref();
  res.on("close", () => stream.end());
  return stream;
}
