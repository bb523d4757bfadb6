/**
 * Reporting-deadline reminders: units and the chats that reach them, deadlines loaded from YAML or
 * added by chat commands, each unit's answers, the committee's status table, and the durable
 * dispatcher that sends every reminder once. The calendar (`./calendar`) and the duty extractor
 * (`./extract`) have their own doors. Other code imports from here.
 */
export {
  deliveryKey,
  occurrenceRef,
  parseAnswerRef,
  parseOccurrenceRef,
  parseReminderAction,
  type ReminderAction,
  type ReminderActionKind,
  reminderAction,
} from "./actions.js";
export {
  BOARD_STATES,
  type BoardCell,
  type BoardColumn,
  type BoardDeadline,
  type BoardOptions,
  type BoardUnit,
  boardRows,
  boardWindow,
  type CalendarDay,
  type DueItem,
  deadlineBoard,
  dueCalendar,
  unitHistory,
} from "./board.js";
export {
  applyReminderConfig,
  type ConfigProblem,
  loadReminderConfig,
  type ReminderConfig,
  ReminderConfigError,
  type SyncReport,
} from "./config.js";
export { createDispatcher } from "./dispatch.js";
export type {
  Dispatcher,
  DispatcherLog,
  DispatcherOptions,
  DispatchStats,
  RetryPolicy,
} from "./dispatch-types.js";
export {
  type AnswerRef,
  addDeadline,
  addUnit,
  deadlineFromInput,
  grantExtension,
  type ManageCode,
  markReported,
  type Refusal,
  type Result,
  requestExtension,
  subscribeChat,
  unsubscribeChat,
} from "./manage.js";
export { formatDueDate, type Notice, type Renderer, renderNotice } from "./messages.js";
export {
  ChatSchema,
  chatSpec,
  type DeadlineInput,
  DeadlineInputSchema,
  findUnit,
  IdSchema,
  parseChatSpec,
  type UnitInput,
  UnitInputSchema,
} from "./model.js";
export { type UnitState, unitState } from "./schedule.js";
export { type StatusOptions, type StatusRow, statusJsonLines, statusTable } from "./status.js";
export {
  oneYearAfter,
  pickSuggestion,
  type Suggestion,
  type SuggestOptions,
  type SuggestSource,
  suggestDeadlines,
  suggestionInput,
  suggestionJson,
  suggestionText,
} from "./suggest.js";
