/**
 * Shapes shared by the fake Slack servers. Field names follow Slack's wire format (snake_case) wherever
 * the object is something Slack itself would send or store, so tests can compare them with what Bolt sees.
 */

/** A JSON-ish object as found in request parameters and payloads. */
export type Json = Record<string, unknown>;

/** Milliseconds since the epoch; injected so tests can control ts values and trigger_id expiry. */
export type Clock = () => number;

/** A workspace member as `users.info` returns it (the subset the product may read). */
export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
  is_admin: boolean;
  tz: string;
  locale: string;
}

/** Kinds of conversation; they decide `channel_type` in message events and the errors Slack returns. */
export type ChannelKind = "public" | "private" | "im" | "mpim";

/** A conversation known to the fake. `members` includes the bot user when the bot has joined. */
export interface SlackChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  members: string[];
  is_archived: boolean;
  /** For an `im`: the human on the other side. */
  user?: string;
}

/** A reaction on a message, as `reactions.get` / message objects list it. */
export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

/** A message in a channel's history: posted by the app (has `bot_id`) or injected as a user's message. */
export interface StoredMessage {
  channel: string;
  type: "message";
  ts: string;
  text: string;
  user: string;
  team: string;
  bot_id?: string;
  app_id?: string;
  blocks?: unknown[];
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reactions?: Reaction[];
  edited?: { user: string; ts: string };
  mrkdwn?: boolean;
  /** Set (instead of removing the message) so tests can still see what was posted and then deleted. */
  deleted?: true;
}

/** An ephemeral message: seen only by `user`, never in history, but tests need to read it. */
export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  source: "chat.postEphemeral" | "response_url";
}

/** One Web API request the fake received, with what it answered. */
export interface ApiCall {
  method: string;
  params: Json;
  /** Token as presented (Authorization header or form field); undefined when none was sent. */
  token: string | undefined;
  contentType: string;
  at: number;
  status: number;
  response: Json | undefined;
  /** True when the answer came from `failNext` rather than from the method itself. */
  injected: boolean;
}

/** One POST to a `response_url` the fake issued for a slash command or an interaction. */
export interface ResponseUrlPost {
  id: string;
  origin: "slash_command" | "block_actions";
  channel: string;
  user: string;
  body: Json;
  /** 200 when the fake carried it out, 400 when it refused it (bad blocks, no text, …). */
  status: number;
  at: number;
}

/** What a method handler answers: a Slack JSON body, and rarely another HTTP status or headers. */
export interface ApiReply {
  status: number;
  body: Json;
  headers?: Record<string, string>;
  /** A non-JSON body (gateway-style failures); when set, `body` is not sent. */
  raw?: string;
}

/**
 * A failure to inject into the next call(s) of a method.
 * - `{status: 429, retryAfter}`: HTTP 429, `Retry-After` header, body `{ok:false,error:"ratelimited"}`.
 * - `{error}`: HTTP 200 `{ok:false,error}` (Slack reports almost every failure that way).
 * - `{status}` (not 429): that HTTP status with `body` (default empty), as a gateway error would look.
 * - `{hang: true}`: never answer (until `close()`); `{hang: ms}`: answer normally after `ms`.
 */
export interface Failure {
  status?: number;
  retryAfter?: number;
  error?: string;
  body?: string;
  hang?: true | number;
  /** How many consecutive calls fail this way (default 1). */
  times?: number;
}
