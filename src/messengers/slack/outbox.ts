import { webApi } from "@slack/bolt";
import { DeliveryError, type Destination, type Outbox, type Reply } from "../../chat/index.js";
import { renderReply } from "./blocks.js";

/** Slack error codes that no retry will fix: the bot is not there, or not allowed, or not itself. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_authed",
  "missing_scope",
  "no_permission",
  "restricted_action",
  "team_access_not_granted",
  "ekm_access_denied",
  "user_not_found",
  "user_not_in_channel",
  "cannot_dm_bot",
  "msg_too_long",
  "no_text",
  "invalid_blocks",
  "invalid_blocks_format",
]);
/** Slack says the operation may have partly happened ("It's possible some aspect … succeeded"). */
const MAYBE_DONE = new Set(["internal_error", "fatal_error"]);
/** Slack refused before doing anything, for now. */
const TRANSIENT = new Set(["ratelimited", "rate_limited", "service_unavailable", "team_added_to_org"]);
/** Connection failures where the request never reached Slack. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The error and its causes (`original` for the Web API's wrappers, `cause` for fetch's). */
function chain(error: unknown): { name?: string; code?: unknown; message?: string }[] {
  const out: { name?: string; code?: unknown; message?: string }[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && out.length < 8) {
    out.push(current as { name?: string; code?: unknown; message?: string });
    const next = current as { original?: unknown; cause?: unknown };
    current = next.original ?? next.cause;
  }
  return out;
}

/**
 * Classifies a failed Web API call for the reminder dispatcher: "retry" when Slack surely did not
 * act (429 after the client's own retries, 5xx, connection refused), "uncertain" when it may have
 * (timeout, connection reset, Slack's internal_error), "permanent" when retrying cannot help
 * (channel_not_found, not_in_channel, is_archived, invalid_auth, account_inactive, …).
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (PERMANENT.has(code)) return new DeliveryError("permanent", `Slack refused: ${code}`);
    if (MAYBE_DONE.has(code)) return new DeliveryError("uncertain", `Slack failed part-way: ${code}`);
    if (TRANSIENT.has(code)) return new DeliveryError("retry", `Slack is busy: ${code}`);
    return new DeliveryError("permanent", `Slack refused: ${code}`);
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError("retry", "Slack rate limit", error.retryAfter * 1000);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const retryAfter = Number(error.headers["retry-after"]);
    const after = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
    if (error.statusCode === 429 || error.statusCode >= 500) {
      return new DeliveryError("retry", `Slack answered HTTP ${error.statusCode}`, after);
    }
    return new DeliveryError("permanent", `Slack answered HTTP ${error.statusCode}`);
  }
  for (const link of chain(error)) {
    const rate = /rate limit was exceeded.*retry-after: (\d+)/i.exec(link.message ?? "");
    if (rate)
      return new DeliveryError(
        "retry",
        "Slack rate limit (still limited after retries)",
        Number(rate[1]) * 1000,
      );
    if (typeof link.code === "string" && NOT_SENT.has(link.code)) {
      return new DeliveryError("retry", `Slack unreachable: ${link.code}`);
    }
    if (link.name === "TimeoutError" || link.name === "AbortError") {
      return new DeliveryError("uncertain", `no answer from Slack in time: ${text}`);
    }
  }
  // Connection reset, socket closed mid-request, anything unknown: the post may have gone through.
  return new DeliveryError("uncertain", `Slack request failed: ${text}`);
}

/** The part of the Web API client the outbox uses. */
export type ChatPoster = Pick<webApi.WebClient, "chat">;

/**
 * Proactive messages (reminders, digests) to a Slack channel, DM (`chatId` = channel or user id) or
 * thread (`threadId` = thread_ts). A reply longer than one message is sent as several; when a later
 * part fails after earlier parts went out, a "retry" becomes "uncertain" so nothing is sent twice.
 */
export class SlackOutbox implements Outbox {
  readonly messenger = "slack" as const;

  constructor(private readonly client: ChatPoster) {}

  /** Sends `reply` to `to`; resolves with the posted messages' ts, or throws `DeliveryError`. */
  async send(to: Destination, reply: Reply): Promise<{ messageIds: string[] }> {
    const messageIds: string[] = [];
    for (const message of renderReply(reply)) {
      try {
        const result = await this.client.chat.postMessage({
          channel: to.chatId,
          ...(to.threadId ? { thread_ts: to.threadId } : {}),
          text: message.text,
          blocks: message.blocks,
        });
        messageIds.push(String(result.ts));
      } catch (error) {
        const failure = toDeliveryError(error);
        if (messageIds.length === 0 || failure.failure !== "retry") throw failure;
        throw new DeliveryError(
          "uncertain",
          `${failure.message} after ${messageIds.length} part(s) were sent`,
        );
      }
    }
    return { messageIds };
  }
}
