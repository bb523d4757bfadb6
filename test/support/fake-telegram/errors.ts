/** Optional `parameters` of a Bot API error (ResponseParameters). */
export interface ErrorParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/**
 * A Bot API error as the real server reports it: `{ok:false, error_code, description, parameters?}`,
 * with the HTTP status equal to `error_code`. Method handlers throw it; the server turns it into JSON.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ErrorParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  /** The JSON body Telegram sends for this error. */
  toJSON(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

/** 400 with Telegram's "Bad Request: " prefix. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, `Bad Request: ${message}`);
}

/** 403 with Telegram's "Forbidden: " prefix (blocked by the user, kicked from the group…). */
export function forbidden(message: string): ApiError {
  return new ApiError(403, `Forbidden: ${message}`);
}

/** 429 exactly as flood control reports it: the wait is in the text and in `parameters.retry_after`. */
export function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

/** 409 for `getUpdates` while a webhook is set. */
export function webhookActive(): ApiError {
  return new ApiError(
    409,
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  );
}

/** 409 sent to the older of two overlapping `getUpdates` requests. */
export function terminatedByOtherPoll(): ApiError {
  return new ApiError(
    409,
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  );
}

/** The text Telegram uses for a few well-known codes when a test does not give one. */
export function defaultDescription(code: number): string {
  switch (code) {
    case 400:
      return "Bad Request: chat not found";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden: bot was blocked by the user";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    default:
      return code >= 500 ? "Internal Server Error" : `Error ${code}`;
  }
}
