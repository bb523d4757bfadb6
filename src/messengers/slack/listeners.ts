import type { App, RespondFn } from "@slack/bolt";
import type { ChatCore, Inbound, Reply } from "../../chat/index.js";
import { BUTTON_ACTION_ID, renderReply } from "./blocks.js";
import type { EventDeduper } from "./dedupe.js";
import {
  fromBlockAction,
  fromMessageEvent,
  fromSlashCommand,
  isPersonMessage,
  type SlackBlockActions,
  type SlackMessageEvent,
} from "./inbound.js";

/** The slash command the app manifest declares. */
export const SLASH_COMMAND = "/cadre";

/** What the listeners need from the adapter. */
export interface ListenerDeps {
  chat: ChatCore;
  deduper: EventDeduper;
  /** Words `/cadre WORD …` runs as the command `/WORD …`. */
  commands: ReadonlySet<string>;
  /** Runs one answer as tracked work: errors are logged with `label`, `stop()` waits for it. */
  track(label: string, work: () => Promise<void>): Promise<void>;
}

type Client = App["client"];

/** Posts replies in a conversation: normal ones to the thread, private ones as ephemerals to `user`. */
async function postReplies(
  client: Client,
  to: { channel: string; threadTs?: string; user: string },
  replies: Reply[],
): Promise<void> {
  for (const reply of replies) {
    for (const { text, blocks } of renderReply(reply)) {
      const thread = to.threadTs ? { thread_ts: to.threadTs } : {};
      if (reply.private) {
        await client.chat.postEphemeral({ channel: to.channel, user: to.user, text, blocks, ...thread });
      } else {
        await client.chat.postMessage({ channel: to.channel, text, blocks, ...thread });
      }
    }
  }
}

/** Answers a slash command through its response_url: visible to the channel unless the reply is private. */
async function respondReplies(respond: RespondFn, replies: Reply[]): Promise<void> {
  for (const reply of replies) {
    for (const { text, blocks } of renderReply(reply)) {
      await respond({ response_type: reply.private ? "ephemeral" : "in_channel", text, blocks });
    }
  }
}

/** Answers an Inbound that came from a conversation (mention, DM, button click). */
async function answer(client: Client, deps: ListenerDeps, msg: Inbound): Promise<void> {
  const replies = await deps.chat.handle(msg);
  const to = { channel: msg.chatId, user: msg.userId, ...(msg.threadId ? { threadTs: msg.threadId } : {}) };
  await postReplies(client, to, replies);
}

/**
 * A person's message for the bot, once: events are acknowledged by Bolt before this runs (so within
 * Slack's 3 s), and a retried or doubled delivery (same event_id, client_msg_id or channel + ts) is
 * dropped here.
 */
async function onMessage(
  client: Client,
  deps: ListenerDeps,
  eventId: string | undefined,
  event: SlackMessageEvent,
  botUserId: string | undefined,
): Promise<void> {
  if (!isPersonMessage(event, botUserId)) return;
  const keys = [
    eventId && `event:${eventId}`,
    event.client_msg_id && `msg:${event.client_msg_id}`,
    `ts:${event.channel}:${event.ts}`,
  ];
  if (!deps.deduper.claim(keys)) return;
  const msg = fromMessageEvent(event, botUserId);
  await deps.track(`${event.type} ${event.channel}/${event.ts}`, () => answer(client, deps, msg));
}

/** Mounts the Slack listeners: mentions, DMs, `/cadre`, and clicks on the bot's buttons. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.event("app_mention", async ({ event, body, context, client }) => {
    await onMessage(client, deps, body.event_id, event as SlackMessageEvent, context.botUserId);
  });

  // Only direct messages: in channels the bot answers app_mention, not every message it can read.
  app.event("message", async ({ event, body, context, client }) => {
    const message = event as unknown as SlackMessageEvent;
    if (message.channel_type !== "im") return;
    await onMessage(client, deps, body.event_id, message, context.botUserId);
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack(); // at once: Slack shows an error after 3 s without it
    const msg = fromSlashCommand(command, deps.commands);
    await deps.track(`${SLASH_COMMAND} ${command.channel_id}`, async () => {
      await respondReplies(respond, await deps.chat.handle(msg));
    });
  });

  app.action(BUTTON_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    const msg = fromBlockAction(body as unknown as SlackBlockActions);
    if (!msg) return;
    await deps.track(`button ${msg.chatId}/${msg.messageId ?? "?"}`, () => answer(client, deps, msg));
  });
}
