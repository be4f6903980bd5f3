/**
 * Look-ups by a key read through an index, however large the database: a
 * plan that reads a whole table answers at once on the examples and takes
 * seconds on a million events (`npm run bench` times the queries there; this
 * checks their plans on every run of the tests).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Statement } from "better-sqlite3";
import { eventCard } from "../src/query/card.js";
import { findEventsByName, getEventSummary, resolveEventId } from "../src/query/events.js";
import type { DB } from "../src/store/database.js";
import { readOnlyExampleDatabase } from "./helpers/serve.js";

let db: DB;
readOnlyExampleDatabase((opened) => (db = opened));

/** The SQL a query function prepares while it runs. */
function statementsOf(run: () => unknown): string[] {
  const seen: string[] = [];
  const prepare = db.prepare;
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare.call(db, sql);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

/** SQLite's plan for a statement, its parameters bound to placeholders (the plan does not depend on them). */
function planOf(sql: string): string[] {
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`) as Statement<unknown[]>;
  const named = Object.fromEntries([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => [m[1]!, "x"]));
  for (let n = 0; n <= 40; n++) {
    const args: unknown[] = Array.from({ length: n }, () => "x");
    if (Object.keys(named).length > 0) args.push(named);
    try {
      return (explain.all(...args) as { detail: string }[]).map((r) => r.detail);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  }
  throw new Error(`could not bind the parameters of ${sql}`);
}

/** Plan steps that read a whole table of events, documents or their rows (the lexicon's actors are few). */
function fullScans(run: () => unknown): string[] {
  const big =
    /^SCAN (events|e|event_actors|event_pairs|event_reports|documents|d|quotes|q|mentions|doc_events)\b/;
  return statementsOf(run).flatMap((sql) =>
    planOf(sql)
      .filter((step) => big.test(step))
      .map((step) => `${step} in ${sql.replace(/\s+/g, " ").slice(0, 120)}`),
  );
}

describe("look-ups by key", () => {
  it("finds an event by its exact name, Japanese or English in any case, through the name indexes", () => {
    const row = db.prepare("SELECT id, name_ja, name_en FROM events ORDER BY id LIMIT 1").get() as {
      id: string;
      name_ja: string;
      name_en: string;
    };
    assert.ok(findEventsByName(db, row.name_ja).some((e) => e.id === row.id));
    assert.ok(findEventsByName(db, row.name_en.toUpperCase()).some((e) => e.id === row.id));
    assert.deepEqual(
      fullScans(() => findEventsByName(db, row.name_ja)),
      [],
    );
  });

  it("answers an unknown event id without reading every event", () => {
    const unknown = "ev-2099-0000000000";
    assert.equal(resolveEventId(db, unknown), null);
    assert.equal(eventCard(db, unknown), null);
    assert.deepEqual(findEventsByName(db, unknown), []);
    assert.deepEqual(
      fullScans(() => {
        resolveEventId(db, unknown);
        eventCard(db, unknown);
        findEventsByName(db, unknown);
      }),
      [],
    );
  });

  it("reads an event's card and summary through its id", () => {
    const { id } = db.prepare("SELECT id FROM events ORDER BY reports DESC, id LIMIT 1").get() as {
      id: string;
    };
    assert.equal(getEventSummary(db, id)?.id, id);
    assert.equal(eventCard(db, id)?.id, id);
    assert.deepEqual(
      fullScans(() => {
        getEventSummary(db, id);
        eventCard(db, id);
      }),
      [],
    );
  });
});
