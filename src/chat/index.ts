import { ChatCore, type ChatDeps, type ChatOptions, type Feature } from "./core.js";
import { feedback, passage } from "./features/answer-actions.js";
import { ask } from "./features/ask.js";
import { docs } from "./features/docs.js";
import { help, unknownCommand } from "./features/help.js";
import { task } from "./features/task.js";

export { type AnswerLog, type LoggedAnswer, MemoryAnswerLog, type Vote } from "./answers.js";
export { ChatCore, type ChatDeps, type ChatOptions, type Feature, type Turn } from "./core.js";
export {
  type Button,
  DeliveryError,
  type DeliveryFailure,
  type Destination,
  type Inbound,
  type MessengerName,
  type Outbox,
  type QuizPoll,
  type Reply,
  type Sent,
} from "./types.js";

/** The features in the order they are offered a message: commands first, free questions last. */
export const FEATURES: Feature[] = [passage, feedback, help, docs, task, ask, unknownCommand];

/** A chat core with the standard features. */
export function createChat(deps: ChatDeps, options: ChatOptions = {}): ChatCore {
  return new ChatCore(deps, FEATURES, options);
}
