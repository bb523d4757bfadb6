/**
 * The Slack messenger (Bolt): `createSlack(opts)` for `npm start`; the rest is exported for tests
 * and for other adapters that want the same Block Kit rendering or error mapping.
 */
export {
  BUTTON_ACTION_ID,
  buttonActionId,
  citationLabel,
  escapeMrkdwn,
  escapeText,
  renderReply,
  SLACK_MAX_BLOCKS,
  SLACK_TEXT_LIMIT,
  type SlackMessage,
} from "./blocks.js";
export { EventDeduper } from "./dedupe.js";
export {
  fromBlockAction,
  fromMessageEvent,
  fromSlashCommand,
  slashCommandText,
  stripMention,
} from "./inbound.js";
export { SLASH_COMMAND } from "./listeners.js";
export { defaultSlackLog, type SlackLog, type SlackLogLevel } from "./log.js";
export { type ChatPoster, SlackOutbox, toDeliveryError } from "./outbox.js";
export {
  createSlack,
  DEFAULT_RETRY,
  DEFAULT_SLASH_WORDS,
  SLACK_EVENTS_PATH,
  type SlackMessenger,
  type SlackOptions,
} from "./slack.js";
