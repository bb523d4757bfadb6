-- Quizzes run in group chats (issue 6): one row per quiz, its questions as sent, and one answer per
-- person and question (the primary key is what makes a replayed vote count once).
CREATE TABLE quiz_sessions (
  id TEXT PRIMARY KEY,
  messenger TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  thread_id TEXT,
  lang TEXT NOT NULL,
  started_by TEXT NOT NULL,
  seconds INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'interrupted')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
-- At most one running quiz per chat.
CREATE UNIQUE INDEX quiz_sessions_running ON quiz_sessions (messenger, chat_id) WHERE status = 'running';
CREATE INDEX quiz_sessions_chat ON quiz_sessions (messenger, chat_id, started_at);

CREATE TABLE quiz_questions (
  session_id TEXT NOT NULL REFERENCES quiz_sessions (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  payload TEXT NOT NULL,
  poll_id TEXT,
  sent_at INTEGER,
  closes_at INTEGER,
  closed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, idx)
);
CREATE INDEX quiz_questions_poll ON quiz_questions (poll_id) WHERE poll_id IS NOT NULL;

CREATE TABLE quiz_answers (
  session_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT,
  option INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, idx, user_id),
  FOREIGN KEY (session_id, idx) REFERENCES quiz_questions (session_id, idx) ON DELETE CASCADE
);
CREATE INDEX quiz_answers_user ON quiz_answers (user_id);
