import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { type AnalysedDocument } from "../src/pipeline/document.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { eventCard, findEvents, itinerary, network, relations } from "../src/query/index.js";
import { readFile, ReadError } from "../src/read/index.js";
import { resolutionObserver } from "../src/resolve/events/observer.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { WriteBatch } from "../src/store/batch.js";
import { DocumentWriter, storeRecord } from "../src/store/write.js";
import { eventTable } from "./helpers/events.js";
import { hasShared, projectRoot, seedsDir } from "./helpers/shared.js";

// articles written for these tests about the 2019, 2023 and 2024 Putin–Kim summits, the 2024
// summit announced the day before, and a visit announced then cancelled (test/fixtures/resolution)
const fixtures = join(projectRoot, "test", "fixtures", "resolution");
const pipeline = createExtractionPipeline();

async function analyse(dir: string): Promise<AnalysedDocument[]> {
  const out: AnalysedDocument[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort())
    for (const item of readFile(join(dir, f)))
      if (!(item instanceof ReadError)) out.push(await pipeline.process(item));
  return out;
}

function ingest(docs: readonly AnalysedDocument[]): DB {
  const db = openDatabase(":memory:");
  const writer = new DocumentWriter(db, resolutionObserver(db, pipeline.ctx.lexicon));
  for (const d of docs) writer.store(d, extractionOf(d));
  return db;
}

const summitsOf = (db: DB) =>
  findEvents(db, {
    pair: ["vladimir-putin", "kim-jong-un"],
    families: ["CONSULT:meeting"],
    status: ["occurred"],
  }).items;

describe("resolution of the test articles", () => {
  let docs: AnalysedDocument[] = [];
  let db: DB;
  before(async () => {
    docs = await analyse(fixtures);
    db = ingest(docs);
  });

  it("makes one record per summit across documents, and keeps the pair's summits apart", () => {
    const byDate = new Map(summitsOf(db).map((e) => [e.date?.start, e]));
    const docsOf = (date: string) =>
      eventCard(db, byDate.get(date)!.id)!
        .sources.map((s) => s.doc)
        .sort();
    assert.ok(docsOf("2019-04-25").includes("r04") && docsOf("2019-04-25").includes("r05"));
    assert.ok(docsOf("2023-09-13").includes("r06") && docsOf("2023-09-13").includes("r07"));
    assert.deepEqual(docsOf("2024-06-19"), ["r01", "r02", "r03"]);
    for (const date of ["2019-04-25", "2023-09-13", "2024-06-19"])
      assert.equal(
        summitsOf(db).filter((e) => e.date?.start === date).length,
        1,
        `one record for the ${date} summit`,
      );
  });

  it("turns the planned summit into one that occurred, with both reports", () => {
    const summit = summitsOf(db).find((e) => e.date?.start === "2024-06-19")!;
    const card = eventCard(db, summit.id)!;
    assert.equal(card.status, "occurred");
    assert.deepEqual(
      card.statusHistory.map((s) => [s.status, s.doc]),
      [
        ["planned", "r01"],
        ["occurred", "r02"],
      ],
    );
    assert.equal(card.name.ja, "2024年露朝首脳会談");
    assert.equal(card.place?.id, "kumsusan-guesthouse", "the venue beats the city");
    assert.ok(
      card.outcomes.some((o) => o.type === "SUPPORT"),
      "the treaty signed at it",
    );
    assert.ok(card.quotes.length > 0);
    assert.deepEqual(
      card.series.all.map((e) => e.date?.start),
      ["2019-04-25", "2023-09-13", "2024-06-19"],
    );
    assert.equal(card.series.previous?.date?.start, "2023-09-13");
    for (const s of card.sources) {
      const body = docs.find((d) => d.source.id === s.doc)!.source.body;
      for (const c of s.sentences) assert.equal(body.slice(c.start, c.end), c.text);
    }
  });

  it("records a visit announced and then cancelled as one event, cancelled", () => {
    const visit = findEvents(db, { actor: "mike-pompeo", families: ["CONSULT:visit"] }).items;
    assert.equal(visit.length, 1);
    // the resolver's part is tested on hand-made reports (resolver.test.ts); here it follows
    // whatever the extractor reads in the cancellation article
    const cancellation = extractionOf(docs.find((d) => d.source.id === "r09")!).events;
    assert.equal(visit[0]!.status, cancellation.length > 0 ? "cancelled" : "planned");
    assert.equal(visit[0]!.sources, 1 + Math.min(1, cancellation.length));
  });

  it("gives the same events in any order, and re-ingesting changes nothing", () => {
    const expected = eventTable(db);
    assert.deepEqual(eventTable(ingest([...docs].reverse())), expected);
    const shuffled = [3, 7, 0, 5, 8, 1, 6, 2, 4].map((i) => docs[i]!);
    const other = ingest(shuffled);
    assert.deepEqual(eventTable(other), expected);
    const writer = new DocumentWriter(other, resolutionObserver(other, pipeline.ctx.lexicon));
    for (const d of docs) writer.store(d, extractionOf(d));
    assert.deepEqual(eventTable(other), expected);
  });

  it("resolves a batch's documents together into the same events, seen once the batch commits", () => {
    const expected = eventTable(db);
    const batched = openDatabase(":memory:");
    const resolution = resolutionObserver(batched, pipeline.ctx.lexicon);
    const writer = new DocumentWriter(batched, resolution);
    const batch = new WriteBatch(batched, { documents: 100, millis: 60_000 }, [resolution]);
    const [first, ...rest] = docs.map((d) => storeRecord(d, extractionOf(d)));
    batch.write(() => writer.writeInTransaction(first!));
    // a document that fails after its rows and reports are written takes nothing else with it
    assert.throws(() =>
      batch.write(() => {
        writer.writeInTransaction(rest[0]!);
        throw new Error("cannot be stored");
      }),
    );
    for (const r of rest) batch.write(() => writer.writeInTransaction(r));
    assert.equal(
      batched.prepare("SELECT count(*) FROM events").pluck().get(),
      0,
      "the events are held back until the batch commits",
    );
    // one already in the batch, stored again: resolved against what the batch holds
    batch.write(() => writer.writeInTransaction(rest[1]!));
    batch.commit();
    assert.deepEqual(eventTable(batched), expected);
  });

  it("answers timelines, itineraries, relations and the network from the events", () => {
    const timeline = findEvents(db, { pair: ["RUS", "PRK"], from: "2019", to: "2024" }).items;
    assert.ok(timeline.length >= 3);
    const dates = timeline.map((e) => e.date?.start ?? "");
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(
      findEvents(db, { pair: ["RUS", "PRK"], from: "2024-06" }).items.every(
        (e) => e.date!.start >= "2024-06",
      ),
    );

    const trip = findEvents(db, { actor: "vladimir-putin", families: ["CONSULT:visit"], from: "2024" })
      .items[0]!;
    const it = itinerary(db, trip.id)!;
    assert.equal(it.host, "PRK");
    assert.ok(
      it.stops.some((s) => s.name.ja === "2024年露朝首脳会談"),
      "the summit is a stop of Putin's trip",
    );

    const rel = relations(db, { a: "RUS", b: "PRK", from: "2024-06", to: "2024-06" });
    assert.equal(rel.months.length, 1);
    assert.ok(rel.months[0]!.cooperation >= 2 && rel.months[0]!.score > 0);

    const net = network(db, { actor: "kim-jong-un" });
    const tie = net.edges.find((e) => [e.source, e.target].sort().join() === "kim-jong-un,vladimir-putin")!;
    assert.equal(tie.weight, 3);
    assert.deepEqual(
      tie.meetings.map((m) => m.date),
      ["2019-04-25", "2023-09-13", "2024-06-19"],
    );
  });
});

describe(
  "resolution with the shared seed articles",
  { skip: !hasShared && "../shared is not beside the project" },
  () => {
    it("merges the seeds' report of the 2024 summit with the test articles'", async () => {
      const all = [...(await analyse(fixtures)), ...(await analyse(seedsDir))];
      const db = ingest(all);
      const summit = summitsOf(db).filter((e) => e.date?.start === "2024-06-19");
      assert.equal(summit.length, 1);
      const sources = eventCard(db, summit[0]!.id)!.sources.map((s) => s.doc);
      assert.ok(sources.includes("s003") && sources.includes("r02"), sources.join());
      assert.deepEqual(eventTable(ingest([...all].reverse())), eventTable(db));
    });
  },
);
