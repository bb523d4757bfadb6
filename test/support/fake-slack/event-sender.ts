import {
  appMentionEnvelope,
  type BlockActionInput,
  blockActionsPayload,
  messageEnvelope,
  type PayloadContext,
  type SlashCommandInput,
  slashCommandFields,
  storeUserMessage,
  type UserMessageInput,
} from "./payloads.js";
import type { EnvelopeType, SocketModeServer } from "./socket-mode.js";
import type { Json, StoredMessage } from "./types.js";

/** Options for one delivery; the HTTP-only ones are ignored over Socket Mode. */
export interface SendOptions {
  /** Slack's retry counter (X-Slack-Retry-Num header / `retry_attempt` in the envelope). */
  retryNum?: number;
  /** e.g. "http_timeout", "http_error", "timeout" (X-Slack-Retry-Reason / `retry_reason`). */
  retryReason?: string;
  /** HTTP: send a valid signature (default), a wrong one, or none. */
  signature?: "valid" | "bad" | "missing";
  /** HTTP: the X-Slack-Request-Timestamp in seconds (default: now); an old one must be refused. */
  timestampSec?: number;
  /** How long to wait for the ack (HTTP response or socket ack) before giving up. */
  timeoutMs?: number;
}

/** The outcome of delivering one event, command or interaction to the app. */
export interface Delivery {
  kind: EnvelopeType;
  /** What was delivered: event envelope, command fields, or interaction payload. */
  payload: Json;
  /** HTTP 200, or an ack received over the socket. */
  acked: boolean;
  /** Time from sending to the ack (undefined when none came). */
  ackMs: number | undefined;
  /** HTTP status (0 when no answer came in time); undefined over Socket Mode. */
  status?: number;
  /** HTTP response body text; undefined over Socket Mode. */
  body?: string;
  /** JSON the app answered with: the HTTP body parsed, or the socket ack's `payload`. */
  ackPayload?: Json;
}

/** A delivery that stored a person's message first. */
export type MessageDelivery = Delivery & { message: StoredMessage };

/**
 * Builds Slack payloads from the fake's workspace and delivers them to an app; the transport (signed
 * HTTP or Socket Mode) is the subclass's job, so the same scenario can run over both.
 */
export abstract class EventSender {
  constructor(protected readonly ctx: PayloadContext) {}

  /** Delivers a prepared payload as-is (use for hand-made or malformed payloads). */
  abstract send(kind: EnvelopeType, payload: Json, options?: SendOptions): Promise<Delivery>;

  /** A person @-mentions the app: stores their message and sends `app_mention`. */
  async appMention(input: UserMessageInput, options?: SendOptions): Promise<MessageDelivery> {
    const message = storeUserMessage(this.ctx, input);
    const delivery = await this.send("events_api", appMentionEnvelope(this.ctx.ws, message), options);
    return { ...delivery, message };
  }

  /** A person posts a message (any conversation; `channel_type` follows the conversation's kind). */
  async message(input: UserMessageInput, options?: SendOptions): Promise<MessageDelivery> {
    const message = storeUserMessage(this.ctx, input);
    const delivery = await this.send("events_api", messageEnvelope(this.ctx.ws, message), options);
    return { ...delivery, message };
  }

  /** A person writes to the app in its direct-message channel (`channel_type: "im"`). */
  dm(user: string, text: string, options?: SendOptions): Promise<MessageDelivery> {
    return this.message({ user, text, channel: this.ctx.ws.openIm(user).id }, options);
  }

  /** A person runs a slash command (default `/cadre`); its response_url points back at the fake. */
  command(input: SlashCommandInput, options?: SendOptions): Promise<Delivery> {
    return this.send("slash_commands", slashCommandFields(this.ctx, input), options);
  }

  /** A person clicks a button on a message (block_actions). */
  blockAction(input: BlockActionInput, options?: SendOptions): Promise<Delivery> {
    return this.send("interactive", blockActionsPayload(this.ctx, input), options);
  }

  /** Slack's retry of an earlier delivery: same payload, retry number one higher unless given. */
  retry(previous: Delivery, options: SendOptions = {}): Promise<Delivery> {
    const retryNum = options.retryNum ?? 1;
    return this.send(previous.kind, previous.payload, { retryReason: "http_timeout", ...options, retryNum });
  }
}

/** Delivers over the fake's Socket Mode server to the app's open connection. */
export class SocketEventSender extends EventSender {
  constructor(
    ctx: PayloadContext,
    private readonly server: SocketModeServer,
  ) {
    super(ctx);
  }

  override async send(kind: EnvelopeType, payload: Json, options: SendOptions = {}): Promise<Delivery> {
    const result = await this.server.deliver(kind, payload, {
      ...(options.retryNum !== undefined ? { retryAttempt: options.retryNum } : {}),
      ...(options.retryReason !== undefined ? { retryReason: options.retryReason } : {}),
      ...(options.timeoutMs !== undefined ? { ackTimeoutMs: options.timeoutMs } : {}),
    });
    return { kind, payload, acked: result.acked, ackMs: result.ackMs, ackPayload: result.ackPayload };
  }
}
