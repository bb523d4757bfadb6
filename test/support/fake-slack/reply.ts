import type { ApiReply, Json, StoredMessage } from "./types.js";
import type { Workspace } from "./workspace.js";

/** What every Web API method handler receives. */
export interface MethodContext {
  ws: Workspace;
  params: Json;
  /** The URL `apps.connections.open` hands out (a fresh ticket each time). */
  openSocketUrl: () => string;
}

/** A Web API method implementation. */
export type MethodHandler = (ctx: MethodContext) => ApiReply;

/** Slack's success shape: HTTP 200, `{ok: true, ...}`. */
export function ok(body: Json = {}): ApiReply {
  return { status: 200, body: { ok: true, ...body } };
}

/** Slack's failure shape: HTTP 200 (Slack uses 200 for nearly every error), `{ok: false, error}`. */
export function fail(error: string, extra: Json = {}): ApiReply {
  return { status: 200, body: { ok: false, error, ...extra } };
}

/** `invalid_arguments` with the "[ERROR] …" lines Slack puts in response_metadata. */
export function invalidArguments(...lines: string[]): ApiReply {
  return fail("invalid_arguments", { response_metadata: { messages: lines.map((l) => `[ERROR] ${l}`) } });
}

/** A stored message as Slack returns it in API answers: without our bookkeeping fields. */
export function messageView(message: StoredMessage): Json {
  const { channel: _channel, deleted: _deleted, ...rest } = message;
  return rest;
}
