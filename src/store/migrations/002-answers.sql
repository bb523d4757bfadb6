-- Answers the bot gave (for the "full passage" button) and the 👍/👎 people gave them.
CREATE TABLE answers (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  messenger   TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  question    TEXT NOT NULL,
  lang        TEXT NOT NULL,
  found       INTEGER NOT NULL,
  citations   TEXT NOT NULL, -- JSON: the citations as DESIGN §3.2
  passages    TEXT NOT NULL, -- JSON: the whole passage behind each citation
  at          TEXT NOT NULL  -- ISO instant, UTC
);

CREATE TABLE feedback (
  answer_id   INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL,
  vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  at          TEXT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
