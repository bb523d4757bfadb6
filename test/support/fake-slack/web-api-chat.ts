import { validateBlocks, withGeneratedIds } from "./blocks.js";
import { bool, jsonParam, str } from "./params.js";
import { fail, invalidArguments, type MethodContext, type MethodHandler, messageView, ok } from "./reply.js";
import type { ApiReply, Json, SlackChannel, StoredMessage } from "./types.js";
import type { Workspace } from "./workspace.js";

/** Slack answers msg_too_long above 40,000 characters of `text` (it recommends staying under 4,000). */
export const MAX_TEXT_LENGTH = 40_000;

/**
 * Finds the conversation a bot may post to, with Slack's error codes: a user id means the bot's DM with
 * that user; a private conversation the bot is not in is invisible (channel_not_found); a public one it
 * has not joined gives not_in_channel.
 */
export function postableChannel(ws: Workspace, id: string | undefined): SlackChannel | string {
  if (!id) return "channel_not_found";
  if (id.startsWith("U") && ws.users.has(id)) return ws.openIm(id);
  const channel = ws.channels.get(id);
  if (!channel) return "channel_not_found";
  const member = ws.botIsMember(channel);
  if (!member && channel.kind !== "public") return "channel_not_found";
  if (channel.is_archived) return "is_archived";
  if (!member) return "not_in_channel";
  return channel;
}

/** Reads and validates `text` + `blocks` together: the content of a new or edited message. */
function messageContent(params: Json, required: boolean): { text?: string; blocks?: unknown[] } | ApiReply {
  const parsed = jsonParam(params, "blocks");
  if (!parsed.ok) return fail("invalid_blocks_format");
  const blocks = parsed.value;
  if (blocks !== undefined) {
    const errors = validateBlocks(blocks, "message");
    if (errors.length > 0) {
      return fail("invalid_blocks", {
        errors,
        response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
      });
    }
  }
  const text = str(params, "text");
  const hasAttachments = params.attachments !== undefined && params.attachments !== "[]";
  if (required && text === undefined && blocks === undefined && !hasAttachments) return fail("no_text");
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) return fail("msg_too_long");
  const stored = blocks !== undefined ? { blocks: withGeneratedIds(blocks as unknown[]) } : {};
  return { ...(text !== undefined ? { text } : {}), ...stored };
}

const isReply = (v: object): v is ApiReply => "status" in v && "body" in v;

const postMessage: MethodHandler = ({ ws, params }) => {
  const channel = postableChannel(ws, str(params, "channel"));
  if (typeof channel === "string") return fail(channel);
  const content = messageContent(params, true);
  if (isReply(content)) return content;
  const { botUserId, botId, apiAppId, teamId } = ws.identity;
  const threadTs = str(params, "thread_ts");
  const mrkdwn = bool(params, "mrkdwn");
  const message = ws.addMessage({
    channel: channel.id,
    type: "message",
    ts: ws.nextTs(),
    text: content.text ?? "",
    user: botUserId,
    bot_id: botId,
    app_id: apiAppId,
    team: teamId,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(mrkdwn !== undefined ? { mrkdwn } : {}),
  });
  return ok({ channel: channel.id, ts: message.ts, message: messageView(message) });
};

const postEphemeral: MethodHandler = ({ ws, params }) => {
  const channel = postableChannel(ws, str(params, "channel"));
  if (typeof channel === "string") return fail(channel);
  const user = str(params, "user");
  if (!user) return invalidArguments("missing required field: user");
  if (!ws.users.has(user)) return fail("user_not_found");
  if (!channel.members.includes(user)) return fail("user_not_in_channel");
  const content = messageContent(params, true);
  if (isReply(content)) return content;
  const ts = ws.nextTs();
  const threadTs = str(params, "thread_ts");
  ws.ephemerals.push({
    channel: channel.id,
    user,
    ts,
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    source: "chat.postEphemeral",
  });
  return ok({ message_ts: ts });
};

/** The bot's own message at channel/ts, or Slack's error code for why it cannot be touched. */
function ownMessage(ctx: MethodContext, denied: string): StoredMessage | ApiReply {
  const channelId = str(ctx.params, "channel");
  const ts = str(ctx.params, "ts");
  if (!channelId) return fail("channel_not_found");
  if (!ts) return invalidArguments("missing required field: ts");
  const message = ctx.ws.findMessage(channelId, ts);
  if (!message) return fail("message_not_found");
  if (message.user !== ctx.ws.identity.botUserId) return fail(denied);
  return message;
}

const update: MethodHandler = (ctx) => {
  const message = ownMessage(ctx, "cant_update_message");
  if ("status" in message) return message;
  const content = messageContent(ctx.params, false);
  if (isReply(content)) return content;
  if (content.text !== undefined) message.text = content.text;
  // Slack keeps the previous blocks when `blocks` is omitted; an empty array removes them.
  if (content.blocks !== undefined) message.blocks = content.blocks;
  message.edited = { user: ctx.ws.identity.botUserId, ts: ctx.ws.nextTs() };
  return ok({ channel: message.channel, ts: message.ts, text: message.text, message: messageView(message) });
};

const remove: MethodHandler = (ctx) => {
  const message = ownMessage(ctx, "cant_delete_message");
  if ("status" in message) return message;
  message.deleted = true;
  return ok({ channel: message.channel, ts: message.ts });
};

/** chat.* methods. */
export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": remove,
};
