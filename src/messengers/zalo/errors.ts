import { DeliveryError } from "../../chat/index.js";
import { ZaloApiError, ZaloNetworkError } from "./client.js";

// Connection failures that prove the request never reached the server, so sending again is safe.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** An error as one log-safe line (client errors are already redacted). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Classifies a failed send for the reminder dispatcher and the quiz (DESIGN §6), like Telegram's:
 * - "retry": 429, 5xx, connection refused — known not delivered;
 * - "uncertain": timeouts, resets, unreadable answers — the message may have been sent;
 * - "permanent": 400 (chat not found, bad text), 401 (bad token), 403, 404.
 * Once part of a split reply is in the chat, "retry" becomes "uncertain" (a resend repeats parts).
 */
export function toDeliveryError(error: unknown, partsDelivered = 0): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const partial = partsDelivered > 0 ? ` (${partsDelivered} part(s) already delivered)` : "";
  const what = `zalo ${describeError(error)}${partial}`;
  if (error instanceof ZaloApiError) {
    if (error.code === 429 || error.code >= 500)
      return new DeliveryError(partsDelivered > 0 ? "uncertain" : "retry", what);
    if (error.code === 408 || error.code === 200) return new DeliveryError("uncertain", what);
    return new DeliveryError("permanent", what);
  }
  if (error instanceof ZaloNetworkError && NOT_SENT.has(error.code) && partsDelivered === 0)
    return new DeliveryError("retry", what);
  return new DeliveryError("uncertain", what);
}

/**
 * The error `createZalo` throws when `getMe` fails: which variable is wrong and what to do, without
 * ever printing the token.
 */
export function startupError(error: unknown, apiRoot: string): Error {
  if (error instanceof ZaloApiError) {
    if (error.code === 401 || error.code === 403 || error.code === 404) {
      return new Error(
        `Zalo rejected ZALO_BOT_TOKEN (${error.code} ${error.description}) at ${apiRoot}. ` +
          "Copy the token again from Zalo Bot Creator (it looks like 1234567890123456789:AbCd…), " +
          "or check ZALO_API_ROOT if you point the bot at another server.",
      );
    }
    return new Error(
      `The Zalo Bot API at ${apiRoot} answered getMe with ${error.code} ${error.description}. ` +
        "Check ZALO_API_ROOT and try again later.",
    );
  }
  const code = error instanceof ZaloNetworkError ? error.code : describeError(error);
  return new Error(
    `Cannot reach the Zalo Bot API at ${apiRoot} (${code}). Check ZALO_API_ROOT (a server root such as ` +
      "https://bot-api.zaloplatforms.com, without /bot… and without a trailing /) and the network.",
  );
}
