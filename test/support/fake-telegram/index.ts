// The fake Telegram Bot API server for tests: one public door.
export { type Clock, ManualClock, realClock } from "./clock.js";
export type { CallbackAnswer } from "./core.js";
export { ApiError } from "./errors.js";
export type { FailOptions } from "./failures.js";
export { FakeTelegram, type SentOptions, type StartOptions } from "./fake.js";
export { parseHtml } from "./html.js";
export type { PostResult } from "./http-io.js";
export { MAX_MESSAGE_LENGTH } from "./methods-messages.js";
export { DEFAULT_POLL_LIMITS, type PollRef, type VoteRefusal, type VoteResult } from "./polls.js";
export type { MessageRef, PressOptions, UserSendOptions } from "./scenario.js";
export { detectEntities, formatText } from "./text.js";
export type * from "./types.js";
export type { Delivery } from "./webhook.js";
export type { NewGroup, NewUser } from "./world.js";
