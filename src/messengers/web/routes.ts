import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ChatCore, Inbound } from "../../chat/index.js";
import { t } from "../../i18n/index.js";
import { findUnit, subscribeChat } from "../../reminders/index.js";
import type { Store } from "../../store/index.js";
import { forPage, type OpenStream, openStream, resumeAfter } from "./events.js";
import { type CountdownOf, toWire } from "./render.js";
import type { Rooms } from "./rooms.js";
import {
  ActionBody,
  check,
  EventsQuery,
  errorBody,
  JoinBody,
  MessageBody,
  UnitBody,
  UnitsQuery,
} from "./schemas.js";

/** What the web chat's API needs. */
export interface WebChatDeps {
  chat: ChatCore;
  rooms: Rooms;
  /** The reminders store: its units are offered in the page, a picked unit reaches the room. */
  store: Store;
  now: () => Date;
  countdownOf: CountdownOf;
  /** Open event streams, so the server can end them on shutdown. */
  streams: Set<OpenStream>;
}

type Who = { room: string; user: string; name: string; lang?: string | undefined };

/**
 * The web chat's JSON API under `/api`: a room behaves as a group chat in which every message is
 * addressed to the bot (`mentioned`), so a question is answered as in a private chat while quizzes
 * and leaderboards stay the room's. The page's language is the `langHint` of commands and button
 * presses (the quiz and reminder replies); a free question is answered in its own language.
 */
export function webChatRoutes(deps: WebChatDeps): FastifyPluginAsync {
  const { chat, rooms } = deps;

  function inbound(who: Who, fields: { text: string; action?: string }): Inbound {
    const command = !!fields.action || fields.text.trimStart().startsWith("/");
    return {
      messenger: "web",
      chatId: who.room,
      userId: who.user,
      userName: who.name,
      isPrivate: false,
      mentioned: true,
      // The room's first participant administers it, as a group's creator does (quizzes).
      isChatAdmin: rooms.ownerOf(who.room, who.user),
      text: fields.text,
      ...(fields.action ? { action: fields.action } : {}),
      ...(command && who.lang ? { langHint: who.lang as Inbound["langHint"] } : {}),
    };
  }

  /** Runs the core and posts its replies: private ones to the asker alone. */
  async function answer(who: Who, msg: Inbound) {
    const replies = await chat.handle(msg);
    return replies.map((r) => {
      const posted = rooms.publish(who.room, toWire(r, deps.countdownOf, r.private ? who.user : undefined));
      return forPage(posted, who.user);
    });
  }

  const bad = (reply: FastifyReply, status: number, key: string, lang?: unknown) =>
    reply.code(status).send(errorBody(key, lang));
  const langOf = (req: FastifyRequest) => (req.body as { lang?: unknown } | undefined)?.lang;

  return async (api) => {
    api.post("/join", async (req, reply) => {
      const body = check(JoinBody, req.body);
      if (!body.ok) return bad(reply, 400, body.key, langOf(req));
      const w = body.value;
      return { room: w.room, owner: rooms.ownerOf(w.room, w.user) };
    });

    api.post("/message", async (req, reply) => {
      const body = check(MessageBody, req.body);
      if (!body.ok) return bad(reply, 400, body.key, langOf(req));
      const w = body.value;
      rooms.publish(w.room, { kind: "user", name: w.name, from: w.user, text: w.text });
      return { replies: await answer(w, inbound(w, { text: w.text })) };
    });

    api.post("/action", async (req, reply) => {
      const body = check(ActionBody, req.body);
      if (!body.ok) return bad(reply, 400, body.key, langOf(req));
      const w = body.value;
      // Only buttons the bot sent to this room: a forged action never reaches the core.
      if (!rooms.knows(w.room, w.action)) return bad(reply, 400, "unknownAction", w.lang);
      return { replies: await answer(w, inbound(w, { text: "", action: w.action })) };
    });

    api.get("/units", async (req, reply) => {
      const q = check(UnitsQuery, req.query);
      if (!q.ok) return bad(reply, 400, q.key);
      const linked = new Set(deps.store.subscriptions.ofChat("web", q.value.room).map((s) => s.unitId));
      return {
        units: deps.store.units.list().map((u) => ({ id: u.id, name: u.name, linked: linked.has(u.id) })),
      };
    });

    // Decision: picking a unit links the room to it as a `web` subscription in the reminders store
    // (source "chat", persisted in the database), exactly as `/subscribe UNIT` does in a group. The
    // dispatcher then sends the unit's reminders to the room through the web outbox. Applying the
    // YAML config at start-up only adds links, so it keeps this one across restarts. Anyone in the
    // room may pick: the page is served on loopback unless WEB_HOST opens it wider.
    api.post("/unit", async (req, reply) => {
      const body = check(UnitBody, req.body);
      if (!body.ok) return bad(reply, 400, body.key, langOf(req));
      const w = body.value;
      const unit = findUnit(deps.store.units.list(), w.unit);
      if (!unit) return bad(reply, 400, "unknownUnit", w.lang);
      const r = subscribeChat(deps.store, unit.id, { messenger: "web", chatId: w.room }, deps.now());
      if (!r.ok) return bad(reply, 400, "unknownUnit", w.lang);
      const lang = w.lang === undefined ? "vi" : (w.lang as "vi");
      rooms.publish(w.room, {
        kind: "bot",
        lang,
        text: t(lang, "web.unitLinked", { name: w.name, unit: r.unit.name }),
      });
      return { unit: { id: r.unit.id, name: r.unit.name }, added: r.added };
    });

    api.get("/events", async (req, reply) => {
      const q = check(EventsQuery, req.query);
      if (!q.ok) return bad(reply, 400, q.key);
      if (!rooms.hasRoom(q.value.room)) return bad(reply, 503, "roomFull");
      const after = resumeAfter(
        rooms,
        req.headers["last-event-id"],
        (req.query as { after?: unknown }).after,
      );
      reply.hijack();
      openStream(rooms, q.value.room, q.value.user, after, reply.raw, deps.streams);
    });
  };
}
