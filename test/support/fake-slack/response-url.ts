import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { validateBlocks, withGeneratedIds } from "./blocks.js";
import { readBody } from "./params.js";
import type { Recorder } from "./recorder.js";
import type { Json, ResponseUrlPost } from "./types.js";
import { MAX_TEXT_LENGTH } from "./web-api-chat.js";
import type { Workspace } from "./workspace.js";

/** What a response_url was issued for: who triggered it where, and for a click, which message. */
export interface ResponseOrigin {
  origin: ResponseUrlPost["origin"];
  channel: string;
  user: string;
  /** The message whose button was clicked (block_actions), for replace_original / delete_original. */
  messageTs?: string;
  ephemeral?: boolean;
}

/**
 * The fake's response_url endpoint. Like Slack's: JSON body with text/blocks; `response_type:
 * "in_channel"` posts to the channel, otherwise an ephemeral to the user; `replace_original` and
 * `delete_original` act on the clicked message. Bad content gets HTTP 400 with a plain-text error code
 * (so Bolt's `respond()` throws), success gets 200.
 */
export class ResponseUrls {
  private readonly issued = new Map<string, ResponseOrigin>();

  constructor(
    private readonly ws: Workspace,
    private readonly recorder: Recorder,
    private readonly baseUrl: () => string,
  ) {}

  /** A new response_url pointing back at this fake. */
  issue(origin: ResponseOrigin): string {
    const id = randomUUID();
    this.issued.set(id, origin);
    return `${this.baseUrl()}/response/${id}`;
  }

  /** Handles `POST /response/<id>`. */
  async handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    const origin = this.issued.get(id);
    if (!origin) return plain(res, 404, "expired_url");
    let body: Json;
    try {
      const parsed: unknown = JSON.parse(raw);
      body = typeof parsed === "object" && parsed !== null ? (parsed as Json) : {};
    } catch {
      return plain(res, 400, "invalid_payload");
    }
    const error = this.apply(origin, body);
    const { origin: kind, channel, user } = origin;
    const status = error ? 400 : 200;
    this.recorder.responses.push({ id, origin: kind, channel, user, body, status, at: this.ws.now() });
    this.recorder.changed();
    if (error) return plain(res, 400, error);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true }));
  }

  /** Carries out the response; returns an error code when Slack would refuse it. */
  private apply(origin: ResponseOrigin, body: Json): string | undefined {
    const text = typeof body.text === "string" ? body.text : undefined;
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (body.delete_original === true) return this.deleteOriginal(origin);
    if (text === undefined && blocks === undefined) return "no_text";
    if (text !== undefined && text.length > MAX_TEXT_LENGTH) return "msg_too_long";
    if (body.blocks !== undefined && validateBlocks(body.blocks).length > 0) return "invalid_blocks";
    const content = { text: text ?? "", ...(blocks ? { blocks: withGeneratedIds(blocks) } : {}) };
    if (body.replace_original === true) return this.replaceOriginal(origin, content);
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
    const ts = this.ws.nextTs();
    if (body.response_type === "in_channel") {
      const { botUserId, botId, apiAppId, teamId } = this.ws.identity;
      this.ws.addMessage({
        channel: origin.channel,
        type: "message",
        ts,
        user: botUserId,
        bot_id: botId,
        app_id: apiAppId,
        team: teamId,
        ...content,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    } else {
      this.ws.ephemerals.push({
        channel: origin.channel,
        user: origin.user,
        ts,
        ...content,
        source: "response_url",
      });
    }
    return undefined;
  }

  private replaceOriginal(
    origin: ResponseOrigin,
    content: { text: string; blocks?: unknown[] },
  ): string | undefined {
    if (!origin.messageTs) return "no_original_message";
    if (origin.ephemeral) {
      const eph = this.ws.ephemerals.find((e) => e.channel === origin.channel && e.ts === origin.messageTs);
      if (!eph) return "message_not_found";
      Object.assign(eph, content);
      return undefined;
    }
    const message = this.ws.findMessage(origin.channel, origin.messageTs);
    if (!message) return "message_not_found";
    Object.assign(message, content, { edited: { user: this.ws.identity.botUserId, ts: this.ws.nextTs() } });
    return undefined;
  }

  private deleteOriginal(origin: ResponseOrigin): string | undefined {
    if (!origin.messageTs) return "no_original_message";
    const message = this.ws.findMessage(origin.channel, origin.messageTs);
    if (origin.ephemeral || !message) return origin.ephemeral ? undefined : "message_not_found";
    message.deleted = true;
    return undefined;
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(text);
}
