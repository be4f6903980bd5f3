/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`.
 * A released migration is never edited: changes come as a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, what was found in them, and the actors
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    published TEXT,
    title TEXT,
    lang TEXT NOT NULL DEFAULT 'ja',
    format TEXT NOT NULL,
    path TEXT,
    encoding TEXT,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX documents_published ON documents(published);

  CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    en TEXT NOT NULL,
    ja TEXT NOT NULL,
    country TEXT,
    resolved INTEGER NOT NULL
  );

  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT REFERENCES actors(id),
    title TEXT,
    office TEXT,
    via TEXT
  );
  CREATE INDEX mentions_doc ON mentions(doc_id);
  CREATE INDEX mentions_actor ON mentions(actor_id);

  CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    granularity TEXT NOT NULL
  );
  CREATE INDEX timexes_doc ON timexes(doc_id);

  CREATE TABLE doc_events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    granularity TEXT,
    place_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX doc_events_doc ON doc_events(doc_id);
  CREATE INDEX doc_events_date ON doc_events(date_start);

  CREATE TABLE doc_event_actors (
    event_id TEXT NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL,
    title TEXT
  );
  CREATE INDEX doc_event_actors_actor ON doc_event_actors(actor_id);
  CREATE INDEX doc_event_actors_event ON doc_event_actors(event_id);

  CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX evidence_event ON evidence(event_id);
  CREATE INDEX evidence_doc ON evidence(doc_id);

  CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_id TEXT REFERENCES actors(id),
    speaker_kind TEXT,
    event_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX quotes_doc ON quotes(doc_id);
  CREATE INDEX quotes_speaker ON quotes(speaker_id);

  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    reason TEXT NOT NULL,
    start INTEGER,
    end INTEGER,
    severity TEXT NOT NULL
  );
  CREATE INDEX messages_doc ON messages(doc_id);
  `,
];
