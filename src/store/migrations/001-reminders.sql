-- Reminders: units, the chats that reach them, deadlines, per-unit status of each occurrence, and
-- the delivery ledger that makes every send happen once. Instants are ISO-8601 UTC text
-- ("2025-03-20T01:00:00.000Z"), which sorts as time; calendar dates are "YYYY-MM-DD".

CREATE TABLE units (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  aliases    TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
  parent_id  TEXT,
  lang       TEXT,
  source     TEXT NOT NULL CHECK (source IN ('yaml', 'chat')),
  updated_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
  unit_id    TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  messenger  TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  thread_id  TEXT NOT NULL DEFAULT '', -- '' = the chat itself
  source     TEXT NOT NULL CHECK (source IN ('yaml', 'chat')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, messenger, chat_id, thread_id)
);
CREATE INDEX subscriptions_chat ON subscriptions (messenger, chat_id);

CREATE TABLE deadlines (
  id                    TEXT PRIMARY KEY,
  title                 TEXT NOT NULL,
  doc_number            TEXT,
  task                  INTEGER,
  quote                 TEXT,
  unit_ids              TEXT NOT NULL,  -- JSON array of unit ids
  recipient_id          TEXT,
  rule                  TEXT NOT NULL,  -- JSON, the calendar's RuleSchema
  zone                  TEXT NOT NULL,
  shift_to_working_day  INTEGER NOT NULL,
  plan                  TEXT NOT NULL,  -- JSON, the calendar's PlanConfigSchema
  starts_on             TEXT,           -- occurrences due before this date are ignored
  active                INTEGER NOT NULL DEFAULT 1,
  source                TEXT NOT NULL CHECK (source IN ('yaml', 'chat')),
  updated_at            TEXT NOT NULL
);

CREATE TABLE statuses (
  deadline_id            TEXT NOT NULL,
  occurrence             TEXT NOT NULL, -- the occurrence's nominal date
  unit_id                TEXT NOT NULL,
  reported_at            TEXT,
  reported_by            TEXT,
  extension_requested_at TEXT,
  extension_requested_by TEXT,
  extension_reason       TEXT,
  extended_due           TEXT,
  extension_granted_at   TEXT,
  extension_granted_by   TEXT,
  PRIMARY KEY (deadline_id, occurrence, unit_id)
);

CREATE TABLE deliveries (
  key         TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  deadline_id TEXT,
  unit_id     TEXT,
  occurrence  TEXT,
  step        TEXT,
  messenger   TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  thread_id   TEXT NOT NULL DEFAULT '',
  planned_at  TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'retry', 'uncertain', 'permanent', 'skipped')),
  owner       TEXT,
  claimed_at  TEXT,
  attempts    INTEGER NOT NULL DEFAULT 0,
  recovered   INTEGER NOT NULL DEFAULT 0, -- times a crashed process's claim was taken over
  next_at     TEXT,
  sent_at     TEXT,
  message_ids TEXT,
  error       TEXT,
  updated_at  TEXT NOT NULL
);
CREATE INDEX deliveries_state ON deliveries (state, next_at);
CREATE INDEX deliveries_deadline ON deliveries (deadline_id, occurrence);
