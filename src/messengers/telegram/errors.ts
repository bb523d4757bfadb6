import { GrammyError, HttpError } from "grammy";
import { DeliveryError } from "../../chat/index.js";

// Connection failures that prove the request never reached the server, so sending again is safe.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** The system error code (ECONNREFUSED, ECONNRESET…) behind a grammY HttpError, if any. */
function causeCode(error: HttpError): string | undefined {
  const cause = error.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** Error text with any bot token blanked: fetch errors quote the request URL, which holds the token. */
export function redact(text: string): string {
  return text.replace(/\d+:[A-Za-z0-9_-]{20,}/g, "<TELEGRAM_BOT_TOKEN>");
}

/** An error as one log-safe line. */
export function describeError(error: unknown): string {
  if (error instanceof HttpError) return `${error.message} ${causeText(error)}`;
  return redact(error instanceof Error ? error.message : String(error));
}

function causeText(error: HttpError): string {
  const cause = error.error;
  return redact(cause instanceof Error ? cause.message : String(cause));
}

/**
 * Classifies a failed Bot API call for the sender of proactive messages (DESIGN §6):
 * - "retry": 429 (after auto-retry gave up; `retryAfterMs` from `retry_after`), 5xx, connection refused;
 * - "uncertain": timeouts, resets, unreadable answers: the message may have been sent;
 * - "permanent": 401 (bad token), 403 (blocked, kicked), 400 (chat not found, bad request), 404.
 * When `partsDelivered` > 0 part of a split reply is already in the chat, so a "retry" becomes
 * "uncertain": sending the whole reply again would repeat those parts.
 */
export function toDeliveryError(error: unknown, partsDelivered = 0): DeliveryError {
  const partial = partsDelivered > 0 ? ` (${partsDelivered} part(s) already delivered)` : "";
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const what = `${error.method}: ${error.error_code} ${error.description}${partial}`;
    if (error.error_code === 429 || error.error_code >= 500) {
      const after = error.parameters.retry_after;
      if (partsDelivered > 0) return new DeliveryError("uncertain", what);
      return new DeliveryError("retry", what, after === undefined ? undefined : after * 1000);
    }
    return new DeliveryError("permanent", what);
  }
  if (error instanceof HttpError) {
    const code = causeCode(error);
    const what = `${error.message} ${code ?? causeText(error)}${partial}`;
    if (code !== undefined && NOT_SENT.has(code) && partsDelivered === 0)
      return new DeliveryError("retry", what);
    return new DeliveryError("uncertain", what);
  }
  return new DeliveryError("uncertain", `${describeError(error)}${partial}`);
}

/**
 * The error `createTelegram` throws when the first call (`getMe`) fails: says which variable is wrong
 * and what to do, without ever printing the token.
 */
export function startupError(error: unknown, apiRoot: string): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) {
      return new Error(
        `Telegram rejected TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}) at ${apiRoot}. ` +
          "Copy the token again from @BotFather (it looks like 123456789:AA…), or check " +
          "TELEGRAM_API_ROOT if you use your own Bot API server.",
      );
    }
    return new Error(
      `The Telegram Bot API at ${apiRoot} answered getMe with ${error.error_code} ${error.description}. ` +
        "Check TELEGRAM_API_ROOT and try again later.",
    );
  }
  const detail = error instanceof HttpError ? (causeCode(error) ?? causeText(error)) : describeError(error);
  return new Error(
    `Cannot reach the Telegram Bot API at ${apiRoot} (${detail}). Check TELEGRAM_API_ROOT (a Bot API ` +
      "server root such as https://api.telegram.org, without /bot… and without a trailing /) and the network.",
  );
}
