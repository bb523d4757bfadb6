import { randomUUID } from "node:crypto";
import { messageView } from "./reply.js";
import type { ResponseOrigin } from "./response-url.js";
import type { ChannelKind, Json, StoredMessage } from "./types.js";
import type { Workspace } from "./workspace.js";

/** What payload builders need from the fake: its state and a way to mint response_urls. */
export interface PayloadContext {
  ws: Workspace;
  issueResponseUrl: (origin: ResponseOrigin) => string;
}

/** A message a person writes. Defaults: Alice (U0ALICE) in #general (C0GENERAL). */
export interface UserMessageInput {
  text: string;
  user?: string;
  channel?: string;
  /** Reply in the thread of this message. */
  threadTs?: string;
  /** Reuse an existing message (e.g. to send both `app_mention` and `message` for one post). */
  ts?: string;
}

/** A slash command invocation. Defaults: `/cadre` by Alice in #general. */
export interface SlashCommandInput {
  text?: string;
  command?: string;
  user?: string;
  channel?: string;
}

/** A click on a button of a message the app posted (found by channel + ts + action_id). */
export interface BlockActionInput {
  channel: string;
  messageTs: string;
  actionId: string;
  /** Needed only when two blocks hold the same action_id. */
  blockId?: string;
  user?: string;
  /** The clicked message is an ephemeral one (Slack then sends no `message` in the payload). */
  ephemeral?: boolean;
}

/** Slack's `channel_type` in message events for each kind of conversation. */
const CHANNEL_TYPE: Record<ChannelKind, string> = {
  public: "channel",
  private: "group",
  im: "im",
  mpim: "mpim",
};

function channelOf(ws: Workspace, id: string) {
  const channel = ws.channels.get(id);
  if (!channel) throw new Error(`fake-slack: unknown channel ${id} (add it with workspace.addChannel)`);
  return channel;
}

function userOf(ws: Workspace, id: string) {
  const user = ws.users.get(id);
  if (!user) throw new Error(`fake-slack: unknown user ${id} (add it with workspace.addUser)`);
  return user;
}

/** Stores the person's message in channel history (so reactions/threads on it work) and returns it. */
export function storeUserMessage(ctx: PayloadContext, input: UserMessageInput): StoredMessage {
  const { ws } = ctx;
  const channel = channelOf(ws, input.channel ?? "C0GENERAL").id;
  const user = userOf(ws, input.user ?? "U0ALICE").id;
  const existing = input.ts ? ws.findMessage(channel, input.ts) : undefined;
  if (existing) return existing;
  const message: StoredMessage = {
    channel,
    type: "message",
    ts: input.ts ?? ws.nextTs(),
    text: input.text,
    user,
    team: ws.identity.teamId,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
  };
  return ws.addMessage(message);
}

/** Wraps an inner event in Slack's `event_callback` envelope (Events API and Socket Mode alike). */
export function eventCallback(ws: Workspace, event: Json): Json {
  const { verificationToken, teamId, apiAppId, botUserId } = ws.identity;
  return {
    token: verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: apiAppId,
    event,
    type: "event_callback",
    event_id: `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(ws.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

function messageFields(message: StoredMessage): Json {
  return {
    user: message.user,
    text: message.text,
    ts: message.ts,
    channel: message.channel,
    event_ts: message.ts,
    team: message.team,
    client_msg_id: randomUUID(),
    ...(message.thread_ts ? { thread_ts: message.thread_ts, parent_user_id: message.parent_user_id } : {}),
  };
}

/** An `app_mention` event envelope for a stored message. */
export function appMentionEnvelope(ws: Workspace, message: StoredMessage): Json {
  return eventCallback(ws, { type: "app_mention", ...messageFields(message) });
}

/** A `message` event envelope; `channel_type` comes from the conversation (im, channel, group, mpim). */
export function messageEnvelope(ws: Workspace, message: StoredMessage): Json {
  const kind = channelOf(ws, message.channel).kind;
  return eventCallback(ws, { type: "message", ...messageFields(message), channel_type: CHANNEL_TYPE[kind] });
}

/** Slash command fields as Slack posts them (all strings; form-encoded over HTTP). */
export function slashCommandFields(ctx: PayloadContext, input: SlashCommandInput): Record<string, string> {
  const { ws } = ctx;
  const channel = channelOf(ws, input.channel ?? "C0GENERAL");
  const user = userOf(ws, input.user ?? "U0ALICE");
  const { verificationToken, teamId, teamDomain, apiAppId } = ws.identity;
  return {
    token: verificationToken,
    team_id: teamId,
    team_domain: teamDomain,
    channel_id: channel.id,
    channel_name: channel.kind === "im" ? "directmessage" : channel.name,
    user_id: user.id,
    user_name: user.name,
    command: input.command ?? "/cadre",
    text: input.text ?? "",
    api_app_id: apiAppId,
    is_enterprise_install: "false",
    response_url: ctx.issueResponseUrl({ origin: "slash_command", channel: channel.id, user: user.id }),
    trigger_id: ws.issueTrigger(),
  };
}

/** Finds the element with `actionId` (and `blockId`) in stored blocks: in actions blocks or accessories. */
function findElement(
  blocks: unknown[],
  actionId: string,
  blockId?: string,
): { blockId: string; element: Json } {
  for (const raw of blocks) {
    const block = raw as Json;
    if (blockId !== undefined && block.block_id !== blockId) continue;
    const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    for (const el of candidates) {
      const element = el as Json | undefined;
      if (element?.action_id === actionId) return { blockId: String(block.block_id), element };
    }
  }
  throw new Error(`fake-slack: no element with action_id ${actionId} in that message`);
}

/** A `block_actions` interaction payload for a click on a button the app posted. */
export function blockActionsPayload(ctx: PayloadContext, input: BlockActionInput): Json {
  const { ws } = ctx;
  const user = userOf(ws, input.user ?? "U0ALICE");
  const channel = channelOf(ws, input.channel);
  const message = input.ephemeral
    ? ws.ephemerals.find((e) => e.channel === channel.id && e.ts === input.messageTs && e.user === user.id)
    : ws.findMessage(channel.id, input.messageTs);
  if (!message)
    throw new Error(`fake-slack: no message ${input.messageTs} in ${channel.id} visible to ${user.id}`);
  const { blockId, element } = findElement(message.blocks ?? [], input.actionId, input.blockId);
  const { teamId, teamDomain, apiAppId, verificationToken } = ws.identity;
  const action: Json = {
    action_id: input.actionId,
    block_id: blockId,
    type: element.type,
    action_ts: ws.nextTs(),
  };
  for (const key of ["text", "value", "style"]) if (element[key] !== undefined) action[key] = element[key];
  const origin = {
    channel: channel.id,
    user: user.id,
    messageTs: input.messageTs,
    ephemeral: !!input.ephemeral,
  };
  return {
    type: "block_actions",
    user: { id: user.id, username: user.name, name: user.name, team_id: teamId },
    api_app_id: apiAppId,
    token: verificationToken,
    container: {
      type: "message",
      message_ts: input.messageTs,
      channel_id: channel.id,
      is_ephemeral: !!input.ephemeral,
    },
    trigger_id: ws.issueTrigger(),
    team: { id: teamId, domain: teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.kind === "im" ? "directmessage" : channel.name },
    ...(input.ephemeral ? {} : { message: messageView(message as StoredMessage) }),
    state: { values: {} },
    response_url: ctx.issueResponseUrl({ origin: "block_actions", ...origin }),
    actions: [action],
  };
}
