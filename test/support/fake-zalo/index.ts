// The fake Zalo Bot API server for tests: one public door.
export { FakeZalo, MAX_TEXT, type StartOptions } from "./fake.js";
export { ApiError } from "./server.js";
export type * from "./types.js";
export { SECRET_HEADER } from "./webhook.js";
