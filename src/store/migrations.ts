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
  // 2: events across documents (src/resolve/events/): each document's event is a report of one
  // real-world event; events carry indexes for timelines, pairs and relations; merged or renamed
  // events leave tombstones so that old ids keep resolving.
  `
  CREATE TABLE event_reports (
    doc_event_id TEXT PRIMARY KEY REFERENCES doc_events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT,
    match_key TEXT NOT NULL,
    date_lo TEXT,
    date_hi TEXT,
    published TEXT,
    sig TEXT NOT NULL
  );
  CREATE INDEX event_reports_event ON event_reports(event_id);
  CREATE INDEX event_reports_doc ON event_reports(doc_id);
  CREATE INDEX event_reports_match ON event_reports(match_key, date_lo);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    family TEXT NOT NULL,
    status TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    granularity TEXT,
    place_id TEXT,
    place_country TEXT,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    series_key TEXT,
    score REAL,
    quad INTEGER,
    reports INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_published TEXT,
    summary TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX events_date ON events(date_start);
  CREATE INDEX events_type_date ON events(type, date_start);
  CREATE INDEX events_status_date ON events(status, date_start);
  CREATE INDEX events_series ON events(series_key, date_start);
  CREATE INDEX events_name_ja ON events(name_ja);
  CREATE INDEX events_name_en ON events(name_en COLLATE NOCASE);

  CREATE TABLE event_actors (
    actor_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    named INTEGER NOT NULL,
    date_start TEXT,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (actor_id, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_actors_date ON event_actors(actor_id, date_start);
  CREATE INDEX event_actors_type ON event_actors(actor_id, type, date_start);
  CREATE INDEX event_actors_event ON event_actors(event_id);

  CREATE TABLE event_pairs (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    event_id TEXT NOT NULL,
    states INTEGER NOT NULL,
    named INTEGER NOT NULL,
    date_start TEXT,
    type TEXT NOT NULL,
    family TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL,
    quad INTEGER,
    PRIMARY KEY (a, b, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_pairs_date ON event_pairs(a, b, date_start, type, status, score, quad);
  CREATE INDEX event_pairs_event ON event_pairs(event_id);
  CREATE INDEX event_pairs_b ON event_pairs(b, a, date_start);
  CREATE INDEX event_pairs_named ON event_pairs(named, family, date_start);
  CREATE INDEX event_pairs_states ON event_pairs(states, family, date_start);

  CREATE TABLE event_tombstones (
    id TEXT PRIMARY KEY,
    survivor TEXT,
    reason TEXT NOT NULL
  );
  CREATE INDEX event_tombstones_survivor ON event_tombstones(survivor);

  CREATE TABLE doc_event_links (
    doc_event_id TEXT NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (doc_event_id, kind, target)
  ) WITHOUT ROWID;
  CREATE INDEX doc_event_links_target ON doc_event_links(target, kind);

  CREATE TABLE doc_event_quotes (
    doc_event_id TEXT NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (doc_event_id, quote_id)
  ) WITHOUT ROWID;
  CREATE INDEX doc_event_quotes_quote ON doc_event_quotes(quote_id);
  `,
  // 3: full-text search over the documents (src/query/search.ts). A trigram index finds any substring of
  // three characters or more; its vocabulary (documents_fts_terms) finds one and two characters (露朝) as
  // the prefixes of its trigrams, which is why each column is indexed with two newlines after it. The index
  // holds no copy of the text (contentless); search_docs numbers the documents for it, and triggers keep
  // both in step with the documents table (a re-read document is deleted and inserted again).
  `
  CREATE TABLE search_docs (
    n INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE
  );
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, tokenize = 'trigram', content = '', contentless_delete = 1
  );
  CREATE VIRTUAL TABLE documents_fts_terms USING fts5vocab(documents_fts, 'instance');

  CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO search_docs (doc_id) VALUES (new.id);
    INSERT INTO documents_fts (rowid, title, body)
      VALUES ((SELECT n FROM search_docs WHERE doc_id = new.id),
              coalesce(new.title, '') || char(10, 10), new.body || char(10, 10));
  END;
  CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = (SELECT n FROM search_docs WHERE doc_id = old.id);
    DELETE FROM search_docs WHERE doc_id = old.id;
  END;
  CREATE TRIGGER documents_fts_update AFTER UPDATE OF id, title, body ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = (SELECT n FROM search_docs WHERE doc_id = old.id);
    DELETE FROM search_docs WHERE doc_id = old.id;
    INSERT INTO search_docs (doc_id) VALUES (new.id);
    INSERT INTO documents_fts (rowid, title, body)
      VALUES ((SELECT n FROM search_docs WHERE doc_id = new.id),
              coalesce(new.title, '') || char(10, 10), new.body || char(10, 10));
  END;

  INSERT INTO search_docs (doc_id) SELECT id FROM documents ORDER BY id;
  INSERT INTO documents_fts (rowid, title, body)
    SELECT s.n, coalesce(d.title, '') || char(10, 10), d.body || char(10, 10)
    FROM search_docs s JOIN documents d ON d.id = s.doc_id;
  `,
  // 4: indexes for queries at scale (measured by npm run bench on a million events): event filters by
  // type and status in date order (a rare type no longer walks every event of the status), and relations
  // of two states read from one index without visiting the pair rows.
  `
  CREATE INDEX events_type_status_date ON events(type, status, date_start, id);
  CREATE INDEX event_pairs_relations ON event_pairs(a, b, states, date_start, type, quad, score);
  `,
  // 5: events by the text of their names (src/query/search.ts), as documents are (schema 3): a trigram index
  // over the generated names, kept in step with the events table by triggers, and its vocabulary for one-
  // and two-character terms. Without it a text filter read every event's name.
  `
  CREATE VIRTUAL TABLE events_fts USING fts5(
    name, tokenize = 'trigram', content = '', contentless_delete = 1
  );
  CREATE VIRTUAL TABLE events_fts_terms USING fts5vocab(events_fts, 'instance');
  CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, name) VALUES (new.rowid, new.name_ja || char(10) || new.name_en || char(10, 10));
  END;
  CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.rowid;
  END;
  CREATE TRIGGER events_fts_update AFTER UPDATE OF name_ja, name_en ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.rowid;
    INSERT INTO events_fts (rowid, name) VALUES (new.rowid, new.name_ja || char(10) || new.name_en || char(10, 10));
  END;
  INSERT INTO events_fts (rowid, name) SELECT rowid, name_ja || char(10) || name_en || char(10, 10) FROM events;
  `,
  // 6: documents newest first, ties by id, as the document and quotation lists show them: read in index
  // order, a page of either list stops after its rows instead of sorting every document (npm run loadtest).
  // And quotations by their text through a trigram index, as events' names (schema 5): a substring filter
  // read every quotation.
  `
  CREATE INDEX documents_published_id ON documents(published DESC, id);
  DROP INDEX documents_published;

  CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, tokenize = 'trigram', content = '', contentless_delete = 1
  );
  CREATE VIRTUAL TABLE quotes_fts_terms USING fts5vocab(quotes_fts, 'instance');
  CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text || char(10, 10));
  END;
  CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    DELETE FROM quotes_fts WHERE rowid = old.rowid;
  END;
  CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    DELETE FROM quotes_fts WHERE rowid = old.rowid;
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text || char(10, 10));
  END;
  INSERT INTO quotes_fts (rowid, text) SELECT rowid, text || char(10, 10) FROM quotes;
  `,
  // 7: events by what their summaries say (participants with their titles, place) as well as their names:
  // the events' trigram index (schema 5) made again over both, so that it finds what a text filter checks
  // row by row (src/query/events.ts). A filter whose terms were each common (ロシア 北朝鮮) read every event
  // to find the few that had them all.
  `
  DROP TRIGGER events_fts_insert;
  DROP TRIGGER events_fts_delete;
  DROP TRIGGER events_fts_update;
  DROP TABLE events_fts_terms;
  DROP TABLE events_fts;
  CREATE VIRTUAL TABLE events_fts USING fts5(
    name, summary, tokenize = 'trigram', content = '', contentless_delete = 1
  );
  CREATE VIRTUAL TABLE events_fts_terms USING fts5vocab(events_fts, 'instance');
  CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, name, summary)
      VALUES (new.rowid, new.name_ja || char(10) || new.name_en || char(10, 10), new.summary || char(10, 10));
  END;
  CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.rowid;
  END;
  CREATE TRIGGER events_fts_update AFTER UPDATE OF name_ja, name_en, summary ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.rowid;
    INSERT INTO events_fts (rowid, name, summary)
      VALUES (new.rowid, new.name_ja || char(10) || new.name_en || char(10, 10), new.summary || char(10, 10));
  END;
  INSERT INTO events_fts (rowid, name, summary)
    SELECT rowid, name_ja || char(10) || name_en || char(10, 10), summary || char(10, 10) FROM events;
  `,
  // 8: an event written again with the same name and summary (a new report that changes neither, the most
  // common case) leaves the events' trigram index alone: taking its row out and putting it back made the
  // index flush its pending data every time, a quarter of the cost of ingesting (npm run bench).
  `
  DROP TRIGGER events_fts_update;
  CREATE TRIGGER events_fts_update AFTER UPDATE OF name_ja, name_en, summary ON events
  WHEN old.name_ja IS NOT new.name_ja OR old.name_en IS NOT new.name_en OR old.summary IS NOT new.summary
  BEGIN
    DELETE FROM events_fts WHERE rowid = old.rowid;
    INSERT INTO events_fts (rowid, name, summary)
      VALUES (new.rowid, new.name_ja || char(10) || new.name_en || char(10, 10), new.summary || char(10, 10));
  END;
  `,
  // 9: a quotation carries its article's publication date, and a speaker's quotations are indexed by it:
  // listing those of a speaker quoted thousands of times, newest first, read them all and their articles
  // (0.2–1 s on a million events); now a page is a range of the index.
  `
  ALTER TABLE quotes ADD COLUMN published TEXT;
  UPDATE quotes SET published = (SELECT d.published FROM documents d WHERE d.id = quotes.doc_id);
  CREATE INDEX quotes_speaker_published ON quotes(speaker_id, published DESC, doc_id, start);
  `,
  // 10: documents, quotations and events are indexed for search by the code that inserts them
  // (src/store/search-index.ts), not by triggers: a statement that fires a trigger opens a statement
  // journal, and FTS5 flushes what it holds in memory whenever one opens — every row inserted wrote a
  // small segment of every index, three quarters of the cost of storing (npm run bench). Events are
  // written and retired by the event store alone, which keeps their index; documents and quotations keep
  // their triggers for deletion (a document's quotations go with it by a foreign key) and for an update
  // of their text made by hand.
  `
  DROP TRIGGER documents_fts_insert;
  DROP TRIGGER quotes_fts_insert;
  DROP TRIGGER events_fts_insert;
  DROP TRIGGER events_fts_update;
  DROP TRIGGER events_fts_delete;
  `,
  // 11: events of one exact name in date order, read a page at a time: the names' indexes carry the date
  // and id, so a name many events share (a pair's yearly meeting) no longer has every event of it read and
  // sorted (src/query/events.ts). And two indexes no query uses are dropped (their plans, checked over
  // every statement the tests prepare): each was written with every row of its table.
  `
  DROP INDEX events_name_ja;
  DROP INDEX events_name_en;
  CREATE INDEX events_name_ja ON events(name_ja, date_start, id);
  CREATE INDEX events_name_en ON events(name_en COLLATE NOCASE, date_start, id);
  DROP INDEX event_pairs_date;
  DROP INDEX doc_event_actors_actor;
  `,
  // 12: the documents' trigrams, one row each (src/query/search.ts): a one- or two-character term is searched
  // as the trigrams that start with it, through the index like any other term. Read from the vocabulary of
  // instances, a term in half the articles but none of the newest (外相 on a generated database) took
  // 130 ms, and with a second term 400 ms.
  `
  CREATE VIRTUAL TABLE documents_fts_trigrams USING fts5vocab(documents_fts, 'row');
  `,
];
