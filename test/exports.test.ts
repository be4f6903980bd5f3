import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseCsv } from "csv-parse/sync";
import { UndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { EXPORT_FORMATS, type ExportFormat, writeExport } from "../src/export/index.js";
import { GEXF_NS } from "../src/export/gexf.js";
import { PLOVER_JSONL_SCHEMA } from "../src/export/plover-schema.js";
import { ACTOR_COLUMNS, EVENT_COLUMNS } from "../src/export/acled-csv.js";
import { TIMELINE_SHEET_COLUMNS } from "../src/export/timelinejs.js";
import type { DB } from "../src/store/database.js";
import { type DocSpec, eventDatabase, lex, person, state } from "./helpers/events.js";

// a small record: the 2019 and 2024 summits (one reported twice), a visit, and an accusation
const docs: DocSpec[] = [
  {
    id: "x1",
    published: "2024-06-19",
    events: [
      {
        date: ["2024-06-19", "2024-06-19", "day"],
        place: "kumsusan-guesthouse",
        participants: [person("vladimir-putin", "2024-06-19"), person("kim-jong-un", "2024-06-19")],
        sentence: "プーチン大統領と金総書記は19日、クムスサン迎賓館で会談した。",
      },
      {
        mode: "visit",
        date: ["2024-06-19", "2024-06-19", "day"],
        place: "pyongyang",
        participants: [person("vladimir-putin", "2024-06-19"), state("PRK", "recipient")],
        sentence: "プーチン大統領は19日未明、平壌に到着した。",
      },
      {
        type: "ACCUSE",
        mode: null,
        date: ["2024-06-19", "2024-06-19", "day"],
        participants: [state("USA"), state("RUS", "recipient")],
        sentence: "米国務省は「危険な協力だ」と非難した。",
      },
    ],
  },
  {
    id: "x2",
    published: "2024-06-20",
    events: [
      {
        date: ["2024-06-19", "2024-06-19", "day"],
        place: "pyongyang",
        participants: [person("vladimir-putin", "2024-06-19"), person("kim-jong-un", "2024-06-19")],
        sentence: "両首脳は19日、平壌で会談した。",
      },
      {
        date: ["2019-04-25", "2019-04-25", "day"],
        place: "vladivostok",
        participants: [person("vladimir-putin", "2019-04-25"), person("kim-jong-un", "2019-04-25")],
        sentence: "両首脳は2019年4月25日にウラジオストクで初めて会談した。",
      },
    ],
  },
];

function database(): DB {
  const { db, store } = eventDatabase();
  for (const d of docs) store(d);
  return db;
}

function exported(db: DB, format: ExportFormat): string {
  let out = "";
  writeExport(db, format, {}, (s) => (out += s), lex);
  return out;
}

describe("exports", () => {
  const db = database();
  const events = (db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;

  it("writes PLOVER JSONL that its JSON Schema accepts, one line per event with citations", () => {
    const schema = JSON.parse(exported(db, "schema"));
    assert.deepEqual(schema, JSON.parse(JSON.stringify(PLOVER_JSONL_SCHEMA)));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const lines = exported(db, "jsonl").trimEnd().split("\n");
    assert.equal(lines.length, events);
    for (const line of lines) {
      const record = JSON.parse(line);
      assert.ok(validate(record), JSON.stringify(validate.errors));
    }
    const summit = lines.map((l) => JSON.parse(l)).find((r) => r.kaidan.name.ja === "2024年露朝首脳会談");
    assert.deepEqual(summit.event, ["CONSULT"]);
    assert.equal(summit.date, "2024-06-19");
    assert.equal(summit.kaidan.sources, 2);
    assert.deepEqual(summit.actor.map((a: { code: string }) => a.code).sort(), ["PRK", "RUS"]);
    assert.ok(
      summit.kaidan.citations.place.some((v: { value: string }) => v.value === "kumsusan-guesthouse"),
    );
    // the schema rejects what is not a kaidan record
    assert.equal(validate({ ...summit, date: "19 June 2024" }), false);
    assert.equal(validate({ ...summit, kaidan: { ...summit.kaidan, status: "maybe" } }), false);
  });

  it("writes the ACLED-style CSVs: one row per event, one row per actor", () => {
    const rows = parseCsv(exported(db, "csv"), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, events);
    assert.deepEqual(Object.keys(rows[0]!), [...EVENT_COLUMNS]);
    const summit = rows.find((r) => r.name_ja === "2024年露朝首脳会談")!;
    assert.equal(summit.event_date, "2024-06-19");
    assert.equal(summit.time_precision, "1");
    assert.deepEqual([summit.actor1, summit.actor2].sort(), ["Kim Jong Un", "Vladimir Putin"]);
    assert.equal(summit.source_urls, "https://example.org/x1 https://example.org/x2");
    const actors = parseCsv(exported(db, "actors-csv"), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(actors[0]!), [...ACTOR_COLUMNS]);
    assert.equal(actors.filter((a) => a.event_id === summit.event_id).length, 2);
    const accusation = actors.filter(
      (a) => rows.find((r) => r.event_id === a.event_id)?.event_type === "ACCUSE",
    );
    assert.deepEqual(accusation.map((a) => [a.actor_id, a.role]).sort(), [
      ["RUS", "recipient"],
      ["USA", "actor"],
    ]);
  });

  it("writes TimelineJS JSON and its spreadsheet layout", () => {
    const t = JSON.parse(exported(db, "timelinejs"));
    assert.ok(t.title.text.headline);
    assert.equal(t.events.length, events);
    for (const e of t.events) {
      assert.equal(typeof e.start_date.year, "number");
      assert.ok(e.text.headline && e.unique_id.startsWith("ev-"));
    }
    assert.ok(
      t.events.some(
        (e: { start_date: object }) => JSON.stringify(e.start_date) === '{"year":2019,"month":4,"day":25}',
      ),
    );
    const sheet = parseCsv(exported(db, "timelinejs-csv"), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(sheet[0]!), [...TIMELINE_SHEET_COLUMNS]);
    assert.equal(sheet.length, events);
    assert.ok(
      sheet.some(
        (r) => r.Year === "2024" && r.Month === "6" && r.Day === "19" && r.Headline === "2024年露朝首脳会談",
      ),
    );
  });

  it("writes a dynamic GEXF 1.3 network that graphology reads back", () => {
    const xml = exported(db, "gexf");
    const graph = parseGexf(UndirectedGraph, xml);
    assert.ok(graph.hasNode("vladimir-putin") && graph.hasNode("kim-jong-un"));
    const edge = graph.edge("kim-jong-un", "vladimir-putin")!;
    assert.equal(graph.getEdgeAttribute(edge, "weight"), 2, "two summits");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const g = doc.getElementsByTagNameNS(GEXF_NS, "graph")[0]!;
    assert.equal(doc.documentElement!.getAttribute("version"), "1.3");
    assert.equal(g.getAttribute("mode"), "dynamic");
    assert.equal(g.getAttribute("timeformat"), "date");
    const spells = [
      ...Array.from({ length: doc.getElementsByTagNameNS(GEXF_NS, "spell").length }, (_, i) =>
        doc.getElementsByTagNameNS(GEXF_NS, "spell")[i]!.getAttribute("start"),
      ),
    ];
    assert.ok(spells.includes("2019-04-25") && spells.includes("2024-06-19"), spells.join());
  });

  it("writes GraphML that graphology reads back with typed attributes", () => {
    const graph = parseGraphml(UndirectedGraph, exported(db, "graphml"));
    const edge = graph.edge("kim-jong-un", "vladimir-putin")!;
    assert.equal(graph.getEdgeAttribute(edge, "weight"), 2);
    assert.equal(graph.getEdgeAttribute(edge, "dates"), "2019-04-25,2024-06-19");
    assert.equal(graph.getNodeAttribute("kim-jong-un", "label"), "Kim Jong Un");
    assert.equal(graph.getNodeAttribute("kim-jong-un", "events"), 2);
  });

  it("has a writer for every format it offers", () => {
    for (const f of EXPORT_FORMATS) assert.ok(exported(db, f).length > 0, f);
  });
});
