/**
 * Persistence behind small interfaces: the SQLite database file (WAL, numbered migrations) and the
 * reminder stores, each with an in-memory twin. Other code imports from here only.
 */
export {
  MIGRATIONS_DIR,
  type OpenedDatabase,
  type OpenOptions,
  openDatabase,
  type SqliteDatabase,
} from "./database.js";
export { createMemoryStore } from "./memory.js";
export {
  applyMigrations,
  DatabaseTooNewError,
  listMigrations,
  type Migration,
  type MigrationReport,
} from "./migrate.js";
export { createSqliteStore, DATABASE_FILE, openSqliteStore } from "./sqlite.js";
export type {
  ChatRef,
  DeadlineRecord,
  DeadlineStore,
  Delivery,
  DeliveryKind,
  DeliveryOutcome,
  DeliveryState,
  DeliveryStore,
  DeliveryTarget,
  Source,
  StatusRecord,
  StatusStore,
  Store,
  Subscription,
  SubscriptionStore,
  UnitRecord,
  UnitStore,
} from "./types.js";
