// The Telegram adapter (grammY): one public door.
export { MENU_COMMANDS } from "./commands.js";
export { createTelegram, DEFAULT_API_ROOT, type Telegram, type TelegramOptions } from "./create.js";
export { toDeliveryError } from "./errors.js";
export { callbackInbound, messageInbound } from "./inbound.js";
export { citationLine, escapedLength, escapeHtml, MESSAGE_LIMIT, renderReply } from "./render.js";
