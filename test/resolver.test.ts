import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventCard, resolveEventId } from "../src/query/index.js";
import type { EventRecord } from "../src/resolve/events/types.js";
import type { Participant } from "../src/extract/types.js";
import { organizationRef } from "../src/resolve/actors.js";
import {
  type DocSpec,
  eventDatabase,
  eventOf,
  eventTable,
  lex,
  liveEvents,
  person,
  state,
} from "./helpers/events.js";

// reports as different articles give them: the 2024 Pyongyang summit, by person or by state, at
// a venue or in the city, on the day or only in the month; the foreign ministers' talks the same
// day; the 2019 and 2023 summits of the same pair
const D24 = "2024-06-19";
const putinKim24 = [person("vladimir-putin", D24), person("kim-jong-un", D24)];
const docs: DocSpec[] = [
  {
    id: "a",
    published: "2024-06-19",
    events: [
      {
        date: [D24, D24, "day"],
        place: "kumsusan-guesthouse",
        participants: putinKim24,
        sentence: "プーチン大統領は19日、クムスサン迎賓館でキム総書記と会談した。",
      },
      {
        date: [D24, D24, "day"],
        place: "pyongyang",
        participants: [person("sergei-lavrov", D24), person("choe-son-hui", D24)],
        sentence: "ラブロフ外相とチェ・ソンヒ外相も19日、平壌で会談した。",
      },
    ],
  },
  {
    id: "b",
    published: "2024-06-20",
    events: [
      {
        date: [D24, D24, "day"],
        place: "pyongyang",
        participants: [person("vladimir-putin", D24), state("PRK")],
        sentence: "プーチン氏は19日、平壌で北朝鮮側と会談した。",
      },
    ],
  },
  {
    id: "c",
    published: "2024-07-01",
    events: [
      {
        date: ["2024-06-01", "2024-06-30", "month"],
        place: null,
        participants: putinKim24,
        sentence: "6月の露朝首脳会談では条約が結ばれた。",
      },
      {
        date: ["2019-04-01", "2019-04-30", "month"],
        participants: [person("vladimir-putin", "2019-04-25"), person("kim-jong-un", "2019-04-25")],
        sentence: "両首脳は2019年4月に初めて会談した。",
      },
    ],
  },
  {
    id: "d",
    published: "2019-04-25",
    events: [
      {
        date: ["2019-04-25", "2019-04-25", "day"],
        place: "vladivostok",
        participants: [person("kim-jong-un", "2019-04-25"), person("vladimir-putin", "2019-04-25")],
        sentence: "金委員長とプーチン大統領は25日、ウラジオストクで会談した。",
      },
    ],
  },
  {
    id: "e",
    published: "2023-09-13",
    events: [
      {
        date: ["2023-09-13", "2023-09-13", "day"],
        place: "vostochny-cosmodrome",
        participants: [person("kim-jong-un", "2023-09-13"), person("vladimir-putin", "2023-09-13")],
        sentence: "金総書記とプーチン大統領は13日、ボストチヌイ宇宙基地で会談した。",
      },
    ],
  },
];

const ingestAll = (order: DocSpec[]) => {
  const { db, store } = eventDatabase();
  for (const d of order) store(d);
  return db;
};

const record = (db: ReturnType<typeof ingestAll>, report: string) => {
  const id = eventOf(db, report)!;
  return JSON.parse(
    (db.prepare("SELECT data FROM events WHERE id = ?").get(id) as { data: string }).data,
  ) as EventRecord;
};

describe("cross-document resolution", () => {
  it("merges the reports of one summit — a person matches the state they represent, a month the day", () => {
    const db = ingestAll(docs);
    const summit = eventOf(db, "a#e1");
    assert.ok(summit);
    assert.equal(eventOf(db, "b#e1"), summit, "Putin with 'North Korea' is Putin with Kim");
    assert.equal(eventOf(db, "c#e1"), summit, "a June report joins the 19 June summit");
    const r = record(db, "a#e1");
    assert.deepEqual(r.docs, ["a", "b", "c"]);
    assert.deepEqual(r.date, { start: D24, end: D24, granularity: "day" }, "the day beats the month");
    assert.equal(r.place?.id, "kumsusan-guesthouse", "the venue beats the city");
    assert.deepEqual(
      r.participants.map((p) => p.id).sort(),
      ["kim-jong-un", "vladimir-putin"],
      "the state is implied by the person who represents it",
    );
    assert.equal(r.name.ja, "2024年露朝首脳会談");
    assert.equal(r.name.en, "2024 Russia–North Korea summit");
    // every value keeps its sources
    const places = Object.fromEntries(r.fields.place.map((v) => [v.value, v.reports]));
    assert.deepEqual(places, { "kumsusan-guesthouse": ["a#e1"], pyongyang: ["b#e1"] });
    assert.ok(r.fields.date.find((v) => v.value === "2024-06-01/2024-06-30")?.reports.includes("c#e1"));
  });

  it("keeps apart other meetings of the same states and the same pair's other summits", () => {
    const db = ingestAll(docs);
    assert.notEqual(
      eventOf(db, "a#e2"),
      eventOf(db, "a#e1"),
      "the foreign ministers' talks are another event",
    );
    const summits = liveEvents(db).filter((e) => e.name_ja.endsWith("露朝首脳会談"));
    assert.deepEqual(
      summits.map((e) => e.date_start),
      ["2019-04-25", "2023-09-13", "2024-06-19"],
    );
    assert.equal(eventOf(db, "c#e2"), eventOf(db, "d#e1"), "'April 2019' is the Vladivostok summit");
  });

  it("merges a report of a summit that names its forum (APEC首脳会議) with one that does not", () => {
    const D = "2024-11-15";
    const apec: Participant = { actor: organizationRef(lex, "apec"), role: "actor" };
    const summit = (id: string, participants: Participant[], sentence: string): DocSpec => ({
      id,
      published: "2024-11-16",
      events: [{ mode: "multilateral", date: [D, D, "day"], place: "lima", participants, sentence }],
    });
    const db = ingestAll([
      summit(
        "f",
        [person("shigeru-ishiba", D), state("PER"), apec],
        "石破首相は15日、リマでAPEC首脳会議に出席した。",
      ),
      summit(
        "g",
        [person("shigeru-ishiba", D), state("PER")],
        "石破首相は15日、リマで開かれた首脳会議に出席した。",
      ),
    ]);
    assert.equal(eventOf(db, "g#e1"), eventOf(db, "f#e1"));
  });

  it("gives the same events in any order of ingestion", () => {
    const expected = eventTable(ingestAll(docs));
    const orders = [
      [...docs].reverse(),
      [docs[2]!, docs[0]!, docs[4]!, docs[1]!, docs[3]!],
      [docs[3]!, docs[1]!, docs[2]!, docs[4]!, docs[0]!],
    ];
    for (const order of orders)
      assert.deepEqual(eventTable(ingestAll(order)), expected, order.map((d) => d.id).join());
  });

  it("changes nothing when the same documents are ingested again", () => {
    const { db, store } = eventDatabase();
    for (const d of docs) store(d);
    const tombstones = () => db.prepare("SELECT * FROM event_tombstones ORDER BY id").all();
    const before = [eventTable(db), tombstones()];
    for (const d of docs) store(d);
    assert.deepEqual([eventTable(db), tombstones()], before);
  });

  it("keeps ids stable as reports arrive; a document re-read with other content retracts its event", () => {
    const { db, store } = eventDatabase();
    // two reports that cannot be merged with each other: the visit's meeting in the city and a
    // state-only report of the same day at a venue of another city
    store({
      id: "p",
      published: "2024-06-18",
      events: [
        {
          date: ["2024-06-01", "2024-06-30", "month"],
          participants: [person("vladimir-putin", D24), state("PRK")],
          status: "planned",
          sentence: "プーチン大統領が6月に北朝鮮側と会談する予定だ。",
        },
      ],
    });
    const planned = eventOf(db, "p#e1")!;
    store(docs[0]!);
    const held = eventOf(db, "a#e1")!;
    assert.equal(held, planned, "the planned June meeting and the held one are one event");
    assert.equal(held, eventOf(db, "p#e1"), "its id is the first report's: stable as reports arrive");
    store(docs[1]!);
    assert.equal(eventOf(db, "a#e1"), held, "a later article does not change the id");

    // a document re-read with other content: its old event is retracted, and its id says so
    const { db: db2, store: store2 } = eventDatabase();
    store2({ id: "x", published: "2024-06-19", events: [docs[0]!.events[0]!] });
    const gone = eventOf(db2, "x#e1")!;
    store2({ id: "x", published: "2024-06-19", events: [docs[0]!.events[1]!] });
    assert.notEqual(eventOf(db2, "x#e1"), gone, "x#e1 is now the foreign ministers' talks");
    assert.deepEqual(db2.prepare("SELECT survivor, reason FROM event_tombstones WHERE id = ?").get(gone), {
      survivor: null,
      reason: "retracted",
    });
    assert.equal(resolveEventId(db2, gone), null);
  });

  it("a corrected document merges its event into another: the tombstone points to the survivor", () => {
    const { db, store } = eventDatabase();
    store(docs[0]!);
    const summit = eventOf(db, "a#e1")!;
    // a later article places the summit in Vladivostok: another meeting, as far as anyone can tell
    const wrong = { ...docs[1]!, events: [{ ...docs[1]!.events[0]!, place: "vladivostok" }] };
    store(wrong);
    const other = eventOf(db, "b#e1")!;
    assert.notEqual(other, summit);
    // the article is corrected: its report joins the summit, and its event's id is retired to it
    store(docs[1]!);
    assert.equal(eventOf(db, "b#e1"), summit);
    assert.deepEqual(db.prepare("SELECT survivor, reason FROM event_tombstones WHERE id = ?").get(other), {
      survivor: summit,
      reason: "merged",
    });
    assert.deepEqual(resolveEventId(db, other), { id: summit, from: { id: other, reason: "merged" } });
    assert.equal(eventCard(db, other)?.id, summit);
  });

  it("merging two events retires one id, whose tombstone points to the survivor", () => {
    const { db, store } = eventDatabase();
    // a venue in Pyongyang and a venue in Vladivostok cannot be one meeting…
    store({
      id: "m1",
      published: "2024-06-19",
      events: [
        {
          date: ["2024-06-18", "2024-06-19", "range"],
          place: "kumsusan-guesthouse",
          participants: putinKim24,
          sentence: "両首脳は18日から19日にかけてクムスサン迎賓館で会談した。",
        },
      ],
    });
    store({
      id: "m2",
      published: "2024-06-21",
      events: [
        {
          date: ["2024-06-19", "2024-06-20", "range"],
          place: "pyongyang",
          participants: putinKim24,
          sentence: "両首脳は19日から20日にかけて平壌で会談した。",
        },
      ],
    });
    // …but two overlapping ranges are one event already; a third, more precise report founds nothing new
    assert.equal(eventOf(db, "m1#e1"), eventOf(db, "m2#e1"));
    const before = eventOf(db, "m1#e1")!;
    store({
      id: "m0",
      published: "2024-06-17",
      events: [
        {
          date: ["2024-06-19", "2024-06-19", "day"],
          participants: putinKim24,
          status: "planned",
          sentence: "両首脳は19日に会談する予定だ。",
        },
      ],
    });
    const after = eventOf(db, "m1#e1")!;
    assert.equal(eventOf(db, "m0#e1"), after);
    // an earlier-published report now founds the event: the old id is retired to it
    assert.notEqual(after, before);
    const t = db.prepare("SELECT survivor FROM event_tombstones WHERE id = ?").get(before) as {
      survivor: string;
    };
    assert.equal(t.survivor, after);
    assert.deepEqual(resolveEventId(db, before), { id: after, from: { id: before, reason: "renamed" } });
  });

  it("status evolves: planned then held is occurred with both reports; planned then cancelled is cancelled", () => {
    const { db, store } = eventDatabase();
    const visit = (status: "planned" | "cancelled" | "occurred") => ({
      mode: "visit",
      status,
      date: ["2018-08-27", "2018-08-27", "day"] as [string, string, string],
      place: "PRK",
      participants: [person("mike-pompeo", "2018-08-27"), state("PRK", "recipient")],
      sentence: `ポンペオ国務長官の訪朝(${status})。`,
    });
    store({ id: "plan", published: "2018-08-24", events: [visit("planned")] });
    assert.equal(record(db, "plan#e1").status, "planned");
    store({ id: "cancel", published: "2018-08-25", events: [visit("cancelled")] });
    const cancelled = record(db, "plan#e1");
    assert.equal(cancelled.status, "cancelled");
    assert.deepEqual(
      cancelled.statusHistory.map((s) => [s.status, s.doc]),
      [
        ["planned", "plan"],
        ["cancelled", "cancel"],
      ],
    );
    assert.equal(cancelled.score, -2, "a cancelled meeting counts as PLOVER's REJECT");

    const summit = ingestAll([
      { ...docs[0]!, events: [docs[0]!.events[0]!] },
      {
        id: "plan24",
        published: "2024-06-17",
        events: [{ ...docs[0]!.events[0]!, status: "planned", sentence: "両首脳は19日に会談する予定だ。" }],
      },
    ]);
    const r = record(summit, "a#e1");
    assert.equal(r.status, "occurred");
    assert.deepEqual(
      r.statusHistory.map((s) => s.status),
      ["planned", "occurred"],
    );
    assert.deepEqual(r.docs, ["a", "plan24"]);
    assert.deepEqual(r.conflicts, [], "a plan fulfilled is no conflict");
  });

  it("records conflicts instead of hiding them", () => {
    const db = ingestAll([
      {
        id: "v1",
        published: "2024-06-19",
        events: [{ ...docs[0]!.events[0]!, place: "kumsusan-guesthouse" }],
      },
      {
        id: "v2",
        published: "2024-06-19",
        events: [{ ...docs[0]!.events[0]!, place: "kim-il-sung-square", sentence: "金日成広場で会談した。" }],
      },
      {
        id: "v3",
        published: "2024-06-21",
        events: [{ ...docs[0]!.events[0]!, status: "denied", sentence: "会談はなかったと否定した。" }],
      },
    ]);
    const r = record(db, "v1#e1");
    assert.deepEqual(r.docs, ["v1", "v2", "v3"], "two venues of one city can be one summit");
    const fields = r.conflicts.map((c) => c.field).sort();
    assert.deepEqual(fields, ["place", "status"]);
    assert.equal(r.status, "occurred");
  });
});
