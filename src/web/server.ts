import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { App } from "../app.js";
import type { Outbox } from "../chat/index.js";
import type { Engine } from "../engine.js";
import {
  createWebOutbox,
  errorBody,
  type OpenStream,
  Rooms,
  webChatRoutes,
} from "../messengers/web/index.js";
import { dashboardRoutes } from "./dashboard/index.js";
import { documentsRoutes } from "./documents.js";
import { PAGE_HEADERS } from "./html.js";
import { postLimit } from "./limits.js";
import { phrasesRoutes } from "./phrases.js";

/**
 * The local web server (`npm start` serves it on PORT_WEB): the web chat page and its API, the
 * documents pages, and the committee's dashboard under `/dashboard`. One Fastify instance; the
 * chat is the `web` messenger adapter over the app's chat core, not a second implementation.
 */

/** The static files of the chat page (plain HTML/CSS/JS, no build step). */
export const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

/** What `startWeb` takes. */
export interface WebOptions {
  app: App;
  engine: Engine;
  /** Default 127.0.0.1 (loopback only); WEB_HOST widens it. */
  host?: string;
  /** 0 picks any free port. */
  port: number;
  /** WEB_ADMIN_TOKEN: opens the dashboard; undefined leaves it off. */
  adminToken?: string;
  log: (line: string) => void;
  /** The reminders' clock (tests move it); default the wall clock. */
  now?: () => Date;
}

/** A running web server. */
export interface Web {
  /** `http://host:port` as bound. */
  url: string;
  /** The `web` messenger's outbox: reminders and quizzes post into rooms through it. */
  outbox: Outbox;
  /** Ends the open event streams and stops listening; idempotent. */
  close(): Promise<void>;
}

/** The port is taken: the message names PORT_WEB. */
export class WebPortError extends Error {}

/** Builds the server without listening (tests use `inject`); `startWeb` listens. */
export async function buildWeb(
  opts: WebOptions,
): Promise<{ server: FastifyInstance; outbox: Outbox; closeStreams(): void }> {
  const { app, engine } = opts;
  const now = opts.now ?? (() => new Date());
  const rooms = new Rooms();
  const streams = new Set<OpenStream>();
  // A quiz question's buttons carry `qz:<session>:<question>:<option>`: its session knows the time limit.
  const countdownOf = (buttons: { action: string }[]) => {
    const id = buttons[0]?.action.match(/^qz:([^:]+):\d+:\d+$/)?.[1];
    return id ? app.quiz.live.get(id)?.session.seconds : undefined;
  };
  const outbox = createWebOutbox(rooms, countdownOf);
  const server = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  server.setErrorHandler(async (error, _req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) opts.log(`web: ${(error as Error).stack ?? error}`);
    const code = status === 413 ? "tooLarge" : status < 500 ? "badRequest" : "failed";
    return reply.code(status).send(errorBody(code));
  });
  server.setNotFoundHandler(async (_req, reply) => reply.code(404).send(errorBody("notFound")));
  await server.register(fastifyStatic, {
    root: PUBLIC_DIR,
    decorateReply: false,
    setHeaders: (reply) => {
      for (const [k, v] of Object.entries(PAGE_HEADERS)) reply.header(k, v);
    },
  });
  await server.register(
    async (api) => {
      api.addHook("onRequest", postLimit());
      await api.register(phrasesRoutes);
      await api.register(
        webChatRoutes({ chat: app.chat, rooms, store: app.reminders, now, countdownOf, streams }),
      );
    },
    { prefix: "/api" },
  );
  await server.register(documentsRoutes(() => engine.index));
  await server.register(dashboardRoutes({ store: app.reminders, now, token: opts.adminToken }), {
    prefix: "/dashboard",
  });
  const closeStreams = () => {
    for (const s of [...streams]) s.end();
  };
  return { server, outbox, closeStreams };
}

/**
 * Starts the web server on host:port and returns its address and outbox (the caller registers the
 * outbox as the app's `web` messenger). A taken port fails with a `WebPortError` naming PORT_WEB.
 */
export async function startWeb(opts: WebOptions): Promise<Web> {
  const { server, outbox, closeStreams } = await buildWeb(opts);
  const host = opts.host ?? "127.0.0.1";
  try {
    await server.listen({ host, port: opts.port });
  } catch (error) {
    await server.close();
    if ((error as { code?: string }).code === "EADDRINUSE")
      throw new WebPortError(
        `port ${opts.port} is already in use (the web page needs it): free it or set PORT_WEB to another port`,
      );
    throw error;
  }
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const shown = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${shown === "0.0.0.0" ? "127.0.0.1" : shown}:${port}`,
    outbox,
    close() {
      closed ??= (async () => {
        closeStreams();
        await server.close();
      })();
      return closed;
    },
  };
}
