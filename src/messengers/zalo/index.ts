// The Zalo adapter (Zalo Bot Platform, hand-written client): one public door.
export { DEFAULT_API_ROOT, redact, ZaloApiError, ZaloClient, ZaloNetworkError } from "./client.js";
export { createZalo, type Zalo, type ZaloOptions } from "./create.js";
export { startupError, toDeliveryError } from "./errors.js";
export { messageInbound, stripMention } from "./inbound.js";
export { backoffDelay, DEFAULT_BACKOFF } from "./poll.js";
export { isAnswerToken, MESSAGE_LIMIT, offersLetters, renderReply } from "./render.js";
export { parsePush, SECRET_HEADER, sameSecret } from "./webhook.js";
