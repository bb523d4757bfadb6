import { ChatCore, type ChatDeps, type Feature } from "./core.js";
import { ask } from "./features/ask.js";
import { docs } from "./features/docs.js";
import { help, unknownCommand } from "./features/help.js";
import { task } from "./features/task.js";

export { ChatCore, type ChatDeps, type Feature, type Turn } from "./core.js";
export {
  type Button,
  DeliveryError,
  type DeliveryFailure,
  type Destination,
  type Inbound,
  type MessengerName,
  type Outbox,
  type Reply,
} from "./types.js";

/** The features in the order they are offered a message: commands first, free questions last. */
export const FEATURES: Feature[] = [help, docs, task, ask, unknownCommand];

/** A chat core with the standard features. */
export function createChat(deps: ChatDeps): ChatCore {
  return new ChatCore(deps, FEATURES);
}
