import type { Inbound } from "../../chat/index.js";

/**
 * Slack payloads → the chat core's `Inbound`. Only the fields the adapter reads are declared here;
 * Bolt's own types are wider and vary by event subtype.
 */

/** The fields of an `app_mention` or `message` event that the adapter reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  client_msg_id?: string;
}

/** The fields of a slash command the adapter reads. */
export interface SlackCommand {
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
}

/** The fields of a `block_actions` payload the adapter reads. */
export interface SlackBlockActions {
  user: { id: string; username?: string; name?: string };
  channel?: { id: string; name?: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  message?: { ts: string; thread_ts?: string };
  actions: { action_id: string; value?: string }[];
}

/** Message subtypes that are a person writing to the bot; edits, joins, deletions and bot posts are not. */
const PERSON_SUBTYPES = new Set([undefined, "thread_broadcast", "file_share"]);

/** True when a message event is a person's new message (not an edit, a join, a bot's post, or the bot's own). */
export function isPersonMessage(event: SlackMessageEvent, botUserId: string | undefined): boolean {
  return PERSON_SUBTYPES.has(event.subtype) && !event.bot_id && !!event.user && event.user !== botUserId;
}

/** Slack's text entities back to characters (Slack escapes &, < and > in what people type). */
function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Removes `<@BOT>` / `<@BOT|name>` mentions of the bot and tidies the spaces they leave. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g") : /(?!)/g;
  return unescapeEntities(text.replace(mention, " "))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** A one-to-one conversation with the bot (DM channel ids start with D). */
export const isDirectChannel = (channel: string, channelType?: string): boolean =>
  channelType === "im" || channel.startsWith("D");

/**
 * The thread an answer goes to. In channels every answer is threaded under the asking message
 * (`thread_ts ?? ts`), so a busy channel stays readable and "and task 5?" in that thread keeps its
 * context. In a DM the answer stays where the question was: top level unless asked inside a thread.
 */
export function replyThread(
  event: { ts: string; thread_ts?: string },
  isPrivate: boolean,
): string | undefined {
  return isPrivate ? event.thread_ts : (event.thread_ts ?? event.ts);
}

/** An `app_mention` or a DM `message` event as an Inbound. */
export function fromMessageEvent(event: SlackMessageEvent, botUserId: string | undefined): Inbound {
  const isPrivate = isDirectChannel(event.channel, event.channel_type);
  const raw = event.text ?? "";
  const threadId = replyThread(event, isPrivate);
  return {
    messenger: "slack",
    chatId: event.channel,
    userId: event.user ?? "",
    isPrivate,
    text: stripMention(raw, botUserId),
    messageId: event.ts,
    mentioned: event.type === "app_mention" || (!!botUserId && raw.includes(`<@${botUserId}`)),
    ...(threadId ? { threadId } : {}),
  };
}

/**
 * The text a `/cadre` slash command stands for: a known command word becomes that command
 * (`task 4 1470-CV/TU` → `/task 4 1470-CV/TU`), empty text asks for help, anything else is a question.
 */
export function slashCommandText(text: string, commands: ReadonlySet<string>): string {
  const trimmed = unescapeEntities(text).trim();
  if (!trimmed) return "/help";
  if (trimmed.startsWith("/")) return trimmed;
  const word = trimmed.split(/\s/, 1)[0]?.toLowerCase() ?? "";
  return commands.has(word) ? `/${trimmed}` : trimmed;
}

/** A `/cadre` invocation as an Inbound (addressed to the bot by definition). */
export function fromSlashCommand(command: SlackCommand, commands: ReadonlySet<string>): Inbound {
  return {
    messenger: "slack",
    chatId: command.channel_id,
    userId: command.user_id,
    ...(command.user_name ? { userName: command.user_name } : {}),
    isPrivate: command.channel_name === "directmessage" || isDirectChannel(command.channel_id),
    text: slashCommandText(command.text, commands),
    mentioned: true,
  };
}

/**
 * A click on one of the bot's buttons as an Inbound: `action` is the button's value, the thread is
 * the clicked message's, and it counts as a reply to the bot. Null for a payload without a value.
 */
export function fromBlockAction(body: SlackBlockActions): Inbound | null {
  const action = body.actions[0];
  const chatId = body.channel?.id ?? body.container?.channel_id;
  if (!action?.value || !chatId) return null;
  const isPrivate = body.channel?.name === "directmessage" || isDirectChannel(chatId);
  const ts = body.message?.ts ?? body.container?.message_ts;
  const parentThread = body.message?.thread_ts ?? body.container?.thread_ts;
  const threadId = ts ? replyThread({ ts, thread_ts: parentThread }, isPrivate) : parentThread;
  return {
    messenger: "slack",
    chatId,
    userId: body.user.id,
    ...(body.user.username ? { userName: body.user.username } : {}),
    isPrivate,
    text: "",
    action: action.value,
    replyToBot: true,
    ...(ts ? { messageId: ts } : {}),
    ...(threadId ? { threadId } : {}),
  };
}
